#!/usr/bin/env bash
# Installs Debian's Chromium for the dashboard's headless-browser test. Idempotent and quiet: does nothing when
# /usr/bin/chromium already exists; otherwise apt-get update + install (non-interactive). Never fails the caller:
# when the install is impossible, the browser test skips with a message saying so.
set -u
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
fi
if ! { $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null; }; then
  echo "install-chromium: could not install chromium; the headless dashboard test will skip" >&2
  exit 0
fi
/usr/bin/chromium --version
