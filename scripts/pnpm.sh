#!/usr/bin/env bash
# Runs the project's pinned pnpm (installed by scripts/bootstrap.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -d /usr/include/node ] && [ -z "${npm_config_nodedir:-}" ]; then export npm_config_nodedir=/usr; fi
exec .tools/node_modules/.bin/pnpm "$@"
