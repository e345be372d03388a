/**
 * Events deleted from the end of a stream leave what is left of its hash chain intact; the
 * command index still records where the stream ended (`recordedStreamEnd`). Given a SQLite
 * store whose file was edited with plain SQL, the record shows the loss, and the store refuses
 * to append over it (which would take the lost revisions' places and hide the loss).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, CorruptStoreError } from '@aimline/kernel';
import { samples } from '@aimline/kernel/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore } from '../src/index.js';
import { deleteSqliteRowForTesting } from '../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'aimline-stream-tail-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A closed store: `case-1` and `case-2` appended in turns, three events each (positions 1–6). */
const storeOfTwoCases = async (): Promise<string> => {
  const path = join(dir, `tail-${n++}.db`);
  const store = openSqliteEventStore(path);
  for (let round = 0; round < 3; round++)
    for (const stream of ['case-1', 'case-2'])
      await store.append(stream, samples(1, round), { expectedRevision: 'any' });
  await store.dispose();
  return path;
};

describe('SqliteEventStore: events deleted from the end of a stream', () => {
  it('given the last event of a stream deleted from the file, then the stream still reads to revision 1 but its recorded end is the deleted event at position 5', async () => {
    const path = await storeOfTwoCases();
    deleteSqliteRowForTesting(path, { stream: 'case-1', revision: 2 });
    const store = openSqliteEventStore(path);
    try {
      const left = await collect(store.readStream('case-1'));
      expect(left.map((e) => [e.revision, e.position])).toEqual([
        [0, 1n],
        [1, 3n],
      ]);
      expect(await store.recordedStreamEnd('case-1')).toBe(5n);
      expect(await store.recordedStreamEnd('case-2')).toBe(6n);
    } finally {
      await store.dispose();
    }
  });

  it('given the last event of a stream deleted from the file, when an event is appended to it, then the append is refused as a corrupt store, naming the stream and the lost end, and nothing is stored', async () => {
    const path = await storeOfTwoCases();
    deleteSqliteRowForTesting(path, { stream: 'case-1', revision: 2 });
    const store = openSqliteEventStore(path);
    try {
      const appending = store.append('case-1', samples(1, 9), { expectedRevision: 'any' });
      await expect(appending).rejects.toBeInstanceOf(CorruptStoreError);
      await expect(
        store.append('case-1', samples(1, 9), { expectedRevision: 'any' }),
      ).rejects.toThrow(
        'stream "case-1": events are missing from the end of the stream: the store recorded an event of it at position 5, and its stored events end at revision 1 (position 3)',
      );
      expect((await collect(store.readStream('case-1'))).length).toBe(2);
      // Other streams take appends as before.
      await store.append('case-2', samples(1, 9), { expectedRevision: 2 });
    } finally {
      await store.dispose();
    }
  });

  it('given every event of a stream deleted from the file, then its recorded end remains and an append that would start it again is refused', async () => {
    const path = await storeOfTwoCases();
    for (const revision of [0, 1, 2])
      deleteSqliteRowForTesting(path, { stream: 'case-2', revision });
    const store = openSqliteEventStore(path);
    try {
      expect(await collect(store.readStream('case-2'))).toEqual([]);
      expect(await store.recordedStreamEnd('case-2')).toBe(6n);
      await expect(
        store.append('case-2', samples(1, 9), { expectedRevision: 'no-stream' }),
      ).rejects.toThrow(
        'stream "case-2": events are missing from the end of the stream: the store recorded an event of it at position 6, and the stream has no stored events',
      );
    } finally {
      await store.dispose();
    }
  });
});
