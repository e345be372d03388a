import type { RecordedEvent } from '../event.js';

/** Events deleted from a stream's end: where they start, and the loss in words. */
export interface MissingStreamTail {
  /** The first revision missing (0 when no event of the stream is left). */
  readonly firstMissingRevision: number;
  /** The position the store recorded for the stream's last event (`recordedStreamEnd`). */
  readonly recordedEnd: bigint;
  /** The loss in words, e.g. `events are missing from the end of the stream: …`. */
  readonly why: string;
}

/**
 * Events deleted from a stream's end, or undefined: the store recorded an event of the stream
 * at position `end` (`EventStore.recordedStreamEnd`), and the stream's last stored event
 * (`last`, undefined for none) comes before it. The stream's own hash chain cannot show this
 * (what is left of it is intact). The one comparison (and wording) behind the one-stream read
 * check (`streamDamage` of `@aimline/projections`) and a store refusing to append to such
 * a stream (SQLite).
 */
export const missingStreamTail = (
  end: bigint | undefined,
  last: Pick<RecordedEvent, 'revision' | 'position'> | undefined,
): MissingStreamTail | undefined => {
  if (end === undefined || (last !== undefined && last.position >= end)) return undefined;
  const stored =
    last === undefined
      ? 'the stream has no stored events'
      : `its stored events end at revision ${last.revision} (position ${last.position})`;
  return {
    firstMissingRevision: last === undefined ? 0 : last.revision + 1,
    recordedEnd: end,
    why: `events are missing from the end of the stream: the store recorded an event of it at position ${end}, and ${stored}`,
  };
};
