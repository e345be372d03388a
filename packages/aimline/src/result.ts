import {
  describeCommandFailure,
  errorWithCauses,
  type CommandFailure,
  type DomainEvent,
  type FieldProblem,
} from '@aimline/kernel';
import type { TypedEvent } from './typed-event.js';

/** The command was recorded (or had been: `alreadyHandled`), with the events it recorded. */
export interface Accepted<Ev extends DomainEvent = DomainEvent> {
  readonly kind: 'Accepted';
  readonly stream: string;
  /** The stream's last revision after the command (undefined if it recorded nothing on a new stream). */
  readonly revision: number | undefined;
  readonly alreadyHandled: boolean;
  readonly events: ReadonlyArray<TypedEvent<Ev>>;
}

/** A rule refused the command: nothing was appended. */
export interface Rejected {
  readonly kind: 'Rejected';
  /** e.g. `HSB-6`, `PNL-4`; `INPUT` for a plausibility rule. */
  readonly ruleId: string;
  readonly reason: string;
  /** The path of the field at fault, e.g. `data.booking`. */
  readonly field?: string;
}

/** The command could not be read: each problem names its field path. Nothing was appended. */
export interface Invalid {
  readonly kind: 'Invalid';
  readonly problems: ReadonlyArray<FieldProblem>;
  readonly message: string;
}

/** The principal may not issue this command. Nothing was appended. */
export interface Forbidden {
  readonly kind: 'Forbidden';
  readonly principal: string;
  readonly command: string;
  readonly reason: string;
}

/**
 * Another writer kept getting there first (`revision`), or the command id was already used for
 * another command (`idempotency`). Nothing was appended; a revision conflict may be retried.
 */
export interface Conflict {
  readonly kind: 'Conflict';
  readonly cause: 'revision' | 'idempotency';
  readonly stream: string;
  readonly reason: string;
}

/**
 * The store could not be used (down, no leader, disposed), or the stream's history could not be
 * read (`corrupt-history`). Nothing was appended.
 */
export interface Unavailable {
  readonly kind: 'Unavailable';
  readonly cause: 'store' | 'corrupt-history';
  readonly reason: string;
}

/** What `execute` answers: one flat union, never thrown, never nested. */
export type ExecuteResult<Ev extends DomainEvent = DomainEvent> =
  Accepted<Ev> | Rejected | Invalid | Forbidden | Conflict | Unavailable;

/** Every answer of `execute` but `Accepted`. */
export type Refusal = Exclude<ExecuteResult, Accepted>;

/** A rejection as a flat `Rejected` value (without `field` when there is none). */
export const rejected = (ruleId: string, reason: string, field?: string): Rejected =>
  field === undefined
    ? { kind: 'Rejected', ruleId, reason }
    : { kind: 'Rejected', ruleId, reason, field };

export const invalid = (problems: ReadonlyArray<FieldProblem>): Invalid => ({
  kind: 'Invalid',
  problems,
  message: `Invalid command: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
});

/** The kernel's command failure as one flat refusal. */
export const refusalOf = (failure: CommandFailure, stream: string): Refusal => {
  switch (failure.kind) {
    case 'Rejected':
      return rejected(failure.rejection.ruleId, failure.rejection.reason, failure.rejection.field);
    case 'InvalidCommand':
      return { kind: 'Invalid', problems: failure.problems, message: failure.message };
    case 'IdempotencyConflict':
      return { kind: 'Conflict', cause: 'idempotency', stream, reason: failure.error.message };
    case 'Conflict':
      return {
        kind: 'Conflict',
        cause: 'revision',
        stream,
        reason: describeCommandFailure(failure),
      };
    case 'CorruptHistory':
      return { kind: 'Unavailable', cause: 'corrupt-history', reason: failure.error.message };
    case 'StoreFailure':
      return { kind: 'Unavailable', cause: 'store', reason: errorWithCauses(failure.error) };
  }
};

/** A one-line description of any refusal, for logs and command lines (never personal data). */
export const describeRefusal = (r: Refusal): string => {
  switch (r.kind) {
    case 'Rejected':
      return `${r.ruleId}: ${r.reason}${r.field === undefined ? '' : ` [${r.field}]`}`;
    case 'Invalid':
      return r.message;
    case 'Forbidden':
      return `forbidden: ${r.principal} may not ${r.command}: ${r.reason}`;
    case 'Conflict':
      return `conflict on ${r.stream}: ${r.reason}`;
    case 'Unavailable':
      return `unavailable (${r.cause}): ${r.reason}`;
  }
};
