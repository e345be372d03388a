import {
  collect,
  DuplicateEventIdError,
  IdempotencyConflictError,
  InvalidAppendError,
  StoreDisposedError,
  verifyLink,
  WrongExpectedRevisionError,
} from '@aimline/kernel';
import { sampleEvent, samples, underAnotherCommand, uniquePrefix } from '@aimline/kernel/testing';
import { describe, expect, it } from 'vitest';
import { checkpointStreamOf, openEventStoreDbStore } from '../src/index.js';
import { FakeEventStoreDbClient } from './support/fake-eventstoredb-client.js';
import { resendWhileTheOriginalIsInFlight } from './support/resend-race.js';

// Behaviours of the adapter beyond the shared contract, over the in-process fake client.
const setup = () => {
  const fake = new FakeEventStoreDbClient();
  return { fake, store: openEventStoreDbStore(fake), prefix: uniquePrefix('esdb') };
};

describe('EventStoreDbStore appends', () => {
  it('recognises a retry of an older append (not at the tail) with its stale expected revision, and returns the original result', async () => {
    const { store, prefix } = setup();
    const s = `${prefix}1`;
    const first = samples(2);
    const original = await store.append(s, first, { expectedRevision: 'no-stream' });
    await store.append(s, samples(3, 2), { expectedRevision: 1 });
    const again = await store.append(s, first, { expectedRevision: 'no-stream' });
    expect(again).toEqual(original);
    const anyAgain = await store.append(s, first, { expectedRevision: 'any' });
    expect(anyAgain.events.map((e) => e.revision)).toEqual([0, 1]);
    expect(await store.streamRevision(s)).toBe(4);
  });

  it('refuses a batch that overlaps an earlier one only partly', async () => {
    const { store, prefix } = setup();
    const s = `${prefix}1`;
    const batch = samples(2);
    await store.append(s, batch, { expectedRevision: 'no-stream' });
    await expect(
      store.append(s, [underAnotherCommand(batch[1]!), sampleEvent(7)], {
        expectedRevision: 'any',
      }),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    // The same overlap with the recorded command itself mixes a recorded command with a new one.
    await expect(
      store.append(s, [batch[1]!, sampleEvent(7)], { expectedRevision: 'any' }),
    ).rejects.toBeInstanceOf(IdempotencyConflictError);
  });

  it('stores ids in lower case, so an upper-case retry is still the same event and the chain verifies', async () => {
    const { store, prefix } = setup();
    const s = `${prefix}1`;
    const e = sampleEvent(1);
    const upper = { ...e, id: e.id.toUpperCase() };
    const r = await store.append(s, [upper], { expectedRevision: 'no-stream' });
    expect(r.events[0]!.id).toBe(e.id.toLowerCase());
    expect(verifyLink(r.events[0]!, undefined)).toBeUndefined();
    expect(await store.append(s, [e], { expectedRevision: 'no-stream' })).toEqual(r);
  });

  it('appends with the exact revision it read, and under "any" retries internally when a writer raced ahead', async () => {
    const { fake, store, prefix } = setup();
    const s = `${prefix}1`;
    await store.append(s, samples(1), { expectedRevision: 'no-stream' });
    // A writer outside the adapter appends between the adapter's read and its write.
    const original = fake.appendToStream.bind(fake);
    let raced = false;
    fake.appendToStream = async (stream, events, options) => {
      if (!raced && stream === s) {
        raced = true;
        await store.append(s, samples(1, 10), { expectedRevision: 'any' });
      }
      return original(stream, events, options);
    };
    const r = await store.append(s, samples(2, 20), { expectedRevision: 'any' });
    expect(r.events.map((e) => e.revision)).toEqual([2, 3]);
    const events = await collect(store.readStream(s));
    let previous: { revision: number; hash: string } | undefined;
    for (const e of events) {
      expect(verifyLink(e, previous)).toBeUndefined();
      previous = { revision: e.revision, hash: e.metadata.hash };
    }
  });

  it('reports a race lost under an exact expected revision as WrongExpectedRevisionError with the actual revision', async () => {
    const { fake, store, prefix } = setup();
    const s = `${prefix}1`;
    await store.append(s, samples(1), { expectedRevision: 'no-stream' });
    const original = fake.appendToStream.bind(fake);
    let raced = false;
    fake.appendToStream = async (stream, events, options) => {
      if (!raced && stream === s) {
        raced = true;
        await store.append(s, [sampleEvent(0)], { expectedRevision: 'any' });
      }
      return original(stream, events, options);
    };
    await expect(store.append(s, samples(1, 5), { expectedRevision: 0 })).rejects.toMatchObject({
      kind: 'WrongExpectedRevision',
      expected: 0,
      actual: 1,
    });
  });

  it('refuses an expected revision beyond Number.MAX_SAFE_INTEGER before touching the server', async () => {
    const { fake, store, prefix } = setup();
    await expect(
      store.append(`${prefix}1`, samples(1), { expectedRevision: Number.MAX_SAFE_INTEGER + 1 }),
    ).rejects.toBeInstanceOf(InvalidAppendError);
    await expect(
      store.append(`${prefix}1`, samples(1), { expectedRevision: -1 }),
    ).rejects.toBeInstanceOf(InvalidAppendError);
    expect(fake.calls).toEqual([]);
  });

  it('stores data as JSON and the metadata (with schemaVersion) in the event metadata', async () => {
    const { fake, store, prefix } = setup();
    const e = { ...sampleEvent(3), schemaVersion: 2 };
    await store.append(`${prefix}1`, [e], { expectedRevision: 'no-stream' });
    const [raw] = await collect(fake.readStream(`${prefix}1`, {}));
    expect(raw!.event!.isJson).toBe(true);
    expect(raw!.event!.data).toEqual(e.data);
    expect(raw!.event!.metadata).toMatchObject({
      ...e.metadata,
      schemaVersion: 2,
      prevHash: '0'.repeat(64),
    });
    const [read] = await collect(store.readStream(`${prefix}1`));
    expect(read!.schemaVersion).toBe(2);
    expect('schemaVersion' in read!.metadata).toBe(false);
    expect(read!.position > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('fails with WrongExpectedRevisionError after too many lost races', async () => {
    const fake = new FakeEventStoreDbClient();
    const store = openEventStoreDbStore(fake, { maxAppendRetries: 2 });
    const s = `${uniquePrefix('busy')}1`;
    await store.append(s, samples(1), { expectedRevision: 'no-stream' });
    const original = fake.appendToStream.bind(fake);
    fake.appendToStream = async (stream, events, options) => {
      if (
        stream === s &&
        events[0]?.type === 'SampleRecorded' &&
        (events[0].data as { n: number }).n === 9
      )
        await store.append(s, [sampleEvent(0)], { expectedRevision: 'any' });
      return original(stream, events, options);
    };
    await expect(
      store.append(s, [sampleEvent(9)], { expectedRevision: 'any' }),
    ).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  });
});

describe('EventStoreDbStore, a command sent again while its first send is in flight', () => {
  it.each(['any', 'exists'] as const)(
    'given the first send claimed the command and is about to append, when it is sent again with other event ids under "%s", then it is stored once and both sends get the same events',
    (expected) => resendWhileTheOriginalIsInFlight(new FakeEventStoreDbClient(), expected),
  );
});

describe('EventStoreDbStore reads of $all', () => {
  it('skip system events and the checkpoint streams even without a filter', async () => {
    const { store, prefix } = setup();
    await store.checkpoints.save(`${prefix}cp`, 5n);
    await store.append(`${prefix}1`, samples(2), { expectedRevision: 'no-stream' });
    const all = await collect(store.readAll());
    expect(all.map((e) => e.stream)).toEqual([`${prefix}1`, `${prefix}1`]);
  });
});

describe('EventStoreDbStore checkpoints', () => {
  it('live in aimline-checkpoint-<name> streams limited to one event by $maxCount, set once per name', async () => {
    const { fake, store, prefix } = setup();
    const name = `${prefix}proj`;
    await store.checkpoints.save(name, 1n);
    await store.checkpoints.save(name, 2n ** 63n - 1n);
    expect(await store.checkpoints.load(name)).toBe(2n ** 63n - 1n);
    expect(fake.calls.filter((c) => c.startsWith('setStreamMetadata'))).toEqual([
      `setStreamMetadata ${checkpointStreamOf(name)}`,
    ]);
    expect(await collect(fake.readStream(checkpointStreamOf(name), {}))).toHaveLength(1);
  });
});

describe('EventStoreDbStore dispose', () => {
  it('disposes a client it opened itself (or was told to), not one it was given', async () => {
    const given = new FakeEventStoreDbClient();
    await openEventStoreDbStore(given).dispose();
    expect(given.disposed).toBe(false);
    const owned = new FakeEventStoreDbClient();
    await openEventStoreDbStore(owned, { disposeClient: true }).dispose();
    expect(owned.disposed).toBe(true);
  });

  it('closes open subscriptions and refuses later calls', async () => {
    const { store, prefix } = setup();
    const sub = store.subscribe({ filter: { streamPrefixes: [prefix] } });
    const pending = sub[Symbol.asyncIterator]().next();
    await store.dispose();
    const first = await pending;
    expect(first.done === true || first.value.kind === 'caughtUp').toBe(true);
    await expect(store.checkpoints.load('x')).rejects.toBeInstanceOf(StoreDisposedError);
    await expect(collect(store.readAll())).rejects.toBeInstanceOf(StoreDisposedError);
    expect(() => store.subscribe()).toThrow(StoreDisposedError);
  });
});
