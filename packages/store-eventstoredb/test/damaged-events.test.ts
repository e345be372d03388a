/**
 * An event in an Aimline stream whose bytes are not an Aimline event's (written behind the
 * store's back: data that is not JSON, metadata that is not an object or lacks the hash chain)
 * is still an event to its readers, as SQLite's damaged rows are: `readStream`, `readAll` and
 * subscriptions deliver it at its stream and revision with `unreadableStoredData(why)` as its
 * data (which every decoder refuses), so a reader filters it by its view and is told of it as
 * its view allows. A read never fails with a store error naming it (that error's text would reach
 * a principal who may not see the event). The append path, which builds on what it reads,
 * refuses it with a `CorruptStoreError` naming where it is. Over the in-process fake client.
 */
import {
  collect,
  CorruptStoreError,
  unreadableStoredDataWhy,
  verifyLink,
  type RecordedEvent,
} from '@aimline/kernel';
import { samples, uniquePrefix } from '@aimline/kernel/testing';
import { binaryEvent, jsonEvent, type EventData } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { openEventStoreDbStore } from '../src/index.js';
import { FakeEventStoreDbClient } from './support/fake-eventstoredb-client.js';

/**
 * Two events appended by the store, then `damaged` (made from the second) written to the same
 * stream at revision 2 by another writer.
 */
const withDamagedThird = async (damaged: (previous: RecordedEvent) => EventData) => {
  const fake = new FakeEventStoreDbClient();
  const store = openEventStoreDbStore(fake);
  const stream = `${uniquePrefix('damaged')}1`;
  const { events } = await store.append(stream, samples(2), { expectedRevision: 'no-stream' });
  await fake.appendToStream(stream, [damaged(events[1]!)], { expectedRevision: 1n });
  return { store, stream, intact: events };
};

/** The first break of the stream's chain: its revision and kind. */
const firstBreak = (events: ReadonlyArray<RecordedEvent>) => {
  let previous: { revision: number; hash: string } | undefined;
  for (const e of events) {
    const broken = verifyLink(e, previous);
    if (broken !== undefined) return { revision: broken.revision, kind: broken.kind };
    previous = { revision: e.revision, hash: e.metadata.hash };
  }
  return undefined;
};

const PERSONAL = 'Ash Invented, born 2011-04-02';

describe('EventStoreDbStore, an event whose stored bytes are not an Aimline event', () => {
  const cases = [
    {
      what: 'data that is not JSON (with the metadata of an Aimline event)',
      event: (previous: RecordedEvent) =>
        binaryEvent({
          type: 'SampleRecorded',
          data: new TextEncoder().encode(PERSONAL),
          metadata: { ...previous.metadata, prevHash: previous.metadata.hash, schemaVersion: 1 },
        }),
      why: 'the event data is not JSON',
      breaks: 'HashMismatch',
    },
    {
      what: 'no metadata (another application wrote it)',
      event: () => jsonEvent({ type: 'Intruder', data: { note: PERSONAL } }),
      why: 'the event metadata is not a JSON object',
      breaks: 'BrokenLink',
    },
    {
      what: 'metadata without the hash chain',
      event: (previous: RecordedEvent) => {
        const { prevHash: _p, hash: _h, ...rest } = previous.metadata;
        return jsonEvent({
          type: 'SampleRecorded',
          data: { note: PERSONAL },
          metadata: { ...rest, schemaVersion: 1 },
        });
      },
      why: 'metadata.prevHash is missing or not a string',
      breaks: 'BrokenLink',
    },
  ] as const;

  for (const c of cases)
    it(`given an event with ${c.what} at revision 2, when the stream and $all are read, then it is delivered there with unreadable data naming no value, and the chain breaks at it (${c.breaks})`, async () => {
      const { store, stream, intact } = await withDamagedThird(c.event);
      const read = await collect(store.readStream(stream));
      expect(read.slice(0, 2)).toEqual(intact);
      expect(read.map((e) => e.revision)).toEqual([0, 1, 2]);
      const damaged = read[2]!;
      expect(unreadableStoredDataWhy(damaged.data)).toBe(c.why);
      expect(
        JSON.stringify(damaged, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)),
      ).not.toContain('Ash Invented');
      expect(firstBreak(read)).toEqual({ revision: 2, kind: c.breaks });

      const all = await collect(store.readAll({ filter: { streamPrefixes: [stream] } }));
      expect(all.map((e) => [e.revision, unreadableStoredDataWhy(e.data)])).toEqual([
        [0, undefined],
        [1, undefined],
        [2, c.why],
      ]);
      expect(await store.streamRevision(stream)).toBe(2);
    });

  it('given an event whose data is not JSON at the end of a stream, when an event is appended after it, then the append is refused with a CorruptStoreError naming its stream and revision', async () => {
    const { store, stream } = await withDamagedThird(() =>
      binaryEvent({ type: 'SampleRecorded', data: new TextEncoder().encode(PERSONAL) }),
    );
    const append = store.append(stream, samples(1, 5), { expectedRevision: 2 });
    await expect(append).rejects.toBeInstanceOf(CorruptStoreError);
    await expect(append).rejects.toThrow(`${stream}@2`);
    await expect(append).rejects.not.toThrow('Ash Invented');
  });

  it('given an event without metadata in a stream, when a subscription reads the stream, then it delivers that event (unreadable) and goes on', async () => {
    const { store, stream } = await withDamagedThird(() =>
      jsonEvent({ type: 'Intruder', data: { note: PERSONAL } }),
    );
    const sub = store.subscribe({ filter: { streamPrefixes: [stream] } });
    const got: Array<[number, string | undefined]> = [];
    for await (const m of sub) {
      if (m.kind === 'caughtUp') break;
      got.push([m.event.revision, unreadableStoredDataWhy(m.event.data)]);
    }
    await sub.close();
    expect(got).toEqual([
      [0, undefined],
      [1, undefined],
      [2, 'the event metadata is not a JSON object'],
    ]);
  });
});
