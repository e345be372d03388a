#!/usr/bin/env bash
# Installs the peer the benchmark measures Aimline beside (Emmett on SQLite: emmett 0.42.0,
# emmett-sqlite 0.42.4, sqlite3 5.1.7) into bench/peer/node_modules, from this folder's own
# lockfile. Opt-in: sqlite3 has no prebuilt binary here and compiles from source (about 9
# minutes on 2 cores; seconds when pnpm's store already holds the build from an earlier
# install), so neither the workspace install nor CI pays for it. Emmett is never a dependency of
# the workspace or of a library (scripts/check-package-deps.mjs says so).
# Run after scripts/bootstrap.sh (it uses the pnpm that installs); then `bash scripts/pnpm.sh
# bench peer` (or a full `bash scripts/pnpm.sh bench`) measures it.
set -euo pipefail
cd "$(dirname "$0")"
if [ -d /usr/include/node ] && [ -z "${npm_config_nodedir:-}" ]; then export npm_config_nodedir=/usr; fi
../../.tools/node_modules/.bin/pnpm install --frozen-lockfile --reporter=append-only
node -e "require('sqlite3'); require.resolve('@event-driven-io/emmett-sqlite')" ||
  { echo "the peer did not install whole: its sqlite3 does not load"; exit 1; }
echo "peer installed: bash scripts/pnpm.sh bench peer measures it"
