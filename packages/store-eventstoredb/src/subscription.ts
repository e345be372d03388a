import { randomInt } from 'node:crypto';
import {
  isStoreError,
  UnavailableError,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionMessage,
} from '@aimline/kernel';
import { excludeSystemEvents, streamNameFilter, type Filter } from '@eventstore/db-client';
import { allPositionOf, isSelected, readAllEvents, readPositionAfter } from './all-reads.js';
import { backoffDelay, defaultReconnectPolicy, type ReconnectPolicy } from './backoff.js';
import type { ClientSubscription, EventStoreDbClientLike } from './client-port.js';
import { mapClientError } from './error-mapping.js';
import { fromResolvedEvent } from './event-codec.js';

/** Told before each reconnection attempt (for logs and tests). */
export interface ReconnectNotice {
  /** 1 for the first attempt after a failure. */
  readonly attempt: number;
  readonly delayMs: number;
  /** Why: the typed error the connection failed with. */
  readonly error: Error;
  /** The position the subscription resumes after (undefined: from the start). */
  readonly resumeAfter: bigint | undefined;
}

export interface SubscriptionSettings {
  /** Events read per `$all` page while catching up. */
  readonly pageSize?: number;
  readonly reconnect?: Partial<ReconnectPolicy>;
  readonly onReconnect?: (notice: ReconnectNotice) => void;
  /** Returns a number in [0, 1) for the backoff jitter (default: node:crypto). */
  readonly random?: () => number;
}

/** The server-side filter for a subscription: Aimline's stream prefixes, or "no system events". */
export const serverFilterFor = (options: SubscribeOptions): Filter =>
  options.filter === undefined || options.filter.streamPrefixes.length === 0
    ? excludeSystemEvents()
    : streamNameFilter({ prefixes: [...options.filter.streamPrefixes] });

const ignore = (): void => undefined;

const defaultRandom = (): number => randomInt(0, 1_000_000) / 1_000_000;

/**
 * A catch-up subscription over `$all`:
 * 1. history: reads `$all` in pages strictly after `options.after` (a durable checkpoint),
 *    then says `caughtUp` once;
 * 2. live: a server-side filtered `subscribeToAll` from the last position consumed.
 * The client does not resubscribe by itself: when the connection fails with a retryable
 * error (unavailable, not leader, raw gRPC 14 …) or the server ends the subscription, this
 * waits (exponential backoff with jitter) and resumes from the last position consumed, in
 * whichever phase it was. Events at or before that position are dropped, so every event is
 * delivered once and in global order. Non-retryable errors end the iteration with the
 * typed error.
 */
export const subscribeToAllEvents = (
  client: EventStoreDbClientLike,
  options: SubscribeOptions,
  settings: SubscriptionSettings = {},
): Subscription => {
  const policy: ReconnectPolicy = { ...defaultReconnectPolicy, ...settings.reconnect };
  const random = settings.random ?? defaultRandom;
  const pageSize = settings.pageSize ?? 500;
  const filter = serverFilterFor(options);
  let closed = false;
  let current: ClientSubscription | undefined;
  let wake: (() => void) | undefined;

  const sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wake = undefined;
        resolve();
      }, ms);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });

  async function* run(): AsyncGenerator<SubscriptionMessage> {
    let resume = options.after;
    let caughtUp = false;
    let attempt = 0;
    while (!closed) {
      let failure: Error;
      try {
        if (!caughtUp) {
          const history = readAllEvents(
            client,
            {
              ...(resume === undefined ? {} : { after: resume }),
              ...(options.filter === undefined ? {} : { filter: options.filter }),
            },
            pageSize,
            (p) => {
              resume = p;
              attempt = 0;
            },
          );
          for await (const event of history) {
            if (closed) return;
            yield { kind: 'event', event };
          }
          if (closed) return;
          caughtUp = true;
          yield { kind: 'caughtUp' };
          continue;
        }
        const sub = client.subscribeToAll({ fromPosition: readPositionAfter(resume), filter });
        // The for-await below sees every error while it reads; one emitted after it stopped
        // (the call failing while being cancelled) would otherwise crash the process.
        sub.on?.('error', ignore);
        current = sub;
        try {
          for await (const raw of sub) {
            if (closed) return;
            attempt = 0;
            const position = allPositionOf(raw);
            if (resume !== undefined && position.commit <= resume) continue;
            resume = position.commit;
            if (!isSelected(raw.event!.streamId, raw.event!.type, options.filter)) continue;
            yield { kind: 'event', event: fromResolvedEvent(raw) };
          }
        } finally {
          current = undefined;
          await sub.unsubscribe().catch(() => undefined);
        }
        if (closed) return;
        failure = new UnavailableError('the server ended the $all subscription');
      } catch (e) {
        if (closed) return;
        const mapped = mapClientError(e, { operation: 'subscribe to $all' });
        if (!isStoreError(mapped) || !mapped.retryable) throw mapped;
        failure = mapped;
      }
      if (attempt >= policy.maxAttempts) throw failure;
      const delayMs = backoffDelay(attempt, policy, random);
      attempt++;
      settings.onReconnect?.({ attempt, delayMs, error: failure, resumeAfter: resume });
      await sleep(delayMs);
    }
  }

  const iterator = run();
  return {
    [Symbol.asyncIterator]: () => iterator,
    close: async () => {
      if (closed) return;
      closed = true;
      wake?.();
      const sub = current;
      if (sub !== undefined) {
        await sub.unsubscribe().catch(() => undefined);
        sub.destroy?.();
      }
      await iterator.return(undefined);
    },
  };
};
