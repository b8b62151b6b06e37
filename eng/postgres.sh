#!/usr/bin/env bash
# A throwaway PostgreSQL server for the CustomerAnalytics.Sql tests.
#   bash eng/postgres.sh start DIR   installs Debian's postgresql package if no server binaries are found, creates a
#                                    cluster in DIR/data owned by a normal user (the server refuses to run as root:
#                                    the package's `postgres` user, else one made with useradd), starts it listening
#                                    on a Unix socket in DIR/socket only (port 55432, no TCP), creates the database
#                                    customer_analytics and writes its Npgsql connection string to DIR/connection.
#   bash eng/postgres.sh stop DIR    stops the server and removes DIR.
# The tests read the connection string from CUSTOMER_ANALYTICS_PG (.ci/run exports it); without it they skip.
set -euo pipefail
command=${1:?usage: postgres.sh start|stop DIR}
dir=${2:?usage: postgres.sh start|stop DIR}
port=55432

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

owner=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
fi

case "$command" in
start)
  bin=$(find_bin)
  if [ -z "$bin" ]; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "postgres.sh: no PostgreSQL server found and not root: install the postgresql package." >&2
      exit 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends postgresql >/dev/null
    bin=$(find_bin)
  fi
  if [ "$(id -u)" -eq 0 ] && ! id -u "$owner" >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin "$owner"
  fi
  mkdir -p "$dir/socket"
  [ "$(id -u)" -eq 0 ] && chown -R "$owner" "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --no-locale >"$dir/initdb.log"
  as_owner "$bin/pg_ctl" start -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir/socket -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  as_owner "$bin/psql" -h "$dir/socket" -p "$port" -U postgres -d postgres -qAt -c "CREATE DATABASE customer_analytics" >/dev/null
  echo "Host=$dir/socket;Port=$port;Username=postgres;Database=customer_analytics" >"$dir/connection"
  echo "postgres.sh: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on $dir/socket (port $port)."
  ;;
stop)
  bin=$(find_bin)
  if [ -n "$bin" ] && [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" stop -D "$dir/data" -m fast -w >/dev/null || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "usage: postgres.sh start|stop DIR" >&2
  exit 2
  ;;
esac
