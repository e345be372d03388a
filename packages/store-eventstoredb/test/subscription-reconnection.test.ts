import {
  AccessDeniedError,
  UnavailableError,
  type RecordedEvent,
  type Subscription,
  type SubscriptionMessage,
} from '@aimline/kernel';
import { samples, uniquePrefix } from '@aimline/kernel/testing';
import * as client from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  defaultReconnectPolicy,
  openEventStoreDbStore,
  type ReconnectNotice,
} from '../src/index.js';
import { serverFilterFor } from '../src/subscription.js';
import { FakeEventStoreDbClient, grpcUnavailable } from './support/fake-eventstoredb-client.js';
import { waitUntil } from './support/real-server-helpers.js';

/** Reads messages until `count` events (and, if asked, caughtUp) arrived. */
const take = async (sub: Subscription, count: number, untilCaughtUp = false) => {
  const iterator = sub[Symbol.asyncIterator]();
  const events: RecordedEvent[] = [];
  let caughtUp = false;
  while (events.length < count || (untilCaughtUp && !caughtUp)) {
    const next = await iterator.next();
    if (next.done === true) break;
    const m: SubscriptionMessage = next.value;
    if (m.kind === 'caughtUp') caughtUp = true;
    else events.push(m.event);
  }
  return { events, caughtUp };
};

const setup = () => {
  const fake = new FakeEventStoreDbClient();
  const notices: ReconnectNotice[] = [];
  const store = openEventStoreDbStore(fake, {
    pageSize: 3,
    subscriptions: {
      reconnect: { initialDelayMs: 1, maxDelayMs: 8, maxAttempts: 6 },
      random: () => 0.5,
      onReconnect: (n) => notices.push(n),
    },
  });
  return { fake, store, notices, prefix: uniquePrefix('sub') };
};

describe('backoff', () => {
  it('grows exponentially from the initial delay, is capped, and jitters between half and all of it', () => {
    const policy = { ...defaultReconnectPolicy, initialDelayMs: 100, maxDelayMs: 1_000, factor: 2 };
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 0.999999))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
    expect([0, 1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 0))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(300);
  });
});

describe('the server-side filter', () => {
  it("is the client's stream-name prefix filter on Aimline's prefixes, else 'no system events'", () => {
    expect(serverFilterFor({ filter: { streamPrefixes: ['hsb-case-', 'meeting-'] } })).toEqual(
      client.streamNameFilter({ prefixes: ['hsb-case-', 'meeting-'] }),
    );
    expect(serverFilterFor({})).toEqual(client.excludeSystemEvents());
  });
});

