import { missingStreamTail, type RecordedEvent } from '@aimline/kernel';

/**
 * Events deleted from the end of a stream, as a check finds them: none of them is stored, so
 * their types are not known (`missing: true` tells them from an `UnreadableEvent`, which has
 * a type). Located at the first missing revision, with the last position the store recorded
 * for the stream.
 */
export interface MissingEvents {
  readonly stream: string;
  /** The first missing revision. */
  readonly revision: number;
  /** The last global position the store recorded for the stream, as decimal text. */
  readonly position: string;
  readonly missing: true;
  readonly why: string;
}

/**
 * Events deleted from the end of `stream`, or undefined: the store recorded an event of the
 * stream at position `end` (`EventStore.recordedStreamEnd`, asked before the read), and the
 * read's last event (`last`) comes before it (the kernel's `missingStreamTail`).
 */
export const lostStreamTail = (
  stream: string,
  end: bigint | undefined,
  last: RecordedEvent | undefined,
): MissingEvents | undefined => {
  const missing = missingStreamTail(end, last);
  if (missing === undefined) return undefined;
  return {
    stream,
    revision: missing.firstMissingRevision,
    position: missing.recordedEnd.toString(),
    missing: true,
    why: missing.why,
  };
};
