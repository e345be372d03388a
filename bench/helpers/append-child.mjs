/**
 * Where an append's time goes: the handler append of `bench/helpers/append.ts` once more, in
 * a process of its own under plain `node` on the BUILT packages (`dist/`), so a CPU profile
 * names real functions and lines: `node bench/helpers/append-child.mjs STEPS.json COUNT BATCH
 * PROFILE.cpuprofile`. It runs the commands twice into new store files: first counting every
 * SQLite statement the store runs (better-sqlite3's `run`/`get`/`all`/`iterate`, by SQL text),
 * then, uncounted, under V8's sampling profiler (every 250 µs, the append loop alone). Prints
 * one JSON line: commands, events, transactions, and the statements per command by kind.
 *
 * The loop is the one `bench/helpers/append.ts` times, written again in JavaScript because
 * plain node cannot load the TypeScript helper. Keep the two in step.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandHandler } from '../../packages/kernel/dist/index.js';
import { openSqliteEventStore } from '../../packages/store-sqlite/dist/index.js';
import { domainRegistry } from '../../packages/aimline/dist/registry.js';
import { defaultCouncilPolicy } from '../../packages/aimline/dist/council-policy.js';

const [stepsPath, countText, batchText, profilePath] = process.argv.slice(2);
if (profilePath === undefined)
  throw new Error('usage: append-child.mjs STEPS.json COUNT BATCH PROFILE.cpuprofile');
const steps = JSON.parse(readFileSync(stepsPath, 'utf8')).slice(0, Number(countText));
const batch = Number(batchText);
const registry = domainRegistry(defaultCouncilPolicy());
const modules = new Map(registry.modules.map((m) => [m.name, m]));

/** The handler append of `append.ts`: `batch` commands per group commit, into a new file. */
const appendAll = async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-bench-append-child-'));
  const store = openSqliteEventStore(join(dir, 'events.db'));
  let now = '';
  const handler = commandHandler({ store, clock: () => now, maxRetries: 0 });
  let events = 0;
  let transactions = 0;
  try {
    for (let i = 0; i < steps.length; i += batch) {
      const chunk = steps.slice(i, i + batch);
      now = chunk[chunk.length - 1].recordedAt;
      const results = await handler.handleMany(
        chunk.map((s) => ({
          module: modules.get(s.module),
          envelope: {
            commandId: s.commandId,
            command: s.command,
            ...(s.correlationId === undefined ? {} : { correlationId: s.correlationId }),
            ...(s.causationId === undefined ? {} : { causationId: s.causationId }),
          },
        })),
      );
      let appended = 0;
      for (const r of results)
        if (r._tag === 'Right' && r.right.events.length > 0) {
          events += r.right.events.length;
          appended++;
        }
      transactions += batch > 1 ? (appended > 0 ? 1 : 0) : appended;
    }
  } finally {
    await store.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  return { events, transactions };
};

// Pass 1: every statement the store runs, counted by its SQL (the wrappers are removed after).
const Database = createRequire(
  new URL('../../packages/store-sqlite/package.json', import.meta.url),
)('better-sqlite3');
const probe = new Database(':memory:');
const statementMethods = Object.getPrototypeOf(probe.prepare('SELECT 1'));
probe.close();
const counts = new Map();
const originals = ['run', 'get', 'all', 'iterate'].map((name) => [name, statementMethods[name]]);
for (const [name, original] of originals)
  statementMethods[name] = function counted(...args) {
    const sql = this.source.replace(/\s+/g, ' ').trim();
    counts.set(sql, (counts.get(sql) ?? 0) + 1);
    return original.apply(this, args);
  };
const counted = await appendAll();
for (const [name, original] of originals) statementMethods[name] = original;

// Pass 2: the same append, profiled.
const profiler = new Session();
profiler.connect();
await profiler.post('Profiler.enable');
await profiler.post('Profiler.setSamplingInterval', { interval: 250 });
await profiler.post('Profiler.start');
await appendAll();
const { profile } = await profiler.post('Profiler.stop');
profiler.disconnect();
writeFileSync(profilePath, JSON.stringify(profile));

// Statements run at least once per transaction (a store's opening runs a few once: left
// out), the event row's columns shortened to <row>.
const perCommand = [...counts]
  .filter(([, n]) => n >= Math.max(2, 0.9 * counted.transactions))
  .map(([sql, n]) => ({
    sql: sql.replace(
      'SELECT position, id, stream, revision, type, schema_version, data, metadata FROM',
      'SELECT <row> FROM',
    ),
    perCommand: Math.round((100 * n) / steps.length) / 100,
  }))
  .sort((a, b) => b.perCommand - a.perCommand);
console.log(
  JSON.stringify({
    commands: steps.length,
    events: counted.events,
    transactions: counted.transactions,
    statementsPerCommand: perCommand.reduce((sum, s) => sum + s.perCommand, 0),
    statements: perCommand,
  }),
);
