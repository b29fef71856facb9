#!/usr/bin/env bash
# The README's run command: installs what is missing, builds the extension and opens a browser with it on
# the local replica of the portal (offline). Options: --headless, --firefox.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec node_modules/.bin/tsx scripts/start.ts "$@"
