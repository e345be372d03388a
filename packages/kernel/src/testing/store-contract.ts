import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RecordedEvent } from '../event.js';
import type { ExpectedRevision } from '../revision.js';
import {
  DuplicateEventIdError,
  InvalidAppendError,
  isStoreError,
  StoreDisposedError,
  WrongExpectedRevisionError,
} from '../store/errors.js';
import type { EventStore, Subscription, SubscriptionMessage } from '../store/event-store.js';
import { verifyLink } from '../store/hash-chain.js';
import { collect, essence, sampleEvent, samples, uniquePrefix } from './sample-events.js';
import { StoreModel } from './store-model.js';

export interface ContractOptions {
  /** Runs of the model-based property (default 30). */
  readonly numRuns?: number;
  /** Concurrent writers in the race test (default 8). */
  readonly writers?: number;
  /** Whether `dispose()` is tested (off when the factory shares one client). */
  readonly testsDispose?: boolean;
}

/** Takes messages from a subscription until `count` events have arrived (or it ends). */
const take = async (
  sub: Subscription,
  count: number,
  untilCaughtUp = false,
  timeoutMs = 20_000,
): Promise<{ events: RecordedEvent[]; caughtUp: boolean }> => {
  const events: RecordedEvent[] = [];
  let caughtUp = false;
  const iterator = sub[Symbol.asyncIterator]();
  const deadline = Date.now() + timeoutMs;
  while (events.length < count || (untilCaughtUp && !caughtUp)) {
    const remaining = deadline - Date.now();
    if (remaining <= 0)
      throw new Error(
        `subscription delivered ${events.length} of ${count} events before timing out`,
      );
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), remaining);
      }),
    ]);
    clearTimeout(timer);
    if (next === 'timeout')
      throw new Error(
        `subscription delivered ${events.length} of ${count} events before timing out`,
      );
    if (next.done) break;
    const m: SubscriptionMessage = next.value;
    if (m.kind === 'caughtUp') caughtUp = true;
    else events.push(m.event);
  }
  return { events, caughtUp };
};

/**
 * The event-store contract: every adapter runs exactly these tests. `open` returns a store
 * (a new one, or a shared one: every test uses streams of its own unique prefix and filters
 * reads of all streams by it, so a shared server is fine).
 */
