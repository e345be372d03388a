import {
  IncompatibleStoreError,
  matchesFilter,
  type ReadAllOptions,
  type RecordedEvent,
  type StreamFilter,
} from '@aimline/kernel';
import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  type AllStreamResolvedEvent,
  type Position,
  type ReadPosition,
} from '@eventstore/db-client';
import { commitPositionOf } from './bigint-conversion.js';
import type { EventStoreDbClientLike } from './client-port.js';
import { consumeRead } from './client-reads.js';
import { mapClientError } from './error-mapping.js';
import { fromResolvedEvent, isBookkeepingStream, isSystemEvent } from './event-codec.js';

/** Whether an event read from `$all` is one of Aimline's, selected by the port's filter. */
export const isSelected = (
  stream: string,
  type: string,
  filter: StreamFilter | undefined,
): boolean =>
  !isSystemEvent(stream, type) && !isBookkeepingStream(stream) && matchesFilter(stream, filter);

/** The `$all` position of a raw event (its commit position), or an `IncompatibleStoreError`. */
export const allPositionOf = (raw: AllStreamResolvedEvent): Position => {
  const commit = commitPositionOf(raw.event?.position.commit ?? raw.commitPosition);
  if (commit === undefined || raw.event === undefined)
    throw new IncompatibleStoreError('$all', 'an event read from $all carries no commit position');
  return { commit, prepare: raw.event.position.prepare };
};

/** A port position (a commit position, exclusive) as where the client starts reading `$all`. */
export const readPositionAfter = (after: bigint | undefined): ReadPosition =>
  after === undefined ? START : { commit: after, prepare: after };

/**
 * Every Aimline event of `$all` in global order, strictly after `options.after`, filtered by
 * stream prefix, without system events or the adapter's checkpoint streams. Reads pages of
 * `pageSize` from the server (the client's `readAll` takes no filter, so the filter applies
 * here; subscriptions filter on the server). A read from a position is inclusive on the
 * server, so events at or before the last position seen are skipped.
 */
export async function* readAllEvents(
  client: EventStoreDbClientLike,
  options: ReadAllOptions = {},
  pageSize = 500,
  /** Told the position of every `$all` event consumed, selected or not (a subscription resumes after it). */
  onPosition?: (commit: bigint) => void,
): AsyncGenerator<RecordedEvent> {
  const max = options.maxCount ?? Number.POSITIVE_INFINITY;
  if (max <= 0) return;
  let from = readPositionAfter(options.after);
  let last = options.after;
  let delivered = 0;
  for (;;) {
    let count = 0;
    let progressed = false;
    const page = client.readAll({ fromPosition: from, direction: FORWARDS, maxCount: pageSize });
    for await (const raw of consumeRead(page, (e) =>
      mapClientError(e, { operation: 'read $all' }),
    )) {
      count++;
      const position = allPositionOf(raw);
      if (last !== undefined && position.commit <= last) continue;
      last = position.commit;
      from = position;
      progressed = true;
      onPosition?.(position.commit);
      if (!isSelected(raw.event!.streamId, raw.event!.type, options.filter)) continue;
      yield fromResolvedEvent(raw);
      delivered++;
      if (delivered >= max) return;
    }
    if (count < pageSize || !progressed) return;
  }
}

/**
 * The commit position of `$all`'s last event (any event: a server event after Aimline's last is
 * still at or after it), undefined when `$all` is empty: one event read backwards from the end.
 */
export const headOfAll = async (client: EventStoreDbClientLike): Promise<bigint | undefined> => {
  const read = client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 });
  for await (const raw of consumeRead(read, (e) => mapClientError(e, { operation: 'read $all' })))
    return allPositionOf(raw).commit;
  return undefined;
};
