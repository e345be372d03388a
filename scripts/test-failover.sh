#!/usr/bin/env bash
# The 3-node EventStoreDB failover test on its own (servers it starts itself): kill -9 of the
# leader mid-run, nothing acknowledged lost or duplicated, subscriptions resume exactly once, the
# old leader rejoins. Not in scripts/test.sh while it hangs in about one run in three here.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh || exit 1
AIMLINE_FAILOVER=1 .tools/node_modules/.bin/pnpm exec vitest run packages/store-eventstoredb/test/failover.test.ts "$@"
