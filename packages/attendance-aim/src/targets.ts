/** ATT-7: evaluating an AIM's targets against the attendance recorded in the review period. */
import type { AttendanceSummary } from './attendance.js';
import type { Target, TargetMeasure } from './values.js';

export interface MeasuredResult {
  readonly met: boolean;
  readonly measured: number | undefined;
}

/** The value a measure reads from the period's attendance, and whether the target was met. */
export const evaluateMeasure = (
  measure: TargetMeasure,
  summary: AttendanceSummary,
): MeasuredResult => {
  switch (measure.kind) {
    case 'maxUnauthorisedSessions':
      return {
        measured: summary.unauthorisedAbsence,
        met: summary.unauthorisedAbsence <= measure.value,
      };
    case 'maxAbsenceSessions': {
      const absence = summary.authorisedAbsence + summary.unauthorisedAbsence;
      return { measured: absence, met: absence <= measure.value };
    }
    case 'minAttendanceRate':
      return {
        measured: summary.attendanceRate,
        met: summary.attendanceRate !== undefined && summary.attendanceRate >= measure.value,
      };
  }
};

/** Why a measure's value is unreasonable, or undefined. */
export const measureProblem = (measure: TargetMeasure): string | undefined => {
  if (measure.kind === 'minAttendanceRate')
    return measure.value >= 0 && measure.value <= 1
      ? undefined
      : 'an attendance rate is between 0 and 1';
  return Number.isInteger(measure.value) && measure.value >= 0
    ? undefined
    : 'a number of sessions is a whole number, 0 or more';
};

export const isMeasured = (target: Target): target is Target & { measure: TargetMeasure } =>
  target.measure !== undefined;
