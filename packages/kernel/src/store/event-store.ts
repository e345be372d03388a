import type { PersonalDataUse } from '../codec/personal-data-use.js';
import type { EventToAppend, RecordedEvent } from '../event.js';
import type { ExpectedRevision } from '../revision.js';
import type { Rejection } from '../rejection.js';
import type { StoreError } from './errors.js';

export interface AppendResult {
  /** The revision of the stream's last event after the append (the next expected revision). */
  readonly nextExpectedRevision: number;
  /** The global position of the last event appended. */
  readonly position: bigint;
  /** The events as stored (with revision, position and hash chain). */
  readonly events: ReadonlyArray<RecordedEvent>;
}

/** One append of a group committed together (`EventStore.appendMany`). */
export interface AppendRequest {
  readonly stream: string;
  readonly events: ReadonlyArray<EventToAppend>;
  readonly expectedRevision: ExpectedRevision;
}

/**
 * What became of one append of a group: stored (or found already stored), refused alone by a
 * store error, or rejected under a rule (a decorator's `AppendRejectedError`, e.g. ERASE-1).
 */
export type AppendOutcome =
  | { readonly kind: 'appended'; readonly result: AppendResult }
  | { readonly kind: 'refused'; readonly error: StoreError }
  | { readonly kind: 'rejected'; readonly rejection: Rejection };

export interface ReadStreamOptions {
  /** Start at this revision (inclusive). Default: first (forwards) or last (backwards). */
  readonly fromRevision?: number;
  readonly direction?: 'forwards' | 'backwards';
  readonly maxCount?: number;
  readonly personalData?: PersonalDataUse;
}

/** Selects streams by name prefix (`hsb-case-`, `panel-`), evaluated by the server where it can. */
export interface StreamFilter {
  readonly streamPrefixes: ReadonlyArray<string>;
}

export interface ReadAllOptions {
  /** Read events whose global position is strictly greater than this (a checkpoint). */
  readonly after?: bigint;
  readonly maxCount?: number;
  readonly filter?: StreamFilter;
  readonly personalData?: PersonalDataUse;
}

export type SubscriptionMessage =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** Sent once, when the subscription has delivered everything stored when it reached the end. */
  | { readonly kind: 'caughtUp' };

/**
 * A catch-up subscription over all streams: first the stored history after the checkpoint,
 * then `caughtUp`, then live events as they are appended, each exactly once and in global order.
 */
export interface Subscription extends AsyncIterable<SubscriptionMessage> {
  close(): Promise<void>;
}

export interface SubscribeOptions {
  readonly after?: bigint;
  readonly filter?: StreamFilter;
}

/** Durable positions of projections and subscribers, kept in the store itself. */
export interface CheckpointStore {
  load(name: string): Promise<bigint | undefined>;
  save(name: string, position: bigint): Promise<void>;
}

/**
 * The event store port. Every adapter (in-memory, SQLite, EventStoreDB) passes the same
 * contract suite (`@aimline/kernel/testing`).
 *
 * Rules every adapter keeps:
 * - the first event of a stream is revision 0; revisions are contiguous;
 * - an append is atomic: all its events are stored, or none;
 * - an append is idempotent by event id: re-appending events whose ids are already the
 *   stream's events at the same places, with the same content, stores nothing and returns
 *   the original result; the same id with other content is a `DuplicateEventIdError`;
 * - each stream is a hash chain (`metadata.prevHash`, `metadata.hash`) computed at append;
 * - failures are the typed errors of `errors.ts`.
 */
export interface EventStore {
  append(
    stream: string,
    events: ReadonlyArray<EventToAppend>,
    options: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult>;
  /**
   * Group commit: the appends in order, each checked and atomic exactly as `append` would do
   * it, all made durable by one commit (one fsync). An append that is refused (wrong expected
   * revision, duplicate id, idempotency conflict, invalid) stores nothing and leaves the others
   * alone; a later append of the group sees the earlier ones, and one to a stream where an
   * earlier append of the group was refused is refused too (a `WrongExpectedRevisionError`:
   * it was built on the refused one). Resolves only once the whole group
   * is durable; when the commit itself fails it rejects and nothing of the group is stored.
   * Optional: `appendGroup` falls back to one `append` after another.
   */
  appendMany?(requests: ReadonlyArray<AppendRequest>): Promise<ReadonlyArray<AppendOutcome>>;
  /** The stream's events; an empty iteration for a stream that does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): AsyncIterable<RecordedEvent>;
  /** The revision of the stream's last event, undefined when there is no stream. */
  streamRevision(stream: string): Promise<number | undefined>;
  /**
   * `streamRevision` of many streams in one look-up (the group commit's version checks): each
   * named stream that exists, with the revision of its last event. Optional: the command
   * handler otherwise reads each stream on from the revision it has cached.
   */
  streamRevisions?(streams: ReadonlyArray<string>): Promise<ReadonlyMap<string, number>>;
  /**
   * The events a recorded command stored, in order, found through the store's command index;
   * empty when the index does not hold the command (none of that id is stored, or it was stored
   * before the index: EventStoreDB's claims came after its first events). Optional: the command
   * handler scans the command's stream for them when the store has no index or it answers empty.
   */
  eventsOfCommand?(commandId: string): Promise<ReadonlyArray<RecordedEvent>>;
  /**
   * The global position of the stream's last event as the store recorded it apart from the
   * events themselves (SQLite: its command index), undefined when it recorded none for the
   * stream. A read of the stream whose last event comes before it has lost its tail: events
   * deleted from the end, which leave the rest of the stream's hash chain intact
   * (`streamDamage` of `@aimline/projections` reports it). Optional: a store whose events
   * are its only record of them (in memory; EventStoreDB, whose stream index is where the
   * events are read from) does not offer it rather than answer from the events.
   */
  recordedStreamEnd?(stream: string): Promise<bigint | undefined>;
  /** Every event of every stream, in global order. */
  readAll(options?: ReadAllOptions): AsyncIterable<RecordedEvent>;
  /**
   * A global position at or after the store's last event, undefined when nothing is stored:
   * a `readAll({ after })` from it gives only what is appended later. One look-up, whatever
   * the store holds (SQLite: the table's last row; EventStoreDB: `$all` read backwards, one
   * event, which may be a server event after Aimline's last), so a reader that catches up on a
   * few streams (the key vault reconciling erasures) can remember how far it has looked
   * without reading on to the end.
   */
  headPosition(): Promise<bigint | undefined>;
  subscribe(options?: SubscribeOptions): Subscription;
  readonly checkpoints: CheckpointStore;
  /**
   * The store's identity: a UUID made when the store was created, the same for every process
   * that opens it. Derived data (projection snapshots) is keyed by it, and anchors name it.
   */
  identity(): Promise<string>;
  /** Releases connections and files; later calls fail with `StoreDisposedError`. */
  dispose(): Promise<void>;
}

/** An append's result from the events it stored (or found stored), oldest first: never empty. */
export const appendResultOf = (events: ReadonlyArray<RecordedEvent>): AppendResult => {
  const last = events[events.length - 1]!;
  return { nextExpectedRevision: last.revision, position: last.position, events };
};

export const matchesFilter = (stream: string, filter: StreamFilter | undefined): boolean =>
  filter === undefined || filter.streamPrefixes.some((p) => stream.startsWith(p));
