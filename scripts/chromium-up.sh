#!/usr/bin/env bash
# Installs Debian's Chromium (if missing) for the browser tests, which drive it with playwright-core.
# Browsers are never downloaded by npm. Prints the executable path on its last line.
set -euo pipefail

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -ne 0 ]; then echo "chromium-up: Chromium is not installed and this is not root" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq chromium >/dev/null
fi
echo /usr/bin/chromium
