import { StreamNotFoundError } from '@aimline/kernel';
import { BACKWARDS, END, type ResolvedEvent } from '@eventstore/db-client';
import type { EventStoreDbClientLike } from './client-port.js';
import { mapClientError } from './error-mapping.js';

/**
 * Iterates one read of the client (`readStream` / `readAll`), mapping what it throws with
 * `mapError`, and — when the consumer stops early — reads the rest of it before returning.
 *
 * Why: the client's `dispose()` waits until every gRPC call it started has ended, and a read
 * whose last messages nobody consumes never ends (destroying the client's stream object
 * unpipes it from the gRPC call, which then stays paused forever). Against a real server
 * that made `dispose()` hang. So reads are never abandoned, only finished; callers keep each
 * read bounded (a page) so finishing one costs little.
 */
export async function* consumeRead<T>(
  read: AsyncIterable<T>,
  mapError: (error: unknown) => Error,
): AsyncGenerator<T> {
  const iterator = read[Symbol.asyncIterator]();
  let ended = false;
  try {
    for (;;) {
      let next: IteratorResult<T>;
      try {
        next = await iterator.next();
      } catch (e) {
        ended = true;
        throw mapError(e);
      }
      if (next.done === true) {
        ended = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!ended) await finish(iterator);
  }
}

const finish = async <T>(iterator: AsyncIterator<T>): Promise<void> => {
  try {
    while ((await iterator.next()).done !== true);
  } catch {
    // The read failed while being finished: it has ended, which is all that was wanted.
  }
};

/**
 * The last event of a stream (read backwards, one event), or `undefined` when the stream is
 * empty or does not exist. What the read throws is mapped with `operation` and the stream.
 */
export const readLastEvent = async (
  client: EventStoreDbClientLike,
  stream: string,
  operation: string,
): Promise<ResolvedEvent['event']> => {
  const mapError = (e: unknown) => mapClientError(e, { operation, stream });
  try {
    const read = client.readStream(stream, {
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 1,
    });
    for await (const resolved of consumeRead(read, mapError)) return resolved.event;
    return undefined;
  } catch (e) {
    if (e instanceof StreamNotFoundError) return undefined;
    throw e;
  }
};
