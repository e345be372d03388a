import {
  collect,
  CorruptStoreError,
  StoreDisposedError,
  UnavailableError,
  unreadableStoredDataWhy,
  type RecordedEvent,
  type SubscriptionMessage,
} from '@aimline/kernel';
import { eventStoreContract, sampleEvent, samples, uniquePrefix } from '@aimline/kernel/testing';
import { binaryEvent, jsonEvent } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import {
  checkpointStreamOf,
  commandStreamOf,
  eventStoreDbClientFromUrl,
  openEventStoreDbStore,
  type EventStoreDbClientLike,
  type ReconnectNotice,
} from '../src/index.js';
import { clientPortOf } from '../src/client-port-of.js';
import { grpcUnavailable } from './support/fake-eventstoredb-client.js';
import { resendWhileTheOriginalIsInFlight } from './support/resend-race.js';
import { externalServerUrl } from './support/esdb-server.js';
import {
  nextMessages,
  retryWhileUnavailable,
  settlesWithin,
} from './support/real-server-helpers.js';
import { ownServer, useSingleNode } from './support/single-node.js';

// The adapter against a REAL EventStoreDB: a node this file starts itself (the vendored
// server, built once per machine), or EVENTSTORE_URL for the tests that can use any server.
// Where neither is possible (no .NET SDK), the tests are skipped LOUDLY, naming why.
const external = externalServerUrl();
const own = ownServer('REAL-SERVER TESTS OF @aimline/store-eventstoredb (own node)');
const node = 'bin' in own ? useSingleNode(own.bin) : undefined;
const urlOf = (): string => external ?? node!().url;
const label = external === undefined ? 'a node started by the test' : 'EVENTSTORE_URL';

