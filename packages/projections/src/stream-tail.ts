import type { RecordedEvent } from '@aimline/kernel';
import type { UnreadableEvent } from './unreadable-event.js';

/** What a finding of events missing from a stream's end names as their type (none is stored). */
export const MISSING_EVENTS = '(missing)';

/**
 * Events deleted from the end of `stream`, or undefined: the store recorded an event of the
 * stream at position `end` (`EventStore.recordedStreamEnd`, asked before the read), and the
 * read's last event (`last`) comes before it. The stream's own hash chain cannot show this
 * (what is left of it is intact). Located at the first missing revision, with the last
 * position the store recorded for the stream.
 */
export const lostStreamTail = (
  stream: string,
  end: bigint | undefined,
  last: RecordedEvent | undefined,
): UnreadableEvent | undefined => {
  if (end === undefined || (last !== undefined && last.position >= end)) return undefined;
  const stored =
    last === undefined
      ? 'the stream has no stored events'
      : `its stored events end at revision ${last.revision} (position ${last.position})`;
  return {
    stream,
    revision: last === undefined ? 0 : last.revision + 1,
    position: end.toString(),
    type: MISSING_EVENTS,
    why: `events are missing from the end of the stream: the store recorded an event of it at position ${end}, and ${stored}`,
  };
};
