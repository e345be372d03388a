import { describeExpected, type ExpectedRevision } from '../revision.js';

/**
 * Every failure an event store reports is one of these typed errors. Adapters map their
 * native errors (SQLite, gRPC, EventStoreDB) to them, so callers handle one vocabulary.
 */
export type StoreErrorKind =
  | 'WrongExpectedRevision'
  | 'DuplicateEventId'
  | 'IdempotencyConflict'
  | 'StreamNotFound'
  | 'StreamDeleted'
  | 'AccessDenied'
  | 'NotLeader'
  | 'Unavailable'
  | 'CorruptStore'
  | 'IncompatibleStore'
  | 'MissingStore'
  | 'InvalidAppend'
  | 'Disposed';

export abstract class StoreError extends Error {
  abstract readonly kind: StoreErrorKind;
  /** Whether retrying the same operation later may succeed. */
  abstract readonly retryable: boolean;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    // Each error is named after its class (`StreamNotFoundError`), set here once for all.
    this.name = new.target.name;
  }
}

/** The base class of the errors of one kind: its `kind`, and whether a retry may succeed. */
const storeErrorOf = <K extends StoreErrorKind>(kind: K, retryable: boolean) => {
  abstract class KindOfStoreError extends StoreError {
    readonly kind: K = kind;
    readonly retryable: boolean = retryable;
  }
  return KindOfStoreError;
};

export class WrongExpectedRevisionError extends storeErrorOf('WrongExpectedRevision', true) {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedRevision,
    /** The stream's last revision, undefined when the stream does not exist. */
    readonly actual: number | undefined,
  ) {
    super(
      `Wrong expected revision on stream "${stream}": expected ${describeExpected(expected)}, ` +
        `actual ${actual === undefined ? 'no-stream' : `revision ${actual}`}`,
    );
  }
}

export class DuplicateEventIdError extends storeErrorOf('DuplicateEventId', false) {
  constructor(
    readonly stream: string,
    readonly eventId: string,
    readonly detail: string,
  ) {
    super(`Event id ${eventId} was already appended to "${stream}" ${detail}`);
  }
}

/** Where a command was first recorded: its stream, and the revision and position of its first event. */
export interface CommandRecord {
  readonly commandId: string;
  /** Undefined for a command recorded before fingerprints were kept: its content cannot be compared. */
  readonly fingerprint: string | undefined;
  readonly stream: string;
  /** Undefined when the store holds the command's record but cannot find its first event. */
  readonly revision: number | undefined;
  readonly position: bigint | undefined;
}

/**
 * A command id already recorded for another command (another type, stream, instant, actor or
 * data: another fingerprint). Nothing is appended; the caller must use a new command id.
 */
export class IdempotencyConflictError extends storeErrorOf('IdempotencyConflict', false) {
  constructor(
    readonly commandId: string,
    readonly firstRecorded: CommandRecord,
    readonly detail: string,
  ) {
    super(
      `Command id ${commandId} was already used for another command, first recorded in stream ` +
        `"${firstRecorded.stream}" at ${firstRecorded.revision === undefined ? 'an unknown revision' : `revision ${firstRecorded.revision}`} (position ${firstRecorded.position ?? 'unknown'}): ${detail}`,
    );
  }
}

export class StreamNotFoundError extends storeErrorOf('StreamNotFound', false) {
  constructor(readonly stream: string) {
    super(`Stream "${stream}" not found`);
  }
}

export class StreamDeletedError extends storeErrorOf('StreamDeleted', false) {
  constructor(readonly stream: string) {
    super(`Stream "${stream}" has been deleted`);
  }
}

export class AccessDeniedError extends storeErrorOf('AccessDenied', false) {
  constructor(
    readonly operation: string,
    cause?: unknown,
  ) {
    super(`Access denied: ${operation}`, { cause });
  }
}

export class NotLeaderError extends storeErrorOf('NotLeader', true) {
  constructor(
    readonly leader: string | undefined,
    cause?: unknown,
  ) {
    super(`Not the cluster leader${leader ? `; leader is ${leader}` : ''}`, { cause });
  }
}

export class UnavailableError extends storeErrorOf('Unavailable', true) {
  constructor(
    readonly detail: string,
    cause?: unknown,
  ) {
    super(`Event store unavailable: ${detail}`, { cause });
  }
}

/** A stored row or file that cannot be read as an Aimline event. Names where. */
export class CorruptStoreError extends storeErrorOf('CorruptStore', false) {
  constructor(
    readonly location: string,
    readonly detail: string,
    cause?: unknown,
  ) {
    super(`Corrupt event store at ${location}: ${detail}`, { cause });
  }
}

/** A file that is not an Aimline store, or one written by a newer schema. */
export class IncompatibleStoreError extends storeErrorOf('IncompatibleStore', false) {
  constructor(
    readonly location: string,
    readonly detail: string,
  ) {
    super(`Incompatible event store ${location}: ${detail}`);
  }
}

/** No store where one was to be opened (read commands never create one). Names the place. */
export class MissingStoreError extends storeErrorOf('MissingStore', false) {
  constructor(
    readonly location: string,
    readonly detail = 'no event store there; create one with `aimline init` (or demo, exec)',
  ) {
    super(`No event store at ${location}: ${detail}`);
  }
}

/** An append the port refuses before touching storage (empty stream name, bad event). */
export class InvalidAppendError extends storeErrorOf('InvalidAppend', false) {
  constructor(
    readonly stream: string,
    readonly detail: string,
  ) {
    super(`Invalid append to "${stream}": ${detail}`);
  }
}

export class StoreDisposedError extends storeErrorOf('Disposed', false) {
  constructor() {
    super('The event store has been disposed');
  }
}

export const isStoreError = (e: unknown): e is StoreError => e instanceof StoreError;
