#!/usr/bin/env bash
# The 3-node EventStoreDB failover test on its own (servers it starts itself): kill -9 of the
# leader mid-run, nothing acknowledged lost or duplicated, subscriptions resume exactly once, the
# old leader rejoins. It is also part of the test command; this runs it alone (e.g. many times in a
# row: each run leaves a per-phase trace in $TMPDIR/aimline-failover-*.log when it fails).
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit 1
exec .tools/node_modules/.bin/pnpm exec vitest run packages/store-eventstoredb/test/failover.test.ts "$@"
