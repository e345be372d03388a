import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  collect,
  CorruptStoreError,
  DuplicateEventIdError,
  IdempotencyConflictError,
  IncompatibleStoreError,
  StoreDisposedError,
  unreadableStoredDataWhy,
  verifyLink,
  type RecordedEvent,
} from '@aimline/kernel';
import { sampleEvent, samples, underAnotherCommand } from '@aimline/kernel/testing';
import { afterAll, describe, expect, it } from 'vitest';
import {
  AIMLINE_APPLICATION_ID,
  openSqliteEventStore,
  SCHEMA_VERSION,
  SqliteEventStore,
} from '../src/index.js';
import { prefixRange } from '../src/prefix-range.js';
import { retypeSqliteColumnForTesting } from '../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'aimline-sqlite-'));
let n = 0;
const freshPath = (): string => join(dir, `store-${n++}.db`);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `f` on the file with better-sqlite3 directly (to inspect or damage it). */
const raw = <T>(path: string, f: (db: Database.Database) => T): T => {
  const db = new Database(path);
  try {
    return f(db);
  } finally {
    db.close();
  }
};

/** A store file holding three streams, closed again. */
const filledStore = async (): Promise<string> => {
  const path = freshPath();
  const store = openSqliteEventStore(path);
  await store.append('alpha-1', samples(3), { expectedRevision: 'no-stream' });
  await store.append('beta-1', samples(2), { expectedRevision: 'no-stream' });
  await store.append('alpha-2', samples(1), { expectedRevision: 'no-stream' });
  await store.dispose();
  return path;
};

const expectChainVerifies = (events: ReadonlyArray<RecordedEvent>): void => {
  let previous: { revision: number; hash: string } | undefined;
  for (const e of events) {
    expect(verifyLink(e, previous)).toBeUndefined();
    previous = { revision: e.revision, hash: e.metadata.hash };
  }
};

