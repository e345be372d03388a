import * as E from 'fp-ts/lib/Either.js';
import { parseInstant } from '@aimline/calendar';
import { unreadableStoredDataWhy, type RecordedEvent } from '@aimline/kernel';
import type { MissingEvents } from './stream-tail.js';

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

/**
 * Who a report of damage is for: whether their view shows an event (its stream and type), and
 * whether it shows every type of a stream (events of unknown type: those missing from its end),
 * as the need-to-know reader decides it (a principal view's `shows` and `showsEveryType`).
 */
export interface DamageReader {
  readonly shows: (event: { readonly stream: string; readonly type: string }) => boolean;
  readonly showsEveryType: (stream: string) => boolean;
}

/**
 * What a reader is told of a damaged event their view does not show: that the stream they read
 * has damaged history, never the event's revision, position, type or why — that an event of a
 * type they may not see exists, and where, is itself what need to know keeps from them. A reader
 * who may see it (an auditor) is told where it is. So is whoever runs `aimline audit --verify`:
 * it is an operator's tool, outside this rule by design, run by people trusted with the whole
 * store (it needs no principal, like `audit anchor` and `access-log --verify`). It reads the
 * stored rows, whose stream ids, revisions, positions and event types are not encrypted, so
 * whoever can run it on a store can read those from the store's files or server anyway; it shows
 * every break's place (and, against an anchor, each added event's type), never a personal value.
 */
export interface DamageOutOfView {
  readonly stream: string;
  readonly outOfView: true;
  readonly why: string;
}

/** What a check of stored history finds: an event it could not use, or events missing from a stream's end. */
export type Damage = UnreadableEvent | MissingEvents;

/** Damage as a reader is told of it: located where their view shows the event, else not. */
export type ToldDamage = Damage | DamageOutOfView;

/** Whether damage is events missing from a stream's end (of types not known). */
export const isMissing = (damage: ToldDamage): damage is MissingEvents =>
  'missing' in damage && damage.missing;

/** Why, for damage at a stored event the reader's view does not show (the same words for every kind). */
export const DAMAGE_OUT_OF_VIEW =
  'the history of this stream is damaged at an event this principal may not see (a principal who may see it, such as an auditor, is told where)';

/**
 * Why, for events deleted from a stream's end (`MissingEvents`) told to a reader whose view
 * does not show every type: what the missing events were is not known, so not that this
 * principal may not see them; never where they start.
 */
export const MISSING_OUT_OF_VIEW =
  "events are missing from the end of this stream's history, of types not known (a principal who may see every type, such as an auditor, is told where)";

/**
 * The one rule for what a reader is told of damage: located (stream, revision, position, type,
 * why) when their view shows the event, else only the stream (`DamageOutOfView`,
 * `DAMAGE_OUT_OF_VIEW`); events missing from a stream's end, whose types are not known, are
 * located only for a reader whose view shows every type of the stream, else told as
 * `MISSING_OUT_OF_VIEW`.
 */
export const toldTo = (reader: DamageReader, damage: Damage): ToldDamage => {
  if (isMissing(damage))
    return reader.showsEveryType(damage.stream)
      ? damage
      : { stream: damage.stream, outOfView: true, why: MISSING_OUT_OF_VIEW };
  return reader.shows(damage)
    ? damage
    : { stream: damage.stream, outOfView: true, why: DAMAGE_OUT_OF_VIEW };
};

/** Whether damage is told without its place (at an event the reader's view does not show). */
export const isOutOfView = (damage: ToldDamage): damage is DamageOutOfView =>
  'outOfView' in damage && damage.outOfView;

/** Where damage is, as told: `stream@revision`, or the stream alone when out of view. */
export const damageLocation = (damage: ToldDamage): string =>
  isOutOfView(damage) ? damage.stream : `${damage.stream}@${damage.revision}`;

/** One line for a person: where the event is and why it was set aside. */
export const describeUnreadable = (u: ToldDamage): string =>
  isOutOfView(u)
    ? `${u.stream} (an event not shown): ${u.why}`
    : isMissing(u)
      ? `${u.stream}@${u.revision} (missing from the end; recorded to position ${u.position}): ${u.why}`
      : `${u.stream}@${u.revision} (position ${u.position}, ${u.type}): ${u.why}`;
