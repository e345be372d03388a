#!/usr/bin/env bash
# Installs what Aimline needs on a machine with only Node 20 and npm:
# pnpm (pinned, into ./.tools, no global install and no corepack) and the workspace's
# dependencies from the lockfile. better-sqlite3 builds from source against Node's own headers.
set -euo pipefail
cd "$(dirname "$0")/.."
PNPM_VERSION=10.34.9
if [ -d /usr/include/node ] && [ -z "${npm_config_nodedir:-}" ]; then export npm_config_nodedir=/usr; fi
if [ ! -x .tools/node_modules/.bin/pnpm ] || [ "$(.tools/node_modules/.bin/pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "aimline: installing pnpm $PNPM_VERSION into .tools/ ..." >&2
  npm install --prefix .tools --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >&2
fi
if [ ! -f node_modules/.modules.yaml ] || [ pnpm-lock.yaml -nt node_modules/.modules.yaml ]; then
  echo "aimline: installing dependencies (better-sqlite3 compiles from source: about 2 minutes the first time) ..." >&2
  .tools/node_modules/.bin/pnpm install --frozen-lockfile --reporter=append-only >&2
fi
