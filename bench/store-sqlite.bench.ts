/**
 * The SQLite store's replay speed: events per second through `readAll` (paged queries,
 * row checks, JSON parsing, bigint positions, async iteration) against the floor of what
 * any reader of the same file must do — better-sqlite3's `iterate()` and `JSON.parse` of
 * data and metadata for the same rows; and appends in batches of 100 beside raw inserts of the
 * rows the store wrote. Contender and baseline alternate ABBA after a discarded warm-up
 * (bench/helpers/figures.ts). Prints; never asserts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend } from '../packages/kernel/src/index.js';
import { openSqliteEventStore } from '../packages/store-sqlite/src/index.js';
import { Database, EVENT_COLUMNS } from './helpers/common.js';
import { alternate, figure, paired, size, type Figure } from './helpers/figures.js';

const EVENTS = size('AIMLINE_BENCH_SQLITE_EVENTS', 100_000, 2_000);
const BATCH = 100;
const STREAMS = 50;

const event = (n: number): EventToAppend => ({
  id: randomUUID(),
  type: 'AttendanceRecorded',
  schemaVersion: 1,
  data: {
    n,
    meeting: `meeting-${n % 97}`,
    member: `member-${n % 1013}`,
    status: n % 3 === 0 ? 'present' : 'absent',
  },
  metadata: {
    occurredAt: '2026-03-29T00:30:00.000Z',
    recordedAt: '2026-03-29T00:30:01.000Z',
    actor: { id: 'bench', role: 'clerk', agency: 'aimline' },
    commandId: randomUUID(),
    commandFingerprint: randomBytes(32).toString('hex'),
    correlationId: 'bench',
    causationId: 'bench',
  },
});

const batches = Array.from({ length: EVENTS / BATCH }, (_, b) =>
  Array.from({ length: BATCH }, (_, i) => event(b * BATCH + i)),
);

/** Appends every batch through the store into a new file; returns wall ms. */
const storeAppend = async (path: string): Promise<number> => {
  const store = openSqliteEventStore(path);
  const start = performance.now();
  for (let b = 0; b < batches.length; b++)
    await store.append(`attendance-${b % STREAMS}`, batches[b]!, { expectedRevision: 'any' });
  const ms = performance.now() - start;
  await store.dispose();
  return ms;
};

/** The rows a store wrote, in transactions of BATCH (one per append), for the raw baseline. */
const storedRows = (path: string): unknown[][][] => {
  const db = new Database(path, { readonly: true });
  const rows = db
    .prepare(
      'SELECT id, stream, revision, type, schema_version, data, metadata FROM events ORDER BY position',
    )
    .raw(true)
    .all() as unknown[][];
  db.close();
  return Array.from({ length: rows.length / BATCH }, (_, b) =>
    rows.slice(b * BATCH, (b + 1) * BATCH),
  );
};

/** Raw better-sqlite3 inserts of the same rows, same schema and pragmas; returns wall ms. */
const rawAppend = async (path: string, groups: ReadonlyArray<unknown[][]>): Promise<number> => {
  await openSqliteEventStore(path).dispose(); // the store's schema, indexes and WAL header
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const write = db.transaction((rows: ReadonlyArray<unknown[]>) => {
    for (const r of rows) insert.run(...r);
  });
  const start = performance.now();
  for (const g of groups) write.immediate(g);
  const ms = performance.now() - start;
  db.close();
  return ms;
};

export async function run(): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-bench-sqlite-'));
  let file = 0;
  const fresh = (): string => join(dir, `append-${file++}.db`);
  try {
    const path = join(dir, 'bench.db');
    await storeAppend(path);
    const groups = storedRows(path);
    const appends = await alternate({
      store: async () => {
        const p = fresh();
        const ms = await storeAppend(p);
        rmSync(p, { force: true });
        return ms;
      },
      raw: async () => {
        const p = fresh();
        const ms = await rawAppend(p, groups);
        rmSync(p, { force: true });
        return ms;
      },
    });

    const store = openSqliteEventStore(path);
    const db = new Database(path, { readonly: true });
    const statement = db.prepare(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY position`).raw(true);
    const reads = await alternate({
      store: async () => {
        const start = performance.now();
        let count = 0;
        for await (const e of store.readAll()) if (e.position > 0n) count++;
        if (count !== EVENTS) throw new Error(`readAll read ${count} of ${EVENTS}`);
        return performance.now() - start;
      },
      raw: () => {
        const start = performance.now();
        let count = 0;
        for (const row of statement.iterate()) {
          const data = JSON.parse(row[6] as string) as unknown;
          const metadata = JSON.parse(row[7] as string) as unknown;
          if (data !== undefined && metadata !== undefined) count++;
        }
        if (count !== EVENTS) throw new Error(`raw read ${count} of ${EVENTS}`);
        return performance.now() - start;
      },
      filtered: async () => {
        const start = performance.now();
        let count = 0;
        for await (const e of store.readAll({ filter: { streamPrefixes: ['attendance-1'] } }))
          if (e.position > 0n) count++;
        if (count === 0) throw new Error('the filtered scan found nothing');
        return performance.now() - start;
      },
    });
    await store.dispose();
    db.close();

    const rate = (xs: ReadonlyArray<number>): number[] =>
      xs.map((ms) => Math.round((EVENTS / ms) * 1000));
    const about = `${EVENTS} synthetic events, ${STREAMS} streams; ABBA rounds after a warm-up`;
    const results: Figure[] = [
      figure(
        'sqlite append (store, batches of 100)',
        'events/s',
        rate(appends.store),
        `store.append of ${BATCH}-event batches into a new file, synchronous=FULL; ${about}`,
      ),
      figure(
        'sqlite append baseline: raw inserts, batches of 100',
        'events/s',
        rate(appends.raw),
        `the rows the store wrote, inserted raw in the same transactions; ${about}`,
      ),
      figure(
        'sqlite append ratio',
        'ratio',
        paired(appends.raw, appends.store, (r, s) => r / s),
        'store ÷ raw events/s, paired per round',
      ),
      figure('sqlite replay (readAll)', 'events/s', rate(reads.store), about),
      figure(
        'sqlite replay (raw iterate + JSON.parse)',
        'events/s',
        rate(reads.raw),
        `same rows; warmed by the discarded round; ${about}`,
      ),
      figure(
        'sqlite replay ratio',
        'ratio',
        paired(reads.raw, reads.store, (r, s) => r / s),
        'readAll ÷ raw events/s, paired per round (goal ≥ 0.5)',
      ),
      figure(
        'sqlite filtered scan (1 prefix of 50 streams)',
        'events scanned/s',
        rate(reads.filtered),
        'prefix "attendance-1": 11 of 50 streams',
      ),
    ];
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
