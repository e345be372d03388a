#!/usr/bin/env bash
# The whole test suite: installs what is missing, runs every test once, and ends with a
# line "N passed, N failed" (vitest prints none of its own).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit 1
rm -f .vitest-results.json
.tools/node_modules/.bin/pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.vitest-results.json "$@"
status=$?
node scripts/summarise-tests.mjs .vitest-results.json || status=1
exit $status
