#!/usr/bin/env bash
# Installs Debian's python3-pandas for local runs of `compare --job full` (the benchmarks' pandas side, run with
# /usr/bin/python3). CI does not need it: the pandas approach and its tests are skipped, saying why, where it is absent.
set -euo pipefail
if /usr/bin/python3 -c 'import pandas' 2>/dev/null; then
  echo "python3-pandas is already installed: $(/usr/bin/python3 -c 'import pandas; print(pandas.__version__)')"
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  apt-get install -y python3-pandas
else
  sudo apt-get install -y python3-pandas
fi
/usr/bin/python3 -c 'import pandas; print("pandas", pandas.__version__)'
