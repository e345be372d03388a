import {
  collect,
  StreamNotFoundError,
  type ReadStreamOptions,
  type RecordedEvent,
} from '@aimline/kernel';
import { BACKWARDS, END, FORWARDS, START, type ReadRevision } from '@eventstore/db-client';
import type { EventStoreDbClientLike } from './client-port.js';
import { mapClientError } from './error-mapping.js';
import { consumeRead } from './client-reads.js';
import { fromResolvedEvent, fromResolvedEventStrictly } from './event-codec.js';

/** Events per read call of a stream: a consumer that stops early finishes at most one such read. */
export const STREAM_PAGE_SIZE = 500;

/** How a read turns the client's events into the port's: for readers, or for the append path. */
export type EventOfResolved = typeof fromResolvedEvent;

/**
 * A stream's events through the client, as the port reads them: an empty iteration for a
 * stream that does not exist (the client throws `StreamNotFoundError` during iteration),
 * typed errors for everything else. Reads pages of `pageSize` events (see `consumeRead`).
 * A damaged event is delivered for its reader to refuse (`fromResolvedEvent`); the append
 * path, which builds on what it reads, passes `fromResolvedEventStrictly` to refuse it.
 */
export async function* readStreamEvents(
  client: EventStoreDbClientLike,
  stream: string,
  options: ReadStreamOptions = {},
  pageSize = STREAM_PAGE_SIZE,
  eventOf: EventOfResolved = fromResolvedEvent,
): AsyncGenerator<RecordedEvent> {
  const backwards = options.direction === 'backwards';
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  if (remaining <= 0) return;
  let fromRevision: ReadRevision;
  if (options.fromRevision === undefined) fromRevision = backwards ? END : START;
  else if (options.fromRevision < 0) {
    if (backwards) return;
    fromRevision = START;
  } else fromRevision = BigInt(Math.floor(options.fromRevision));
  const mapError = (e: unknown) =>
    mapClientError(e, { operation: `read stream ${stream}`, stream });
  for (;;) {
    const want = Math.min(pageSize, remaining);
    let count = 0;
    let last: bigint | undefined;
    const read = client.readStream(stream, {
      fromRevision,
      direction: backwards ? BACKWARDS : FORWARDS,
      maxCount: want,
    });
    try {
      for await (const resolved of consumeRead(read, mapError)) {
        count++;
        last = resolved.event?.revision;
        yield eventOf(resolved);
      }
    } catch (e) {
      if (e instanceof StreamNotFoundError) return;
      throw e;
    }
    remaining -= count;
    if (count < want || remaining <= 0 || last === undefined) return;
    if (backwards && last === 0n) return;
    fromRevision = backwards ? last - 1n : last + 1n;
  }
}

/**
 * The stream's last `count` events, newest first (empty for no stream), for the append path:
 * a damaged one throws a `CorruptStoreError` naming it (`fromResolvedEventStrictly`).
 */
export const readTail = (
  client: EventStoreDbClientLike,
  stream: string,
  count: number,
): Promise<RecordedEvent[]> =>
  collect(
    readStreamEvents(
      client,
      stream,
      { direction: 'backwards', maxCount: Math.max(1, count) },
      STREAM_PAGE_SIZE,
      fromResolvedEventStrictly,
    ),
  );

/**
 * The stream's events whose ids are among `ids` (lower case), found by reading the stream
 * backwards until all are found or the stream's first event is reached. This is the
 * adapter's own idempotency check: EventStoreDB's is only a cache.
 */
export const findEventsById = async (
  client: EventStoreDbClientLike,
  stream: string,
  ids: ReadonlySet<string>,
): Promise<Map<string, RecordedEvent>> => {
  const found = new Map<string, RecordedEvent>();
  for await (const e of readStreamEvents(
    client,
    stream,
    { direction: 'backwards' },
    STREAM_PAGE_SIZE,
    fromResolvedEventStrictly,
  )) {
    const id = e.id.toLowerCase();
    if (ids.has(id)) found.set(id, e);
    if (found.size === ids.size) break;
  }
  return found;
};
