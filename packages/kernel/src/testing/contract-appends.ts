import { expect, it } from 'vitest';
import { InvalidAppendError, WrongExpectedRevisionError } from '../store/errors.js';
import type { ContractContext } from './contract-context.js';
import { collect } from '../collect.js';
import { sampleEvent, samples, uniquePrefix } from './sample-events.js';
import { verifyLink } from '../store/hash-chain.js';

/** Appends: revisions, expected revisions, atomic batches, metadata kept exactly, racing writers. */
export const appendContract = ({ withStore, writers }: ContractContext): void => {
  it('the first event of a stream is revision 0 and revisions are contiguous', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('rev')}1`;
      expect(await store.streamRevision(s)).toBeUndefined();
      const first = await store.append(s, samples(3), { expectedRevision: 'no-stream' });
      expect(first.nextExpectedRevision).toBe(2);
      expect(first.events.map((e) => e.revision)).toEqual([0, 1, 2]);
      const second = await store.append(s, samples(2, 3), { expectedRevision: 2 });
      expect(second.nextExpectedRevision).toBe(4);
      expect(second.position > first.position).toBe(true);
      const read = await collect(store.readStream(s));
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(read.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4]);
      expect(await store.streamRevision(s)).toBe(4);
    }));

  it('reports a wrong expected revision as a typed error with the actual revision, and stores nothing', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('wer')}1`;
      await expect(
        store.append(s, samples(1), { expectedRevision: 'exists' }),
      ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      await expect(store.append(s, samples(1), { expectedRevision: 0 })).rejects.toMatchObject({
        kind: 'WrongExpectedRevision',
        stream: s,
        actual: undefined,
      });
      await store.append(s, samples(2), { expectedRevision: 'no-stream' });
      await expect(
        store.append(s, samples(1), { expectedRevision: 'no-stream' }),
      ).rejects.toMatchObject({ kind: 'WrongExpectedRevision', actual: 1 });
      await expect(store.append(s, samples(1), { expectedRevision: 0 })).rejects.toMatchObject({
        kind: 'WrongExpectedRevision',
        expected: 0,
        actual: 1,
      });
      await expect(store.append(s, samples(1), { expectedRevision: 5 })).rejects.toMatchObject({
        kind: 'WrongExpectedRevision',
        actual: 1,
      });
      expect((await collect(store.readStream(s))).length).toBe(2);
      await store.append(s, samples(1), { expectedRevision: 'exists' });
      await store.append(s, samples(1), { expectedRevision: 'any' });
      expect(await store.streamRevision(s)).toBe(3);
    }));

  it('appends a batch atomically: an invalid batch stores none of its events', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('atomic')}1`;
      const good = samples(2);
      const bad = { ...sampleEvent(9), id: 'not-a-uuid' };
      await expect(
        store.append(s, [...good, bad], { expectedRevision: 'no-stream' }),
      ).rejects.toBeInstanceOf(InvalidAppendError);
      await expect(
        store.append(s, [good[0]!, good[0]!], { expectedRevision: 'no-stream' }),
      ).rejects.toBeInstanceOf(InvalidAppendError);
      expect(await collect(store.readStream(s))).toEqual([]);
      expect(await store.streamRevision(s)).toBeUndefined();
    }));

  it('keeps metadata exactly: actor, times, command, correlation and causation ids', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('meta')}1`;
      const e = sampleEvent(1, { nested: { a: [1, 2, { b: null }], big: 9007199254740991 } });
      await store.append(s, [e], { expectedRevision: 'no-stream' });
      const [read] = await collect(store.readStream(s));
      expect(read!.id).toBe(e.id);
      expect(read!.type).toBe(e.type);
      expect(read!.schemaVersion).toBe(1);
      expect(read!.data).toEqual(e.data);
      expect(read!.metadata).toMatchObject(e.metadata);
      expect(typeof read!.position).toBe('bigint');
    }));

  it('lets exactly one of several racing writers win the same expected revision', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('race')}1`;
      await store.append(s, samples(1), { expectedRevision: 'no-stream' });
      const results = await Promise.allSettled(
        Array.from({ length: writers }, (_, i) =>
          store.append(s, samples(2, 10 * i), { expectedRevision: 0 }),
        ),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won.length).toBe(1);
      for (const r of lost) expect(r.reason).toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.streamRevision(s)).toBe(2);
      const revisions = (await collect(store.readStream(s))).map((e) => e.revision);
      expect(revisions).toEqual([0, 1, 2]);
    }));

  it('keeps every event of racing writers appending with "any", contiguous and without duplicates', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('raceany')}1`;
      await Promise.all(
        Array.from({ length: writers }, (_, i) =>
          store.append(s, samples(3, 10 * i), { expectedRevision: 'any' }),
        ),
      );
      const events = await collect(store.readStream(s));
      expect(events.map((e) => e.revision)).toEqual(
        Array.from({ length: writers * 3 }, (_, i) => i),
      );
      expect(new Set(events.map((e) => e.id)).size).toBe(writers * 3);
      let previous: { revision: number; hash: string } | undefined;
      for (const e of events) {
        expect(verifyLink(e, previous)).toBeUndefined();
        previous = { revision: e.revision, hash: e.metadata.hash };
      }
    }));
};