if (external === undefined && node === undefined) {
  describe.skip(`EventStoreDB real server: SKIPPED — ${'skip' in own ? own.skip : ''}`, () => {
    it('runs the contract suite and the real-server tests (skipped, see the reason above)', () => {
      expect('skip' in own).toBe(true);
    });
  });
} else {
  // A new store (and client) per test, disposed after it: every test's leftovers (open
  // subscriptions, abandoned reads) go through a real dispose.
  eventStoreContract(
    `EventStoreDbStore on a real server (${label})`,
    () => Promise.resolve(openEventStoreDbStore(urlOf())),
    { numRuns: 10, recordsStreamEnd: false },
  );

  describe(`EventStoreDbStore on a real server (${label}): beyond the contract`, () => {
    it('gives bigint commit positions that increase with every event, also within one append', async () => {
      const store = openEventStoreDbStore(urlOf());
      try {
        const s = `${uniquePrefix('pos')}1`;
        const r = await store.append(s, samples(3), { expectedRevision: 'no-stream' });
        const positions = r.events.map((e) => e.position);
        expect(positions.every((p) => typeof p === 'bigint')).toBe(true);
        expect(positions[1]! > positions[0]! && positions[2]! > positions[1]!).toBe(true);
        const all = await collect(store.readAll({ filter: { streamPrefixes: [s] } }));
        expect(all.map((e) => e.position)).toEqual(positions);
      } finally {
        await store.dispose();
      }
    });

    it('keeps each checkpoint in a stream of its own, limited to its latest value ($maxCount: 1), exact beyond 2^53, and never delivered as an event', async () => {
      const store = openEventStoreDbStore(urlOf());
      const raw = eventStoreDbClientFromUrl(urlOf());
      try {
        const name = uniquePrefix('cp');
        for (const p of [2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, 2n ** 63n - 1n]) {
          await store.checkpoints.save(name, p);
          expect(await store.checkpoints.load(name)).toBe(p);
        }
        const stream = checkpointStreamOf(name);
        expect((await raw.getStreamMetadata(stream)).metadata?.maxCount).toBe(1);
        const kept = await collect(raw.readStream(stream));
        expect(kept).toHaveLength(1);
        expect(await collect(store.readAll({ filter: { streamPrefixes: [stream] } }))).toEqual([]);
        const sub = store.subscribe({ filter: { streamPrefixes: [stream] } });
        expect(await nextMessages(sub, 1)).toEqual([{ kind: 'caughtUp' }]);
        await sub.close();
      } finally {
        await raw.dispose();
        await store.dispose();
      }
    });

    it("ignores streams of other applications (a foreign prefix) and the server's own in reads of $all and in subscriptions", async () => {
      const prefix = uniquePrefix('owned');
      const foreign = `${uniquePrefix('foreign')}orders-1`;
      const store = openEventStoreDbStore(urlOf(), { streamPrefixes: [prefix] });
      const raw = eventStoreDbClientFromUrl(urlOf());
      const foreignEvent = () =>
        jsonEvent({ type: 'OrderPlaced', data: { order: 1 }, metadata: { by: 'another app' } });
      try {
        await raw.appendToStream(foreign, [foreignEvent()]);
        await store.append(`${prefix}a`, samples(2), { expectedRevision: 'no-stream' });
        const sub = store.subscribe();
        const history = await nextMessages(sub, 3);
        expect(history.map((m) => (m.kind === 'event' ? m.event.stream : m.kind))).toEqual([
          `${prefix}a`,
          `${prefix}a`,
          'caughtUp',
        ]);
        await raw.appendToStream(foreign, [foreignEvent()]);
        await store.append(`${prefix}b`, samples(1), { expectedRevision: 'no-stream' });
        const live = await nextMessages(sub, 1);
        expect(live.map((m) => (m.kind === 'event' ? m.event.stream : m.kind))).toEqual([
          `${prefix}b`,
        ]);
        await sub.close();
        const all = await collect(store.readAll());
        expect(all.map((e) => e.stream)).toEqual([`${prefix}a`, `${prefix}a`, `${prefix}b`]);
        expect(await collect(store.readAll({ filter: { streamPrefixes: ['$'] } }))).toEqual([]);
      } finally {
        await raw.dispose();
        await store.dispose();
      }
    });

    it('delivers an event another application wrote inside an Aimline stream (no metadata), or one whose data is not JSON, at its stream and revision as unreadable to its readers; an append after it is refused naming where it is', async () => {
      const store = openEventStoreDbStore(urlOf());
      const raw = eventStoreDbClientFromUrl(urlOf());
      const unreadableAt = (events: ReadonlyArray<RecordedEvent>) =>
        events.map((e) => [e.revision, unreadableStoredDataWhy(e.data)]);
      try {
        for (const [label, intruder, why] of [
          [
            'intruded',
            jsonEvent({ type: 'Intruder', data: { x: 1 } }),
            'the event metadata is not a JSON object',
          ],
          [
            'not-json',
            binaryEvent({
              type: 'SampleRecorded',
              data: new TextEncoder().encode('{"n":2,"note":"sam'),
              metadata: {
                ...sampleEvent(2).metadata,
                prevHash: '0'.repeat(64),
                hash: '0'.repeat(64),
                schemaVersion: 1,
              },
            }),
            'the event data is not JSON',
          ],
        ] as const) {
          const s = `${uniquePrefix(label)}1`;
          await store.append(s, samples(2), { expectedRevision: 'no-stream' });
          await raw.appendToStream(s, [intruder]);
          const expected = [
            [0, undefined],
            [1, undefined],
            [2, why],
          ];
          expect(unreadableAt(await collect(store.readStream(s)))).toEqual(expected);
          expect(
            unreadableAt(await collect(store.readAll({ filter: { streamPrefixes: [s] } }))),
          ).toEqual(expected);
          expect(await store.streamRevision(s)).toBe(2);
          const append = store.append(s, samples(1), { expectedRevision: 2 });
          await expect(append).rejects.toBeInstanceOf(CorruptStoreError);
          await expect(append).rejects.toThrow(new RegExp(`${s}@2`));
        }
      } finally {
        await raw.dispose();
        await store.dispose();
      }
    });

    it('completes a multi-command batch cut off between its command-id claims when the identical batch is retried: no IdempotencyConflict, stored once', async () => {
      const s = `${uniquePrefix('cutoff')}1`;
      const batch = samples(3); // three commands, each claimed before the batch is appended
      const raw = eventStoreDbClientFromUrl(urlOf());
      const port = clientPortOf(raw);
      let claims = 0;
      // The writer's connection breaks while it claims the batch's commands (all at once):
      // the second claim fails, the first and the third reach the server.
      const cutOff: EventStoreDbClientLike = {
        ...port,
        appendToStream: (stream, events, options) => {
          if (stream.startsWith('aimline-command-') && ++claims === 2)
            return Promise.reject(grpcUnavailable());
          return port.appendToStream(stream, events, options);
        },
      };
      const store = openEventStoreDbStore(urlOf());
      try {
        await expect(
          openEventStoreDbStore(cutOff).append(s, batch, { expectedRevision: 'no-stream' }),
        ).rejects.toBeInstanceOf(UnavailableError);
        const claimed = await collect(
          raw.readStream(commandStreamOf(batch[0]!.metadata.commandId)),
        );
        expect(claimed).toHaveLength(1);
        expect(await collect(store.readStream(s))).toEqual([]);

        const retried = await store.append(s, batch, { expectedRevision: 'no-stream' });
        expect(retried.events.map((e) => e.id)).toEqual(batch.map((e) => e.id.toLowerCase()));
        expect(await store.append(s, batch, { expectedRevision: 'no-stream' })).toEqual(retried);
        expect(await collect(store.readStream(s))).toEqual(retried.events);
      } finally {
        await raw.dispose();
        await store.dispose();
      }
    });

    it.each(['any', 'exists'] as const)(
      'stores a command once when it is sent again with other event ids under "%s" while its first send is between its claim and its append; both sends get the same events',
      async (expected) => {
        const raw = eventStoreDbClientFromUrl(urlOf());
        try {
          await resendWhileTheOriginalIsInFlight(clientPortOf(raw), expected);
        } finally {
          await raw.dispose();
        }
      },
    );

    it('dispose() returns promptly with open subscriptions (idle, catching up, live with a pending read) and abandoned reads', async () => {
      const prefix = uniquePrefix('dispose');
      const store = openEventStoreDbStore(urlOf(), { pageSize: 2 });
      await store.append(`${prefix}a`, samples(5), { expectedRevision: 'no-stream' });
      const filter = { streamPrefixes: [prefix] };
      store.subscribe({ filter }); // never iterated
      const catchingUp = store.subscribe({ filter });
      await nextMessages(catchingUp, 1);
      const live = store.subscribe({ filter });
      await nextMessages(live, 6);
      const pending = live[Symbol.asyncIterator]().next();
      for await (const _ of store.readStream(`${prefix}a`)) break;
      for await (const _ of store.readAll({ filter })) break;
      await store.checkpoints.load(prefix);
      // Before the fix this never returned (the client waited for reads nobody finished).
      // Now each call it makes is bounded by the call timeout (10 s): the subscriptions'
      // closes, then the client's dispose. The bound here tells a hang from a loaded machine.
      await settlesWithin(
        store.dispose(),
        60_000,
        'dispose() returning with open subscriptions and abandoned reads',
      );
      expect((await pending).done).toBe(true);
      await expect(store.streamRevision(`${prefix}a`)).rejects.toBeInstanceOf(StoreDisposedError);
    }, 180_000);
  });
}

