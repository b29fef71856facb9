#!/usr/bin/env bash
# The README's test command: installs what is missing, then runs every test (unit, type check, build,
# Chromium and Firefox ESR end to end) and ends with "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-deps.sh
exec node scripts/test-all.mjs "$@"