export const eventStoreContract = (
  name: string,
  open: () => Promise<EventStore>,
  options: ContractOptions = {},
): void => {
  const numRuns = options.numRuns ?? 30;
  const writers = options.writers ?? 8;

  const withStore = async <T>(f: (store: EventStore) => Promise<T>): Promise<T> => {
    const store = await open();
    try {
      return await f(store);
    } finally {
      if (options.testsDispose !== false) await store.dispose();
    }
  };

  describe(`EventStore contract: ${name}`, () => {
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

    it('is idempotent by event id: a retried append stores nothing and returns the original result', () =>
      withStore(async (store) => {
        const s = `${uniquePrefix('idem')}1`;
        const batch = samples(3);
        const first = await store.append(s, batch, { expectedRevision: 'no-stream' });
        const again = await store.append(s, batch, { expectedRevision: 'no-stream' });
        expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(again.position).toBe(first.position);
        expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
        const anyAgain = await store.append(s, batch, { expectedRevision: 'any' });
        expect(anyAgain.nextExpectedRevision).toBe(2);
        expect((await collect(store.readStream(s))).length).toBe(3);
      }));

    it('refuses the same event id with different content', () =>
      withStore(async (store) => {
        const s = `${uniquePrefix('dup')}1`;
        const e = sampleEvent(1);
        await store.append(s, [e], { expectedRevision: 'no-stream' });
        const changed = { ...e, data: { n: 2, note: 'altered' } };
        await expect(
          store.append(s, [changed], { expectedRevision: 'any' }),
        ).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect((await collect(store.readStream(s))).map((x) => x.data)).toEqual([e.data]);
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

    it('reads a stream backwards, from a revision, and up to a count', () =>
      withStore(async (store) => {
        const s = `${uniquePrefix('read')}1`;
        await store.append(s, samples(6), { expectedRevision: 'no-stream' });
        const rev = async (o: Parameters<EventStore['readStream']>[1]) =>
          (await collect(store.readStream(s, o))).map((e) => e.revision);
        expect(await rev({ direction: 'backwards' })).toEqual([5, 4, 3, 2, 1, 0]);
        expect(await rev({ direction: 'backwards', fromRevision: 3, maxCount: 2 })).toEqual([3, 2]);
        expect(await rev({ fromRevision: 4 })).toEqual([4, 5]);
        expect(await rev({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
        expect(await rev({ fromRevision: 9 })).toEqual([]);
        expect(await collect(store.readStream(`${s}-missing`))).toEqual([]);
      }));

    it('reads all streams in global order, after a position, filtered by stream prefix', () =>
      withStore(async (store) => {
        const prefix = uniquePrefix('all');
        const order: string[] = [];
        for (let i = 0; i < 6; i++) {
          const s = `${prefix}${i % 3}`;
          const batch = samples(2, i * 2);
          await store.append(s, batch, { expectedRevision: 'any' });
          order.push(...batch.map((e) => e.id));
        }
        const all = await collect(store.readAll({ filter: { streamPrefixes: [prefix] } }));
        expect(all.map((e) => e.id)).toEqual(order);
        for (let i = 1; i < all.length; i++)
          expect(all[i]!.position > all[i - 1]!.position).toBe(true);
        const after = await collect(
          store.readAll({ after: all[4]!.position, filter: { streamPrefixes: [prefix] } }),
        );
        expect(after.map((e) => e.id)).toEqual(order.slice(5));
        const page = await collect(
          store.readAll({
            after: all[1]!.position,
            maxCount: 3,
            filter: { streamPrefixes: [prefix] },
          }),
        );
        expect(page.map((e) => e.id)).toEqual(order.slice(2, 5));
        const one = await collect(store.readAll({ filter: { streamPrefixes: [`${prefix}1`] } }));
        expect(one.every((e) => e.stream === `${prefix}1`)).toBe(true);
        expect(one.length).toBe(4);
      }));

    it('chains every stream by hash, and the chain verifies', () =>
      withStore(async (store) => {
        const s = `${uniquePrefix('hash')}1`;
        await store.append(s, samples(3), { expectedRevision: 'no-stream' });
        await store.append(s, samples(2, 3), { expectedRevision: 2 });
        const events = await collect(store.readStream(s));
        let previous: { revision: number; hash: string } | undefined;
        for (const e of events) {
          expect(verifyLink(e, previous)).toBeUndefined();
          previous = { revision: e.revision, hash: e.metadata.hash };
        }
        const tampered = { ...events[1]!, data: { n: 99 } };
        expect(verifyLink(tampered, { revision: 0, hash: events[0]!.metadata.hash })).toMatchObject(
          { kind: 'HashMismatch', revision: 1 },
        );
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

    it('saves and loads checkpoints', () =>
      withStore(async (store) => {
        const n = uniquePrefix('cp');
        expect(await store.checkpoints.load(n)).toBeUndefined();
        await store.checkpoints.save(n, 42n);
        expect(await store.checkpoints.load(n)).toBe(42n);
        await store.checkpoints.save(n, 2n ** 63n - 1n);
        expect(await store.checkpoints.load(n)).toBe(2n ** 63n - 1n);
      }));

    it('delivers history, then caughtUp, then live events, each once, to a subscription', () =>
      withStore(async (store) => {
        const prefix = uniquePrefix('sub');
        await store.append(`${prefix}a`, samples(3), { expectedRevision: 'no-stream' });
        const sub = store.subscribe({ filter: { streamPrefixes: [prefix] } });
        try {
          const history = await take(sub, 3, true);
          expect(history.events.map((e) => e.revision)).toEqual([0, 1, 2]);
          expect(history.caughtUp).toBe(true);
          await store.append(`${prefix}b`, samples(2), { expectedRevision: 'no-stream' });
          const live = await take(sub, 2);
          expect(live.caughtUp).toBe(false);
          expect(live.events.map((e) => e.stream)).toEqual([`${prefix}b`, `${prefix}b`]);
        } finally {
          await sub.close();
        }
      }));

    it('resumes a subscription from a durable checkpoint and sees every event exactly once across a restart', () =>
      withStore(async (store) => {
        const prefix = uniquePrefix('resume');
        const cp = `${prefix}checkpoint`;
        const appended: string[] = [];
        const add = async (stream: string, n: number) => {
          const batch = samples(n);
          await store.append(`${prefix}${stream}`, batch, { expectedRevision: 'any' });
          appended.push(...batch.map((e) => e.id));
        };
        await add('x', 4);
        const seen: string[] = [];
        const first = store.subscribe({ filter: { streamPrefixes: [prefix] } });
        const part = await take(first, 3);
        for (const e of part.events) {
          seen.push(e.id);
          await store.checkpoints.save(cp, e.position);
        }
        await first.close();
        await add('y', 3);
        const after = await store.checkpoints.load(cp);
        const second = store.subscribe({
          ...(after === undefined ? {} : { after }),
          filter: { streamPrefixes: [prefix] },
        });
        const rest = await take(second, 4);
        await second.close();
        seen.push(...rest.events.map((e) => e.id));
        expect(seen).toEqual(appended);
      }));

    it('behaves like the model for any sequence of appends with right and wrong expected revisions (model-based)', async () => {
      const op = fc.record({
        stream: fc.integer({ min: 0, max: 2 }),
        count: fc.integer({ min: 1, max: 3 }),
        expect: fc.oneof(
          fc.constant<'right'>('right'),
          fc.constant<ExpectedRevision>('any'),
          fc.constant<ExpectedRevision>('no-stream'),
          fc.constant<ExpectedRevision>('exists'),
          fc.integer({ min: 0, max: 6 }),
        ),
        retry: fc.boolean(),
      });
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
          await withStore(async (store) => {
            const prefix = uniquePrefix('model');
            const model = new StoreModel();
            for (const o of ops) {
              const stream = `${prefix}${o.stream}`;
              const batch = samples(o.count);
              const expected: ExpectedRevision =
                o.expect === 'right' ? (model.revision(stream) ?? 'no-stream') : o.expect;
              const modelResult = model.append(stream, batch, expected);
              let actual: string;
              try {
                const r = await store.append(stream, batch, { expectedRevision: expected });
                actual = 'ok';
                expect(r.nextExpectedRevision).toBe(model.revision(stream));
                if (o.retry) {
                  const again = await store.append(stream, batch, { expectedRevision: expected });
                  expect(again.nextExpectedRevision).toBe(r.nextExpectedRevision);
                }
              } catch (e) {
                if (!isStoreError(e)) throw e;
                actual = e.kind;
              }
              expect(actual).toBe(modelResult);
              expect(await store.streamRevision(stream)).toBe(model.revision(stream));
            }
            for (const [stream, events] of model.streams)
              expect((await collect(store.readStream(stream))).map(essence)).toEqual(
                events.map((e, revision) => ({
                  id: e.id,
                  stream,
                  revision,
                  type: e.type,
                  data: e.data,
                })),
              );
            const all = await collect(store.readAll({ filter: { streamPrefixes: [prefix] } }));
            expect(all.map((e) => [e.stream, e.id])).toEqual(
              model.log.map((l) => [l.stream, l.event.id]),
            );
          });
        }),
        { numRuns },
      );
    });

    if (options.testsDispose !== false)
      it('refuses every call after dispose with a typed error', async () => {
        const store = await open();
        await store.dispose();
        await expect(
          store.append('x-1', samples(1), { expectedRevision: 'any' }),
        ).rejects.toBeInstanceOf(StoreDisposedError);
        await expect(store.streamRevision('x-1')).rejects.toBeInstanceOf(StoreDisposedError);
      });
  });
};