if (node === undefined)
  describe.skip(`EventStoreDB own node: SKIPPED — ${'skip' in own ? own.skip : ''}`, () => {
    it('restarts a node under a live subscription (skipped, see the reason above)', () => {
      expect('skip' in own).toBe(true);
    });
  });
else
  describe('EventStoreDbStore when its own node restarts', () => {
    it('resubscribes after the server restarts and delivers what was appended meanwhile, once; appends and reads reconnect', async () => {
      const notices: ReconnectNotice[] = [];
      const store = openEventStoreDbStore(node().url, {
        subscriptions: {
          reconnect: { initialDelayMs: 50, maxDelayMs: 1_000 },
          onReconnect: (n) => notices.push(n),
        },
      });
      try {
        const prefix = uniquePrefix('restart');
        await store.append(`${prefix}a`, samples(2), { expectedRevision: 'no-stream' });
        const sub = store.subscribe({ filter: { streamPrefixes: [prefix] } });
        const before: SubscriptionMessage[] = await nextMessages(sub, 3);
        expect(before.map((m) => m.kind)).toEqual(['event', 'event', 'caughtUp']);
        // One live event proves the live subscription is up; then a read is left pending
        // across the restart, so the subscription itself sees the server go.
        await store.append(`${prefix}a`, samples(1), { expectedRevision: 1 });
        expect((await nextMessages(sub, 1)).map((m) => m.kind)).toEqual(['event']);
        const afterRestart = nextMessages(sub, 3);
        await node().stop();
        await node().start();
        await retryWhileUnavailable(() =>
          store.append(`${prefix}b`, samples(3), { expectedRevision: 'no-stream' }),
        );
        const after = await afterRestart;
        await sub.close();
        expect(after.map((m) => (m.kind === 'event' ? m.event.stream : m.kind))).toEqual([
          `${prefix}b`,
          `${prefix}b`,
          `${prefix}b`,
        ]);
        expect(notices.length).toBeGreaterThan(0);
        expect((await collect(store.readStream(`${prefix}a`))).length).toBe(3);
      } finally {
        await store.dispose();
      }
    }, 300_000);
  });
