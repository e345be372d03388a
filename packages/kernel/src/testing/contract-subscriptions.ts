import { expect, it } from 'vitest';
import type { RecordedEvent } from '../event.js';
import type { Subscription, SubscriptionMessage } from '../store/event-store.js';
import type { ContractContext } from './contract-context.js';
import { samples, uniquePrefix } from './sample-events.js';

/**
 * The longest a subscription may take to deliver what a test waits for. Delivery is
 * event-driven (each wait is on the subscription's next message, never on a clock), so this
 * bound only tells a subscription that stopped delivering from a slow one, and is generous for
 * a loaded machine: a test that reaches it fails naming what it waited for and what arrived.
 */
const SUBSCRIPTION_WAIT_MS = 120_000;
/** Each subscription test's own limit: above its waits' bounds, so theirs is the message. */
const SUBSCRIPTION_TEST_MS = 3 * SUBSCRIPTION_WAIT_MS;

/**
 * Takes messages from a subscription until `count` events (and, with `untilCaughtUp`, the
 * `caughtUp` message) have arrived. Fails, naming `what` and what did arrive, when the
 * subscription ends first or has not delivered them within `SUBSCRIPTION_WAIT_MS`.
 */
const take = async (
  sub: Subscription,
  what: string,
  count: number,
  untilCaughtUp = false,
): Promise<{ events: RecordedEvent[]; caughtUp: boolean }> => {
  const events: RecordedEvent[] = [];
  let caughtUp = false;
  const arrived = () =>
    `${events.length} of ${count} events arrived (${events.map((e) => `${e.stream}@${e.revision}`).join(', ') || 'none'})${untilCaughtUp ? `, caughtUp ${caughtUp ? 'arrived' : 'not yet'}` : ''}`;
  const iterator = sub[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), SUBSCRIPTION_WAIT_MS);
  });
  try {
    while (events.length < count || (untilCaughtUp && !caughtUp)) {
      const next = await Promise.race([iterator.next(), expired]);
      if (next === 'expired')
        throw new Error(
          `not within ${SUBSCRIPTION_WAIT_MS} ms: a subscription delivering ${what}; ${arrived()}`,
        );
      if (next.done === true)
        throw new Error(`the subscription ended before delivering ${what}; ${arrived()}`);
      const m: SubscriptionMessage = next.value;
      if (m.kind === 'caughtUp') caughtUp = true;
      else events.push(m.event);
    }
    return { events, caughtUp };
  } finally {
    clearTimeout(timer);
  }
};

/** Catch-up subscriptions: history, caughtUp, live events, resuming from a checkpoint. */
export const subscriptionContract = ({ withStore }: ContractContext): void => {
  it(
    'delivers history, then caughtUp, then live events, each once, to a subscription',
    () =>
      withStore(async (store) => {
        const prefix = uniquePrefix('sub');
        await store.append(`${prefix}a`, samples(3), { expectedRevision: 'no-stream' });
        const sub = store.subscribe({ filter: { streamPrefixes: [prefix] } });
        try {
          const history = await take(sub, 'the 3 stored events, then caughtUp', 3, true);
          expect(history.events.map((e) => e.revision)).toEqual([0, 1, 2]);
          expect(history.caughtUp).toBe(true);
          await store.append(`${prefix}b`, samples(2), { expectedRevision: 'no-stream' });
          const live = await take(sub, `the 2 events appended live to ${prefix}b`, 2);
          expect(live.caughtUp).toBe(false);
          expect(live.events.map((e) => e.stream)).toEqual([`${prefix}b`, `${prefix}b`]);
        } finally {
          await sub.close();
        }
      }),
    SUBSCRIPTION_TEST_MS,
  );

  it(
    'resumes a subscription from a durable checkpoint and sees every event exactly once across a restart',
    () =>
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
        try {
          const part = await take(first, 'the first 3 of the 4 stored events', 3);
          for (const e of part.events) {
            seen.push(e.id);
            await store.checkpoints.save(cp, e.position);
          }
        } finally {
          await first.close();
        }
        await add('y', 3);
        const after = await store.checkpoints.load(cp);
        const second = store.subscribe({
          ...(after === undefined ? {} : { after }),
          filter: { streamPrefixes: [prefix] },
        });
        try {
          const rest = await take(second, 'the 4 events after the checkpoint', 4);
          seen.push(...rest.events.map((e) => e.id));
        } finally {
          await second.close();
        }
        expect(seen).toEqual(appended);
      }),
    SUBSCRIPTION_TEST_MS,
  );
};
