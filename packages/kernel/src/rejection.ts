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
