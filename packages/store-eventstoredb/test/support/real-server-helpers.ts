import {
  isStoreError,
  type EventToAppend,
  type Subscription,
  type SubscriptionMessage,
} from '@aimline/kernel';
import { sampleEvent } from '@aimline/kernel/testing';
import { pause } from './esdb-node.js';

/**
 * The next `count` messages of a subscription (events and `caughtUp`), waiting at most
 * `timeoutMs` in all: a subscription that stops delivering fails the test with what it got
 * instead of hanging it.
 */
export const nextMessages = async (
  sub: Subscription,
  count: number,
  timeoutMs = 120_000,
): Promise<SubscriptionMessage[]> => {
  const iterator = sub[Symbol.asyncIterator]();
  const out: SubscriptionMessage[] = [];
  const deadline = Date.now() + timeoutMs;
  while (out.length < count) {
    const left = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const next = await Promise.race([
      iterator.next(),
      new Promise<'timeout'>((r) => {
        timer = setTimeout(() => r('timeout'), Math.max(0, left));
      }),
    ]);
    clearTimeout(timer);
    if (next === 'timeout')
      throw new Error(`only ${out.length} of ${count} messages within ${timeoutMs} ms`);
    if (next.done === true) throw new Error(`the subscription ended after ${out.length} messages`);
    out.push(next.value);
  }
  return out;
};

/**
 * What `promise` gives, or a failure saying what did not happen when it has not settled within
 * `timeoutMs` (a generous bound on a loaded machine: it tells a hang from slowness, it is not a
 * speed test).
 */
export const settlesWithin = async <T>(
  promise: Promise<T>,
  timeoutMs: number,
  what: string,
): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${timeoutMs} ms: ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
};

/**
 * Waits until `condition` holds, polling every `pollMs`, at most `timeoutMs`; past it, fails
 * saying what it waited for (`what` may be a function, to describe the state at that moment).
 */
export const waitUntil = async (
  condition: () => boolean,
  what: string | (() => string),
  timeoutMs = 30_000,
  pollMs = 10,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`not within ${timeoutMs} ms: ${typeof what === 'string' ? what : what()}`);
    await pause(pollMs);
  }
};

/** A retryable failure of the server or the connection (not a lost race on a revision). */
export const isUnavailable = (e: unknown): e is Error =>
  isStoreError(e) && e.retryable && e.kind !== 'WrongExpectedRevision';

/**
 * Runs `f` until it succeeds, retrying only failures of the server or the connection (the
 * server restarting, a leader change), for at most `timeoutMs`.
 */
export const retryWhileUnavailable = async <T>(
  f: () => Promise<T>,
  timeoutMs = 120_000,
  onRetry?: (error: Error) => void,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      return await f();
    } catch (e) {
      if (!isUnavailable(e) || Date.now() > deadline) throw e;
      onRetry?.(e);
      await pause(Math.min(50 * 2 ** attempt, 1_000));
    }
  }
};

/**
 * The events one command appends, as the command handler appends them: `count` sample events
 * sharing one command id and fingerprint (each `sampleEvent` is a command of its own).
 */
export const commandEvents = (
  count: number,
  from = 0,
  extra: (i: number) => Record<string, unknown> = () => ({}),
): EventToAppend[] => {
  const events = Array.from({ length: count }, (_, i) => sampleEvent(from + i, extra(i)));
  const { commandId, commandFingerprint } = events[0]!.metadata;
  return events.map((e) => ({ ...e, metadata: { ...e.metadata, commandId, commandFingerprint } }));
};
