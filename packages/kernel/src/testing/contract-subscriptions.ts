import { expect, it } from 'vitest';
import type { RecordedEvent } from '../event.js';
import type { Subscription, SubscriptionMessage } from '../store/event-store.js';
import type { ContractContext } from './contract-context.js';
import { samples, uniquePrefix } from './sample-events.js';

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

/** Catch-up subscriptions: history, caughtUp, live events, resuming from a checkpoint. */
export const subscriptionContract = ({ withStore }: ContractContext): void => {
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
};
