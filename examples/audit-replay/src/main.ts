/**
 * An auditor's replay of an Aimline SQLite store:
 *
 *   npx tsx examples/audit-replay/src/main.ts STORE.db AS_OF [--case STREAM] [--json]
 *   npx tsx examples/audit-replay/src/main.ts ./.aimline/events.db 2024-06-30T23:59:59Z
 *
 * Exit codes: 0 chains intact, 2 bad command line, 3 store unavailable, 4 a chain is broken or
 * an event no longer decodes.
 */
import { existsSync } from 'node:fs';
import { IsoInstant } from '@aimline/kernel';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { auditReplay, AuditReplayError, formatAuditReport } from './audit-replay.js';

const usage = 'usage: audit-replay STORE.db AS_OF [--case STREAM] [--json]';
const args = process.argv.slice(2);
const json = args.includes('--json');
const caseAt = args.indexOf('--case');
const caseStream = caseAt >= 0 ? args[caseAt + 1] : undefined;
const positional = args.filter((a, i) => !a.startsWith('--') && (caseAt < 0 || i !== caseAt + 1));
const [path, asOf] = positional;

if (path === undefined || asOf === undefined || (caseAt >= 0 && caseStream === undefined)) {
  console.error(usage);
  process.exit(2);
}
if (!IsoInstant.is(asOf)) {
  console.error(
    `AS_OF must be an ISO-8601 instant with offset, e.g. 2024-06-30T23:59:59Z; got ${positional[1] ?? ''}`,
  );
  process.exit(2);
}
if (!existsSync(path)) {
  console.error(`no store at ${path}`);
  process.exit(3);
}

const store = openSqliteEventStore(path);
try {
  const report = await auditReplay(store, {
    asOf,
    ...(caseStream === undefined ? {} : { caseStream }),
  });
  console.log(json ? JSON.stringify(report, null, 2) : formatAuditReport(report));
  process.exitCode = report.chains.ok ? 0 : 4;
} catch (e) {
  if (!(e instanceof AuditReplayError)) throw e;
  console.error(`corrupt history: ${e.message}`);
  process.exitCode = 4;
} finally {
  await store.dispose();
}
