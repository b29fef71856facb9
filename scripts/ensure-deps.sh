#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian 12 machine (as root), and nothing twice:
# Debian's browsers and servers for the tests, then the npm packages from the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."

# lighttpd + mod_webdav (honours preconditions) and nginx + dav-ext (ignores them): the WebDAV servers sync tests run against.
APT_PACKAGES=(chromium firefox-esr fonts-wqy-zenhei lighttpd lighttpd-mod-webdav nginx libnginx-mod-http-dav-ext)
missing=()
for package in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# npm ci when node_modules is missing or was installed from another lock file.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.lock-hash ] || [ "$(cat node_modules/.lock-hash)" != "$lock_hash" ]; then
  echo "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund
  echo "$lock_hash" > node_modules/.lock-hash
fi
