/**
 * NAT-6: unauthorised absence in a rolling period of 10 school weeks against the national
 * penalty-notice threshold (10 sessions). A school week is any week (Monday to Sunday) with at
 * least one possible session for the pupil; weeks without one (holidays, closures) are skipped,
 * so the window may cross terms and school years.
 */
import type { SessionMark } from './attendance.js';
import { isPossibleSession, isUnauthorised } from './codes.js';
import { weekStart } from '@aimline/calendar';

export interface RollingWindowRule {
  /** School weeks in the window (10). */
  readonly schoolWeeks: number;
  /** Unauthorised sessions at which the threshold is met (10). */
  readonly thresholdSessions: number;
}

export const nationalPenaltyThreshold: RollingWindowRule = {
  schoolWeeks: 10,
  thresholdSessions: 10,
};

export interface RollingWindowCount {
  /** The Mondays of the school weeks in the window, oldest first (at most `schoolWeeks`). */
  readonly weeks: ReadonlyArray<string>;
  /** First day of the window (the Monday of its oldest school week); undefined when empty. */
  readonly from: string | undefined;
  /** Last day of the window (`asOf`). */
  readonly to: string;
  readonly possibleSessions: number;
  readonly unauthorisedSessions: number;
  readonly thresholdSessions: number;
  readonly thresholdMet: boolean;
}

/** Counts unauthorised sessions in the last `schoolWeeks` school weeks up to and including `asOf`. */
export const unauthorisedInRollingWindow = (
  marks: Iterable<SessionMark>,
  asOf: string,
  rule: RollingWindowRule = nationalPenaltyThreshold,
): RollingWindowCount => {
  const upTo = [...marks].filter((m) => m.date <= asOf && isPossibleSession(m.code));
  const schoolWeeks = [...new Set(upTo.map((m) => weekStart(m.date)))].sort();
  const weeks = schoolWeeks.slice(Math.max(0, schoolWeeks.length - rule.schoolWeeks));
  const from = weeks[0];
  const inWindow = from === undefined ? [] : upTo.filter((m) => m.date >= from);
  const unauthorised = inWindow.filter((m) => isUnauthorised(m.code)).length;
  return {
    weeks,
    from,
    to: asOf,
    possibleSessions: inWindow.length,
    unauthorisedSessions: unauthorised,
    thresholdSessions: rule.thresholdSessions,
    thresholdMet: unauthorised >= rule.thresholdSessions,
  };
};
