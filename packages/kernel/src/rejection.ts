/**
 * A rejection is the typed value a decider returns when a command would break a rule.
 * It names the rule (e.g. `HSB-11`), gives a reason a person can read, and, where the
 * fault lies in one field of the command, the path of that field.
 */
export interface Rejection {
  readonly kind: 'Rejected';
  readonly ruleId: string;
  readonly reason: string;
  readonly field?: string;
}

export const reject = (ruleId: string, reason: string, field?: string): Rejection =>
  field === undefined
    ? { kind: 'Rejected', ruleId, reason }
    : { kind: 'Rejected', ruleId, reason, field };

/**
 * Thrown by an event store, or a decorator of one, that refuses an append under a rule rather
 * than for a fault: the encrypting store refuses new personal data about an erased person
 * (ERASE-1). Nothing is appended; the command handler returns it as the command's typed
 * rejection, naming the rule and the field.
 */
export class AppendRejectedError extends Error {
  constructor(readonly rejection: Rejection) {
    super(
      `${rejection.ruleId}: ${rejection.reason}${rejection.field === undefined ? '' : ` [${rejection.field}]`}`,
    );
    this.name = 'AppendRejectedError';
  }
}
