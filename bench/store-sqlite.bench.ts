/**
 * The SQLite store's replay speed: events per second through `readAll` (paged queries,
 * row checks, JSON parsing, bigint positions, async iteration) against the floor of what
 * any reader of the same file must do — better-sqlite3's `iterate()` and `JSON.parse` of
 * data and metadata for the same rows. Also the append rate in batches of 100.
 * Prints; never asserts.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventToAppend } from '../packages/kernel/src/index.js';
import { openSqliteEventStore } from '../packages/store-sqlite/src/index.js';

/** The part of better-sqlite3 the baseline uses, loaded from the store package's dependencies. */
interface RawDatabase {
  prepare(sql: string): { raw(on: boolean): { iterate(): IterableIterator<unknown[]> } };
  close(): void;
}
const Database = createRequire(new URL('../packages/store-sqlite/package.json', import.meta.url))(
  'better-sqlite3',
) as new (path: string, options?: { readonly?: boolean }) => RawDatabase;

interface Result {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly detail: string;
}

const EVENTS = Number(process.env['AIMLINE_BENCH_SQLITE_EVENTS'] ?? 100_000);
const BATCH = 100;
const ROUNDS = 3;

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

const best = async (f: () => Promise<number>): Promise<number> => {
  let top = 0;
  for (let i = 0; i < ROUNDS; i++) top = Math.max(top, await f());
  return top;
};

export async function run(): Promise<Result[]> {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-bench-sqlite-'));
  try {
    const path = join(dir, 'bench.db');
    const store = openSqliteEventStore(path);
    const appendStart = performance.now();
    for (let b = 0; b < EVENTS / BATCH; b++) {
      const batch = Array.from({ length: BATCH }, (_, i) => event(b * BATCH + i));
      await store.append(`attendance-${b % 50}`, batch, { expectedRevision: 'any' });
    }
    const appendRate = EVENTS / ((performance.now() - appendStart) / 1000);

    const viaStore = await best(async () => {
      const start = performance.now();
      let count = 0;
      for await (const e of store.readAll()) if (e.position > 0n) count++;
      return count / ((performance.now() - start) / 1000);
    });
    const viaFilter = await best(async () => {
      const start = performance.now();
      let count = 0;
      for await (const e of store.readAll({ filter: { streamPrefixes: ['attendance-1'] } }))
        if (e.position > 0n) count++;
      return EVENTS / ((performance.now() - start) / 1000) + count * 0;
    });
    await store.dispose();

    const db = new Database(path, { readonly: true });
    const statement = db
      .prepare(
        'SELECT position, id, stream, revision, type, schema_version, data, metadata FROM events ORDER BY position',
      )
      .raw(true);
    const viaRaw = await best(() => {
      const start = performance.now();
      let count = 0;
      for (const row of statement.iterate()) {
        const data = JSON.parse(row[6] as string) as unknown;
        const metadata = JSON.parse(row[7] as string) as unknown;
        if (data !== undefined && metadata !== undefined) count++;
      }
      return Promise.resolve(count / ((performance.now() - start) / 1000));
    });
    db.close();

    const results: Result[] = [
      {
        name: 'sqlite append',
        value: Math.round(appendRate),
        unit: 'events/s',
        detail: `${EVENTS} events in batches of ${BATCH}, synchronous=FULL`,
      },
      {
        name: 'sqlite replay (readAll)',
        value: Math.round(viaStore),
        unit: 'events/s',
        detail: `best of ${ROUNDS} over ${EVENTS} events`,
      },
      {
        name: 'sqlite replay (raw iterate + JSON.parse)',
        value: Math.round(viaRaw),
        unit: 'events/s',
        detail: `best of ${ROUNDS}, same rows`,
      },
      {
        name: 'sqlite replay ratio',
        value: Number((viaStore / viaRaw).toFixed(3)),
        unit: 'ratio',
        detail: 'readAll ÷ raw (goal ≥ 0.5)',
      },
      {
        name: 'sqlite filtered scan (1 prefix of 50 streams)',
        value: Math.round(viaFilter),
        unit: 'events scanned/s',
        detail: 'prefix "attendance-1": 11 of 50 streams',
      },
    ];
    for (const r of results) console.log(`${r.name}: ${r.value} ${r.unit} (${r.detail})`);
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