describe('SqliteEventStore: the file', () => {
  it('creates the file, marks it as an Aimline store, and uses WAL', async () => {
    const path = freshPath();
    const store = openSqliteEventStore(path);
    expect(store).toBeInstanceOf(SqliteEventStore);
    expect(store.location).toBe(path);
    await store.append('alpha-1', samples(1), { expectedRevision: 'no-stream' });
    await store.dispose();
    raw(path, (db) => {
      expect(db.pragma('application_id', { simple: true })).toBe(AIMLINE_APPLICATION_ID);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    });
  });

  it('numbers global positions 1, 2, 3, … as bigints, and keeps them across reopening', async () => {
    const path = await filledStore();
    const store = openSqliteEventStore(path);
    await store.append('beta-1', samples(2), { expectedRevision: 1 });
    const all = await collect(store.readAll());
    expect(all.map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]);
    await store.dispose();
  });

  it('opens an empty (0-byte) file as a new store', async () => {
    const path = freshPath();
    writeFileSync(path, '');
    const store = openSqliteEventStore(path);
    await store.append('alpha-1', samples(1), { expectedRevision: 'no-stream' });
    expect(await store.streamRevision('alpha-1')).toBe(0);
    await store.dispose();
  });

  it('refuses a text file with IncompatibleStoreError naming it, and leaves it untouched', () => {
    const path = freshPath();
    const text = 'not a database, just some notes\n'.repeat(20);
    writeFileSync(path, text);
    let error: unknown;
    try {
      openSqliteEventStore(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IncompatibleStoreError);
    expect((error as IncompatibleStoreError).location).toBe(path);
    expect((error as Error).message).toContain(path);
    expect(readFileSync(path, 'utf8')).toBe(text);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it("refuses another program's SQLite database, and changes nothing in it", () => {
    const path = freshPath();
    raw(path, (db) => {
      db.exec("CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello');");
    });
    const before = readFileSync(path);
    expect(() => openSqliteEventStore(path)).toThrow(IncompatibleStoreError);
    expect(() => openSqliteEventStore(path)).toThrow(/not an Aimline event store/);
    expect(readFileSync(path).equals(before)).toBe(true);
    raw(path, (db) => {
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(
        db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'events'").pluck().get(),
      ).toBe(0);
    });
  });

  it('refuses a SQLite database with another application id, even an empty one', () => {
    const path = freshPath();
    raw(path, (db) => db.pragma('application_id = 1234'));
    expect(() => openSqliteEventStore(path)).toThrow(/application id 1234/);
  });

  it('refuses a store written by a newer schema, naming the versions', async () => {
    const path = await filledStore();
    raw(path, (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    let error: unknown;
    try {
      openSqliteEventStore(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IncompatibleStoreError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
  });

  it('reports an Aimline store missing its tables as corrupt', async () => {
    const path = await filledStore();
    raw(path, (db) => db.exec('DROP TABLE checkpoints'));
    expect(() => openSqliteEventStore(path)).toThrow(CorruptStoreError);
    expect(() => openSqliteEventStore(path)).toThrow(/"checkpoints"/);
  });

  it('reports damaged database pages as CorruptStoreError naming the file', async () => {
    const path = freshPath();
    const store = openSqliteEventStore(path);
    for (let i = 0; i < 20; i++)
      await store.append(`alpha-${i}`, samples(20), { expectedRevision: 'no-stream' });
    await store.dispose(); // the last connection checkpoints the WAL into the file
    const bytes = readFileSync(path);
    const pageSize = bytes.readUInt16BE(16);
    expect(bytes.length).toBeGreaterThan(4 * pageSize);
    for (let i = pageSize; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff; // every page but the first
    writeFileSync(path, bytes);
    let error: unknown;
    try {
      const damaged = openSqliteEventStore(path);
      try {
        await collect(damaged.readAll());
      } finally {
        await damaged.dispose();
      }
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CorruptStoreError);
    expect((error as Error).message).toContain(path);
  });

  it('fails with a typed error when the directory does not exist (the CLI creates it)', () => {
    expect(() => openSqliteEventStore(join(dir, 'missing', 'store.db'))).toThrow(/missing/);
  });
});

describe('SqliteEventStore: corrupt rows', () => {
  /** Every event of the store after `damage`, read in position order. */
  const readAfter = async (damage: string): Promise<RecordedEvent[]> => {
    const path = await filledStore();
    raw(path, (db) => db.exec(damage));
    const store = openSqliteEventStore(path);
    try {
      return await collect(store.readAll());
    } finally {
      await store.dispose();
    }
  };

  // Issue 12: one bad stored event never takes down a read. (These rows used to throw a
  // CorruptStoreError that ended the whole read at the damaged row.)
  it('delivers a row whose data is not JSON as an event no decoder accepts, saying why, and the rest after it', async () => {
    const events = await readAfter('UPDATE events SET data = \'{"n": 1,\' WHERE position = 2');
    expect(events.map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    const damaged = events[1]!;
    expect(damaged).toMatchObject({ stream: 'alpha-1', revision: 1 });
    expect(unreadableStoredDataWhy(damaged.data)).toMatch(/^the stored data is not valid JSON/);
    // The altered bytes no longer hash to what was recorded: verification locates them.
    expect(verifyLink(damaged, { revision: 0, hash: events[0]!.metadata.hash })).toMatchObject({
      kind: 'HashMismatch',
      stream: 'alpha-1',
      revision: 1,
    });
  });

  it('says which column of a row is not JSON and quotes none of its text (V8 quoted "{"name":Ash Invent"...)', async () => {
    const events = await readAfter(
      'UPDATE events SET data = \'{"name":Ash Invented}\', metadata = \'{"by":Bo Madeup\' WHERE position = 2',
    );
    expect(events).toHaveLength(6);
    const why = unreadableStoredDataWhy(events[1]!.data);
    expect(why).toBe('the stored data is not valid JSON');
    for (const word of ['Ash', 'Invent', 'Bo', 'Madeup']) expect(why).not.toContain(word);
  });

  it('delivers a row whose metadata lacks the hash chain with empty chain fields, which verification refuses', async () => {
    const events = await readAfter(
      'UPDATE events SET metadata = \'{"actor": null}\' WHERE position = 3',
    );
    expect(events).toHaveLength(6);
    const damaged = events[2]!;
    expect(damaged.metadata).toEqual({ prevHash: '', hash: '' });
    expect(unreadableStoredDataWhy(damaged.data)).toMatch(
      /metadata is not an object with the hash chain/,
    );
    expect(verifyLink(damaged, { revision: 1, hash: events[1]!.metadata.hash })).toMatchObject({
      kind: 'BrokenLink',
      stream: 'alpha-1',
      revision: 2,
    });
  });

  it('names the file, position, stream and revision when appending after a row whose data is not JSON', async () => {
    const path = await filledStore();
    raw(path, (db) => db.exec('UPDATE events SET data = \'{"n": 1,\' WHERE position = 3'));
    const store = openSqliteEventStore(path);
    const error = await store
      .append('alpha-1', samples(1), { expectedRevision: 2 })
      .catch((e: unknown) => e);
    await store.dispose();
    expect(error).toBeInstanceOf(CorruptStoreError);
    const message = (error as Error).message;
    expect(message).toContain(path);
    expect(message).toContain('position 3');
    expect(message).toContain('stream "alpha-1"');
    expect(message).toContain('revision 2');
    expect(message).toContain('the stored data is not valid JSON');
  });

  // A schema tampered out of STRICT lets a value of any type into any column. (These rows used
  // to throw a CorruptStoreError naming the row's stream and revision, which ended every read at
  // it and reached principals who may not see that event.)
  it('delivers a row whose columns are not of their types as an event no decoder accepts, naming the columns and none of their values, and the rest after it', async () => {
    const path = await filledStore();
    retypeSqliteColumnForTesting(path, { stream: 'alpha-1', revision: 0 }, 'type', null);
    retypeSqliteColumnForTesting(
      path,
      { stream: 'alpha-1', revision: 1 },
      'data',
      Buffer.from('{"name":"Ash Invented"}'),
    );
    const store = openSqliteEventStore(path);
    const events = await collect(store.readAll());
    expect(events.map((e) => e.position)).toEqual([1n, 2n, 3n, 4n, 5n, 6n]);
    expect(events[0]).toMatchObject({ stream: 'alpha-1', revision: 0, type: '' });
    expect(unreadableStoredDataWhy(events[0]!.data)).toBe(
      "the stored row's columns are not of their types: type is NULL",
    );
    expect(events[1]).toMatchObject({ stream: 'alpha-1', revision: 1 });
    const why = unreadableStoredDataWhy(events[1]!.data);
    expect(why).toBe("the stored row's columns are not of their types: data is a BLOB");
    expect(why).not.toContain('Ash');
    // The changed row no longer hashes to what was recorded: verification locates it.
    expect(verifyLink(events[1]!, { revision: 0, hash: events[0]!.metadata.hash })).toMatchObject({
      kind: 'HashMismatch',
      stream: 'alpha-1',
      revision: 1,
    });
    // Appending to the stream needs its last event, which is intact.
    await store.append('alpha-1', samples(1), { expectedRevision: 2 });
    await store.dispose();
  });

  it('leaves out a row without a place (its revision text, or its stream a BLOB), so every read goes on: its stream reads with a revision missing, and integrityCheck (audit --verify) locates the row exactly', async () => {
    const path = await filledStore();
    retypeSqliteColumnForTesting(path, { stream: 'alpha-1', revision: 1 }, 'revision', 'one');
    retypeSqliteColumnForTesting(
      path,
      { stream: 'beta-1', revision: 1 },
      'stream',
      Buffer.from('beta-1'),
    );
    const store = openSqliteEventStore(path);
    expect((await collect(store.readAll())).map((e) => e.position)).toEqual([1n, 3n, 4n, 6n]);
    const alpha = await collect(store.readStream('alpha-1'));
    expect(alpha.map((e) => e.revision)).toEqual([0, 2]);
    expect(verifyLink(alpha[1]!, { revision: 0, hash: alpha[0]!.metadata.hash })).toMatchObject({
      kind: 'RevisionGap',
      stream: 'alpha-1',
      revision: 2,
    });
    const backwards = await collect(store.readStream('alpha-1', { direction: 'backwards' }));
    expect(backwards.map((e) => e.revision)).toEqual([2, 0]);
    expect((await collect(store.readStream('beta-1'))).map((e) => e.revision)).toEqual([0]);
    expect(store.integrityCheck()).toEqual([
      `${path}, event at position 2 (stream "alpha-1", revision unreadable): revision is a string`,
      `${path}, event at position 5 (stream unreadable, revision 1): stream is a BLOB`,
    ]);
    await store.dispose();
  });

  it('refuses to append after a corrupt last event rather than breaking the chain', async () => {
    const path = await filledStore();
    raw(path, (db) => db.exec("UPDATE events SET metadata = 'garbage' WHERE position = 6"));
    const store = openSqliteEventStore(path);
    await expect(store.append('alpha-2', samples(1), { expectedRevision: 0 })).rejects.toThrow(
      CorruptStoreError,
    );
    expect(await store.streamRevision('alpha-2')).toBe(0);
    await store.dispose();
  });
});

describe('SqliteEventStore: across reopening', () => {
  it('stays idempotent by command and by event id', async () => {
    const path = freshPath();
    const batch = samples(3);
    const first = openSqliteEventStore(path);
    const original = await first.append('alpha-1', batch, { expectedRevision: 'no-stream' });
    await first.dispose();
    const second = openSqliteEventStore(path);
    const again = await second.append('alpha-1', batch, { expectedRevision: 'no-stream' });
    expect(again.position).toBe(original.position);
    expect(again.nextExpectedRevision).toBe(2);
    expect(again.events.map((e) => e.metadata.hash)).toEqual(
      original.events.map((e) => e.metadata.hash),
    );
    // The same commands (ids compared without regard to case) are a retry: the original result.
    const upper = batch.map((e) => ({ ...e, id: e.id.toUpperCase() }));
    expect(
      (await second.append('alpha-1', upper, { expectedRevision: 'any' })).events.map((e) => e.id),
    ).toEqual(original.events.map((e) => e.id));
    // Another command claiming a stored event id with other content is refused.
    const altered = [underAnotherCommand({ ...batch[0]!, data: { n: 0, note: 'altered' } })];
    await expect(
      second.append('alpha-1', altered, { expectedRevision: 'any' }),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    // The same commands on another stream are a reused command id.
    await expect(
      second.append('beta-1', batch, { expectedRevision: 'any' }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
    expect((await collect(second.readAll())).length).toBe(3);
    await second.dispose();
  });

  it('keeps checkpoints', async () => {
    const path = freshPath();
    const first = openSqliteEventStore(path);
    await first.checkpoints.save('projection-a', 17n);
    await first.checkpoints.save('projection-b', 2n ** 63n - 1n);
    await first.checkpoints.save('projection-a', 18n);
    await first.dispose();
    const second = openSqliteEventStore(path);
    expect(await second.checkpoints.load('projection-a')).toBe(18n);
    expect(await second.checkpoints.load('projection-b')).toBe(2n ** 63n - 1n);
    expect(await second.checkpoints.load('projection-c')).toBeUndefined();
    await second.dispose();
  });

  it('continues each stream’s hash chain', async () => {
    const path = await filledStore();
    const store = openSqliteEventStore(path);
    await store.append('alpha-1', samples(2), { expectedRevision: 2 });
    const events = await collect(store.readStream('alpha-1'));
    expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    expectChainVerifies(events);
    await store.dispose();
  });
});

describe('SqliteEventStore: reading', () => {
  it('lets the consumer append on the same connection while it reads (no statement stays open)', async () => {
    const store = openSqliteEventStore(freshPath(), { pageSize: 4 });
    await store.append('alpha-1', samples(10), { expectedRevision: 'no-stream' });
    let seen = 0;
    for await (const e of store.readAll({ filter: { streamPrefixes: ['alpha-'] } })) {
      seen++;
      await store.append('beta-1', [sampleEvent(e.revision)], { expectedRevision: 'any' });
      await store.checkpoints.save('reader', e.position);
    }
    expect(seen).toBe(10);
    for await (const e of store.readStream('beta-1')) {
      if (e.revision < 3) await store.append('beta-1', samples(1), { expectedRevision: 'any' });
    }
    expect(await store.streamRevision('beta-1')).toBe(12);
    await store.dispose();
  });

  it('pages through streams forwards and backwards with any page size', async () => {
    const store = openSqliteEventStore(':memory:', { pageSize: 3 });
    await store.append('alpha-1', samples(10), { expectedRevision: 'no-stream' });
    const revisions = async (o: Parameters<SqliteEventStore['readStream']>[1]) =>
      (await collect(store.readStream('alpha-1', o))).map((e) => e.revision);
    expect(await revisions({})).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await revisions({ direction: 'backwards' })).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(await revisions({ direction: 'backwards', fromRevision: 7, maxCount: 5 })).toEqual([
      7, 6, 5, 4, 3,
    ]);
    expect(await revisions({ fromRevision: 2, maxCount: 7 })).toEqual([2, 3, 4, 5, 6, 7, 8]);
    expect(await revisions({ maxCount: 0 })).toEqual([]);
    expect(await revisions({ direction: 'backwards', fromRevision: -1 })).toEqual([]);
    await store.dispose();
  });

  it('filters by prefix exactly, whatever characters the prefix holds', async () => {
    const store = openSqliteEventStore(':memory:');
    const streams = [
      'a%-1',
      'a_-1',
      'ab-1',
      'a-1',
      'b-1',
      'é-1',
      'éa-1',
      '😀-1',
      '\u{10FFFF}-1',
      'A-1',
    ];
    for (const s of streams) await store.append(s, samples(1), { expectedRevision: 'no-stream' });
    const read = async (prefixes: string[]) =>
      (await collect(store.readAll({ filter: { streamPrefixes: prefixes } }))).map((e) => e.stream);
    for (const p of ['a', 'a%', 'a_', 'é', '😀', '\u{10FFFF}', 'A', 'z', 'a-1', 'a-10'])
      expect(await read([p])).toEqual(streams.filter((s) => s.startsWith(p)));
    expect(await read(['b', 'é'])).toEqual(
      streams.filter((s) => s.startsWith('b') || s.startsWith('é')),
    );
    expect(await read([''])).toEqual(streams);
    expect(await read([])).toEqual([]);
    await store.dispose();
  });

  it('computes prefix ranges', () => {
    expect(prefixRange('hsb-case-')).toEqual({ lower: 'hsb-case-', upper: 'hsb-case.' });
    expect(prefixRange('a\u{10FFFF}')).toEqual({ lower: 'a\u{10FFFF}', upper: 'b' });
    expect(prefixRange('\u{D7FF}')).toEqual({ lower: '\u{D7FF}', upper: '\u{E000}' });
    expect(prefixRange('\u{10FFFF}')).toEqual({ lower: '\u{10FFFF}', upper: undefined });
  });

  it('delivers to a subscription the events another connection (another process) appends', async () => {
    const path = freshPath();
    const reader = openSqliteEventStore(path, { pollMs: 20 });
    const writer = openSqliteEventStore(path);
    const sub = reader.subscribe({ filter: { streamPrefixes: ['alpha-'] } });
    const iterator = sub[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ kind: 'caughtUp' });
    await writer.append('beta-1', samples(1), { expectedRevision: 'no-stream' });
    await writer.append('alpha-1', samples(2), { expectedRevision: 'no-stream' });
    const first = await iterator.next();
    const second = await iterator.next();
    expect(
      [first.value, second.value].map((m) => (m as { event: RecordedEvent }).event.revision),
    ).toEqual([0, 1]);
    await sub.close();
    await writer.dispose();
    await reader.dispose();
  });

  it('refuses reads after dispose with a typed error, and disposes once', async () => {
    const store = openSqliteEventStore(':memory:');
    await store.append('alpha-1', samples(3), { expectedRevision: 'no-stream' });
    const iterator = store.readAll({ maxCount: 3 })[Symbol.asyncIterator]();
    await store.dispose();
    await store.dispose();
    await expect(iterator.next()).rejects.toBeInstanceOf(StoreDisposedError);
    await expect(collect(store.readStream('alpha-1'))).rejects.toBeInstanceOf(StoreDisposedError);
    await expect(store.checkpoints.load('x')).rejects.toBeInstanceOf(StoreDisposedError);
    expect(() => store.subscribe()).toThrow(StoreDisposedError);
  });

  it('replays a long history in constant memory', async () => {
    const path = freshPath();
    const total = 20_000;
    // ~2 kB per event, ~40 MB of text, more as objects: several times the growth allowed below.
    // Written straight into the file (appending is tested elsewhere; this is about reading).
    await openSqliteEventStore(path).dispose();
    raw(path, (db) => {
      const insert = db.prepare(
        'INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const e = sampleEvent(0);
      const metadata = JSON.stringify({
        ...e.metadata,
        prevHash: '0'.repeat(64),
        hash: 'f'.repeat(64),
      });
      const pad = 'p'.repeat(2000);
      db.transaction(() => {
        for (let i = 0; i < total; i++)
          insert.run(
            randomUUID(),
            `alpha-${i % 7}`,
            Math.floor(i / 7),
            'SampleRecorded',
            1,
            JSON.stringify({ n: i, pad }),
            metadata,
          );
      })();
    });
    expect(statSync(path).size).toBeGreaterThan(total * 2000);
    const store = openSqliteEventStore(path);
    const v8 = await import('node:v8');
    const vm = await import('node:vm');
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    let last = 0n;
    for await (const e of store.readAll()) {
      count++;
      if (e.position <= last || (e.data as { n: number }).n !== count - 1)
        throw new Error('out of order');
      last = e.position;
      if (count % 2_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(count).toBe(total);
    expect(peak).toBeLessThan(10 * 1024 * 1024);
    await store.dispose();
  });
});
