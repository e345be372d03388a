/**
 * Append throughput: the council's generated commands through the command handler (validate,
 * load from the cache or the store, decide, encode, hash-chain, insert) into a new SQLite
 * store, one command per transaction and 100 commands per transaction — beside raw
 * better-sqlite3 inserts of the very rows the handler wrote, in the same transactions.
 *
 * The batched run hands each 100 commands to the handler's group commit (`handleMany`: one
 * transaction, one fsync, each command's append in a savepoint of its own); the single run
 * handles one command at a time (`handle`: a group of one).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandHandler, type AnyDomainModule } from '../../packages/kernel/src/index.js';
import { openSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { Database, timed } from './common.js';
import type { StoredStep } from './dataset.js';
import { summariseProfile, type CpuProfile, type ProfileSummary } from './profile-summary.js';

export interface AppendRun {
  readonly commands: number;
  readonly events: number;
  readonly transactions: number;
  readonly ms: number;
  readonly cpuMs: number;
}

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'aimline-bench-append-'));

/** Runs the steps through the handler into a new store; returns the timing and the file. */
export const handlerAppend = async (
  steps: ReadonlyArray<StoredStep>,
  moduleNamed: (name: string) => AnyDomainModule,
  batch: number,
): Promise<{ run: AppendRun; dir: string; path: string }> => {
  const dir = freshDir();
  const path = join(dir, 'events.db');
  const store = openSqliteEventStore(path);
  let now = '';
  const handler = commandHandler({ store, clock: () => now, maxRetries: 0 });
  let events = 0;
  let transactions = 0;
  const t = await timed(async () => {
    for (let i = 0; i < steps.length; i += batch) {
      const chunk = steps.slice(i, i + batch);
      // The group's recordedAt is its last command's, as a live group is recorded when it commits.
      now = chunk[chunk.length - 1]!.recordedAt;
      const results = await handler.handleMany(
        chunk.map((s) => ({
          module: moduleNamed(s.module),
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
  });
  await store.dispose();
  return {
    run: { commands: steps.length, events, transactions, ms: t.ms, cpuMs: t.cpuMs },
    dir,
    path,
  };
};

/** The rows a handler run stored, grouped into the transactions of `batch` commands it used. */
export const storedRows = (
  path: string,
  steps: ReadonlyArray<StoredStep>,
  batch: number,
): unknown[][][] => {
  const index = new Map(steps.map((s, i) => [s.commandId, i]));
  const db = new Database(path, { readonly: true });
  const rows = db
    .prepare(
      'SELECT id, stream, revision, type, schema_version, data, metadata FROM events ORDER BY position',
    )
    .raw(true)
    .all() as unknown[][];
  db.close();
  const groups = new Map<number, unknown[][]>();
  for (const row of rows) {
    const commandId = (JSON.parse(row[6] as string) as { commandId: string }).commandId;
    const i = index.get(commandId);
    if (i === undefined) throw new Error(`row of an unknown command ${commandId}`);
    const key = batch > 1 ? Math.floor(i / batch) : i;
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = []));
    g.push(row);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([, g]) => g);
};

/** The baseline: raw inserts of the same rows into a new store file, one transaction per group. */
export const rawAppend = async (
  groups: ReadonlyArray<ReadonlyArray<unknown[]>>,
): Promise<{ run: AppendRun; dir: string }> => {
  const dir = freshDir();
  const path = join(dir, 'events.db');
  await openSqliteEventStore(path).dispose(); // same schema, indexes and WAL header
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const write = db.transaction((rows: ReadonlyArray<unknown[]>) => {
    for (const r of rows) insert.run(...r);
  });
  let events = 0;
  const t = await timed(() => {
    for (const g of groups) {
      write.immediate(g);
      events += g.length;
    }
  });
  db.close();
  return {
    run: { commands: groups.length, events, transactions: groups.length, ms: t.ms, cpuMs: t.cpuMs },
    dir,
  };
};

export const removeDir = (dir: string): void => rmSync(dir, { recursive: true, force: true });

/** Where a handler append's time goes: its CPU profile, and the SQL statements it runs. */
export interface AppendProfile {
  readonly profile: ProfileSummary;
  readonly transactions: number;
  readonly statementsPerCommand: number;
  readonly statements: ReadonlyArray<{ readonly sql: string; readonly perCommand: number }>;
}

/**
 * The handler append of `count` steps (`batch` per group commit) once more in a child under
 * plain `node` on the BUILT packages (`bench/helpers/append-child.mjs`): the statements it runs,
 * counted, and a V8 CPU profile of the append loop alone (sampled every 250 µs; wall-clock
 * samples, so the time spent waiting for a commit's fsync shows as the transaction's own).
 */
export const profileAppend = (stepsFile: string, count: number, batch: number): AppendProfile => {
  const child = fileURLToPath(new URL('./append-child.mjs', import.meta.url));
  const built = fileURLToPath(new URL('../../packages/aimline/dist/registry.js', import.meta.url));
  if (!existsSync(built))
    throw new Error(
      'the append profile runs the built packages: run `bash scripts/pnpm.sh run build`',
    );
  const dir = freshDir();
  try {
    const file = join(dir, 'append.cpuprofile');
    const r = spawnSync(process.execPath, [child, stepsFile, String(count), String(batch), file], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) throw new Error(`append profile failed: ${r.stderr}`);
    const counted = JSON.parse(r.stdout) as Omit<AppendProfile, 'profile'>;
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    return {
      ...counted,
      profile: summariseProfile(
        profile,
        `the handler appending the same ${count.toLocaleString('en-GB')} commands once more, ${batch === 1 ? 'one per transaction' : `${batch} per transaction`}, plain node on dist (bench/helpers/append-child.mjs), V8 sampling profiler every 250 µs, self time (a statement's native run includes COMMIT and the wait for its fsync)`,
      ),
    };
  } finally {
    removeDir(dir);
  }
};

/** The statements of an append profile, in words, for a figure's detail. */
export const statementsText = (p: AppendProfile): string =>
  `${p.statementsPerCommand.toFixed(1)} SQLite statements per command (${p.transactions} commits, one fsync each under WAL synchronous=FULL): ${p.statements.map((s) => `${s.perCommand.toFixed(2)}× ${s.sql}`).join('; ')}`;
