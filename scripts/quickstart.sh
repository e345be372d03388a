#!/usr/bin/env bash
# The main job on a fresh machine: install, build, and run `aimline demo` on the embedded
# SQLite store (./.aimline/events.db), then show where to look next.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
echo "aimline: building ..." >&2
bash scripts/pnpm.sh run --silent build
node packages/cli/dist/main.js demo "$@"
echo
echo "Run any of those with: bash scripts/aimline <command>   (or node packages/cli/dist/main.js <command>)"
