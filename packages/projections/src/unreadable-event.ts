import * as E from 'fp-ts/lib/Either.js';
import { parseInstant } from '@aimline/calendar';
import { unreadableStoredDataWhy, type RecordedEvent } from '@aimline/kernel';

/**
 * A stored event a read could not use: it did not decode, or folding it failed. Reads report
 * it (where and why) and go on with the rest of history; they never stop at it.
 */
export interface UnreadableEvent {
  readonly stream: string;
  readonly revision: number;
  /** The global position as decimal text (survives JSON snapshots). */
  readonly position: string;
  readonly type: string;
  readonly why: string;
}

const messageOf = (e: unknown): string =>
  e instanceof Error ? e.message : typeof e === 'string' ? e : 'a non-Error value was thrown';

/** Describes where an event is, from fields that may themselves be damaged. */
export const unreadableEvent = (recorded: RecordedEvent, why: unknown): UnreadableEvent => ({
  stream: String((recorded as Partial<RecordedEvent>).stream),
  revision: Number((recorded as Partial<RecordedEvent>).revision),
  position: String((recorded as Partial<RecordedEvent>).position),
  type: String((recorded as Partial<RecordedEvent>).type),
  why: typeof why === 'string' ? why : messageOf(why),
});

/**
 * Runs one step over one stored event; a thrown error becomes an `UnreadableEvent` naming the
 * event, so a bad event costs only itself.
 */
export const guarded = <A>(
  recorded: RecordedEvent,
  step: () => E.Either<string, A>,
): E.Either<UnreadableEvent, A> => {
  try {
    return E.mapLeft((why: string) => unreadableEvent(recorded, why))(step());
  } catch (e) {
    return E.left(unreadableEvent(recorded, e));
  }
};

const isInstantText = (v: unknown): boolean =>
  typeof v === 'string' && parseInstant(v) !== undefined;

/**
 * What is wrong with the metadata reads rely on (when it happened, when it was recorded, who),
 * or undefined. The store guarantees only the hash-chain fields.
 */
export const metadataProblem = (recorded: RecordedEvent): string | undefined => {
  // A row the store could not read as JSON carries its own why (see `unreadableStoredData`).
  const unreadable = unreadableStoredDataWhy(recorded.data);
  if (unreadable !== undefined) return unreadable;
  const m = recorded.metadata as unknown as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null) return 'metadata is not an object';
  const bad = (['occurredAt', 'recordedAt'] as const).filter((k) => !isInstantText(m[k]));
  const actor = m['actor'] as Record<string, unknown> | null;
  if (
    typeof actor !== 'object' ||
    actor === null ||
    typeof actor['role'] !== 'string' ||
    typeof actor['agency'] !== 'string'
  )
    bad.push('actor' as never);
  return bad.length === 0 ? undefined : `metadata.${bad.join(', metadata.')} unreadable`;
};

/** What `deadlineReport` reports for a stream whose folded state its deadline rules cannot take. */
export const FOLDED_STREAM = '(deadlines of the folded stream)';

/** One line for a person: where the event is and why it was set aside. */
export const describeUnreadable = (u: UnreadableEvent): string =>
  `${u.stream}@${u.revision} (position ${u.position}, ${u.type}): ${u.why}`;
