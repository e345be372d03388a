import { missingStreamTail, type RecordedEvent } from '@aimline/kernel';
import type { UnreadableEvent } from './unreadable-event.js';

/** What a finding of events missing from a stream's end names as their type (none is stored). */
export const MISSING_EVENTS = '(missing)';

/**
 * Events deleted from the end of `stream`, or undefined: the store recorded an event of the
 * stream at position `end` (`EventStore.recordedStreamEnd`, asked before the read), and the
 * read's last event (`last`) comes before it (the kernel's `missingStreamTail`). Located at the
 * first missing revision, with the last position the store recorded for the stream.
 */
export const lostStreamTail = (
  stream: string,
  end: bigint | undefined,
  last: RecordedEvent | undefined,
): UnreadableEvent | undefined => {
  const missing = missingStreamTail(end, last);
  if (missing === undefined) return undefined;
  return {
    stream,
    revision: missing.firstMissingRevision,
    position: missing.recordedEnd.toString(),
    type: MISSING_EVENTS,
    why: missing.why,
  };
};
