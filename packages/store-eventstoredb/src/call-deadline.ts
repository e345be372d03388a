import { UnavailableError } from '@aimline/kernel';
import type { EventStoreDbClientLike } from './client-port.js';

/**
 * How long the adapter waits for any one client call (an append, one page of a read, a
 * metadata write, an unsubscribe, the client's dispose) before it gives up with a typed,
 * retryable `UnavailableError`. Also passed to the client as the call's gRPC `deadline`.
 */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;

/**
 * `call` bounded by `timeoutMs`: its result, or an `UnavailableError` naming `operation` when
 * it has not settled in time (the outcome is then in doubt, as for a server that went away:
 * a retry with the same events finds them if they were stored). A late failure of the
 * abandoned call is swallowed, so it never becomes an unhandled rejection.
 *
 * Why the adapter's own timer and not only the client's `deadline`: `@eventstore/db-client`
 * 6.2.1 sends every append of a client over one long-lived batch-append gRPC stream opened with
 * no deadline (the per-append deadline is only a hint to the server), and an append written to
 * that stream after it broke is never answered — its promise never settles.
 */
export const withDeadline = <T>(
  call: Promise<T>,
  timeoutMs: number,
  operation: string,
): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new UnavailableError(
            `${operation}: no answer from the server within ${timeoutMs} ms (outcome in doubt)`,
          ),
        ),
      timeoutMs,
    );
  });
  call.catch(() => undefined);
  return Promise.race([call, expired]).finally(() => clearTimeout(timer));
};

/** Each `next()` of `read` bounded by `timeoutMs` (see `withDeadline`). */
const boundedRead = <T>(
  read: AsyncIterable<T>,
  timeoutMs: number,
  operation: string,
): AsyncIterable<T> => ({
  [Symbol.asyncIterator]: () => {
    const iterator = read[Symbol.asyncIterator]();
    return {
      next: () => withDeadline(iterator.next(), timeoutMs, operation),
      return: async (value?: unknown) =>
        iterator.return === undefined
          ? { done: true as const, value: undefined as T }
          : withDeadline(iterator.return(value), timeoutMs, `${operation} (closing)`),
    };
  },
});

/**
 * The client with every call the adapter makes bounded by `timeoutMs`: the gRPC `deadline`
 * option on each call, and the adapter's own timer around each append, metadata write, page
 * of a read, unsubscribe and dispose. A live subscription itself is not bounded (it is meant
 * to stay open); the client's keep-alive pings find a dead connection.
 */
export const boundedClient = (
  client: EventStoreDbClientLike,
  timeoutMs: number,
): EventStoreDbClientLike => ({
  appendToStream: (stream, events, options) =>
    withDeadline(
      client.appendToStream(stream, events, { ...options, deadline: timeoutMs }),
      timeoutMs,
      `append to ${stream}`,
    ),
  readStream: (stream, options) =>
    boundedRead(
      client.readStream(stream, { ...options, deadline: timeoutMs }),
      timeoutMs,
      `read stream ${stream}`,
    ),
  readAll: (options) =>
    boundedRead(client.readAll({ ...options, deadline: timeoutMs }), timeoutMs, 'read $all'),
  setStreamMetadata: (stream, metadata) =>
    withDeadline(
      client.setStreamMetadata(stream, metadata, { deadline: timeoutMs }),
      timeoutMs,
      `set the metadata of ${stream}`,
    ),
  subscribeToAll: (options) => {
    const sub = client.subscribeToAll(options);
    const original = sub.unsubscribe.bind(sub);
    const unsubscribe = () => withDeadline(original(), timeoutMs, 'end a $all subscription');
    return Object.assign(sub, { unsubscribe });
  },
  // The client cancels its calls and waits for them to end: a call that never ends must not
  // keep dispose() from returning (the calls are cancelled; nothing more can be done).
  dispose: () =>
    withDeadline(client.dispose(), timeoutMs, 'close the client').catch((e: unknown) => {
      if (!(e instanceof UnavailableError)) throw e;
    }),
});