describe('subscriptions over $all: reconnection (the client does not resubscribe by itself)', () => {
  it('after a dropped connection (raw gRPC 14), waits with backoff, resumes after the last event delivered, and delivers each event once', async () => {
    const { fake, store, notices, prefix } = setup();
    await store.append(`${prefix}a`, samples(4), { expectedRevision: 'no-stream' });
    const sub = store.subscribe({ filter: { streamPrefixes: [prefix] } });
    const history = await take(sub, 4, true);
    expect(history.caughtUp).toBe(true);
    await store.append(`${prefix}b`, samples(2), { expectedRevision: 'no-stream' });
    const live1 = await take(sub, 2);
    fake.dropSubscriptions(grpcUnavailable());
    await store.append(`${prefix}c`, samples(3), { expectedRevision: 'no-stream' });
    const live2 = await take(sub, 3);
    await sub.close();
    expect(live1.events.map((e) => e.stream)).toEqual([`${prefix}b`, `${prefix}b`]);
    expect(live2.events.map((e) => e.stream)).toEqual([`${prefix}c`, `${prefix}c`, `${prefix}c`]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      attempt: 1,
      delayMs: backoffDelay(
        0,
        { ...defaultReconnectPolicy, initialDelayMs: 1, maxDelayMs: 8 },
        () => 0.5,
      ),
      resumeAfter: live1.events[1]!.position,
    });
    expect(notices[0]!.error).toBeInstanceOf(UnavailableError);
    const resubscribed = fake.calls.filter((c) => c.startsWith('subscribeToAll'));
    expect(resubscribed).toEqual([
      `subscribeToAll ${history.events[3]!.position}`,
      `subscribeToAll ${live1.events[1]!.position}`,
    ]);
    expect(fake.openSubscriptions).toBe(0);
  });

  it('keeps retrying while the server is unavailable, with growing delays, and comes back when it does', async () => {
    const { fake, store, notices, prefix } = setup();
    await store.append(`${prefix}a`, samples(1), { expectedRevision: 'no-stream' });
    const sub = store.subscribe({ filter: { streamPrefixes: [prefix] } });
    await take(sub, 1, true);
    fake.failWith = grpcUnavailable();
    fake.dropSubscriptions(grpcUnavailable());
    const waiting = take(sub, 1);
    await waitUntil(() => notices.length >= 3, 'three reconnection notices');
    fake.failWith = undefined;
    await store.append(`${prefix}b`, samples(1), { expectedRevision: 'no-stream' });
    const { events } = await waiting;
    await sub.close();
    expect(events.map((e) => e.stream)).toEqual([`${prefix}b`]);
    const delays = notices.map((n) => n.delayMs);
    expect(delays.slice(0, 3)).toEqual([1, 2, 3]);
    expect(notices.map((n) => n.attempt).slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('retries a catch-up read that fails midway, from the last event delivered', async () => {
    const { fake, store, notices, prefix } = setup();
    await store.append(`${prefix}a`, samples(5), { expectedRevision: 'no-stream' });
    const sub = store.subscribe({ filter: { streamPrefixes: [prefix] } });
    const first = await take(sub, 2);
    fake.failWith = grpcUnavailable();
    const rest = take(sub, 3, true);
    await waitUntil(() => notices.length >= 1, 'a reconnection notice');
    fake.failWith = undefined;
    const { events, caughtUp } = await rest;
    await sub.close();
    expect([...first.events, ...events].map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    expect(caughtUp).toBe(true);
  });

  it('gives up after maxAttempts failures in a row, ending with the typed error', async () => {
    const { fake, store, notices, prefix } = setup();
    await store.append(`${prefix}a`, samples(1), { expectedRevision: 'no-stream' });
    const sub = store.subscribe({ filter: { streamPrefixes: [prefix] } });
    await take(sub, 1, true);
    fake.failWith = grpcUnavailable();
    fake.dropSubscriptions(grpcUnavailable());
    await expect(take(sub, 1)).rejects.toBeInstanceOf(UnavailableError);
    expect(notices).toHaveLength(6);
  });

  it('does not retry an error that retrying cannot fix (access denied)', async () => {
    const { fake, store, notices, prefix } = setup();
    await store.append(`${prefix}a`, samples(1), { expectedRevision: 'no-stream' });
    const sub = store.subscribe({ filter: { streamPrefixes: [prefix] } });
    await take(sub, 1, true);
    const failing = take(sub, 1);
    await waitUntil(() => fake.openSubscriptions > 0, 'the subscription open on the server');
    fake.dropSubscriptions(new client.AccessDeniedError());
    await expect(failing).rejects.toBeInstanceOf(AccessDeniedError);
    expect(notices).toHaveLength(0);
  });

  it('closes at once while waiting for live events, and while waiting to reconnect', async () => {
    const { fake, store, prefix } = setup();
    await store.append(`${prefix}a`, samples(1), { expectedRevision: 'no-stream' });
    const live = store.subscribe({ filter: { streamPrefixes: [prefix] } });
    await take(live, 1, true);
    const pending = live[Symbol.asyncIterator]().next();
    await live.close();
    expect((await pending).done).toBe(true);
    const reconnects: ReconnectNotice[] = [];
    const slowStore = openEventStoreDbStore(fake, {
      subscriptions: {
        reconnect: { initialDelayMs: 3_600_000, maxDelayMs: 3_600_000 },
        onReconnect: (n) => reconnects.push(n),
      },
    });
    const sub2 = slowStore.subscribe({ filter: { streamPrefixes: [prefix] } });
    await take(sub2, 1, true);
    const waiting = sub2[Symbol.asyncIterator]().next();
    await waitUntil(() => fake.openSubscriptions > 0, 'the subscription open on the server');
    fake.dropSubscriptions(grpcUnavailable());
    await waitUntil(() => reconnects.length > 0, 'a reconnection notice');
    await sub2.close();
    expect((await waiting).done).toBe(true);
    expect(fake.openSubscriptions).toBe(0);
  });
});
