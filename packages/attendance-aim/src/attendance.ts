/**
 * NAT-4, NAT-5: attendance and absence rates over a period. Possible sessions are the
 * denominator; codes that are not possible sessions (`D Q X Y1-Y7 Z #`) are left out.
 */
import { codeCategory, isPossibleSession, type AttendanceCode } from './codes.js';
import { isDateWithin } from '@aimline/calendar';

export type SessionOfDayValue = 'AM' | 'PM';

/** One register mark: a date, morning or afternoon, and its national code. */
export interface SessionMark {
  readonly date: string;
  readonly session: SessionOfDayValue;
  readonly code: AttendanceCode;
}

export const sessionKey = (mark: {
  readonly date: string;
  readonly session: SessionOfDayValue;
}): string => `${mark.date}|${mark.session}`;

export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface AttendanceSummary {
  readonly period: Period | undefined;
  readonly possibleSessions: number;
  readonly present: number;
  readonly approvedEducationalActivity: number;
  readonly authorisedAbsence: number;
  readonly unauthorisedAbsence: number;
  /** Marks that are not possible sessions (not in the denominator). */
  readonly notPossible: number;
  /** (present + approved educational activity) / possible sessions; undefined with no possible session. */
  readonly attendanceRate: number | undefined;
  /** (authorised + unauthorised absence) / possible sessions; undefined with no possible session. */
  readonly absenceRate: number | undefined;
  /** NAT-5: absence rate at or above the persistent-absence threshold (10%). */
  readonly persistentAbsence: boolean;
  /** NAT-5: absence rate at or above the severe-absence threshold (50%). */
  readonly severeAbsence: boolean;
}

export interface AbsenceThresholds {
  readonly persistentAbsenceRate: number;
  readonly severeAbsenceRate: number;
}

export const nationalAbsenceThresholds: AbsenceThresholds = {
  persistentAbsenceRate: 0.1,
  severeAbsenceRate: 0.5,
};

/** Summarises the marks (within `period`, inclusive, when given). */
export const summariseAttendance = (
  marks: Iterable<SessionMark>,
  period?: Period,
  thresholds: AbsenceThresholds = nationalAbsenceThresholds,
): AttendanceSummary => {
  let present = 0;
  let aea = 0;
  let authorised = 0;
  let unauthorised = 0;
  let notPossible = 0;
  for (const mark of marks) {
    if (period !== undefined && !isDateWithin(mark.date, period.from, period.to)) continue;
    switch (codeCategory(mark.code)) {
      case 'present':
        present++;
        break;
      case 'approvedEducationalActivity':
        aea++;
        break;
      case 'authorisedAbsence':
        authorised++;
        break;
      case 'unauthorisedAbsence':
        unauthorised++;
        break;
      default:
        notPossible++;
    }
  }
  const possible = present + aea + authorised + unauthorised;
  const attendanceRate = possible === 0 ? undefined : (present + aea) / possible;
  const absenceRate = possible === 0 ? undefined : (authorised + unauthorised) / possible;
  return {
    period,
    possibleSessions: possible,
    present,
    approvedEducationalActivity: aea,
    authorisedAbsence: authorised,
    unauthorisedAbsence: unauthorised,
    notPossible,
    attendanceRate,
    absenceRate,
    persistentAbsence: absenceRate !== undefined && absenceRate >= thresholds.persistentAbsenceRate,
    severeAbsence: absenceRate !== undefined && absenceRate >= thresholds.severeAbsenceRate,
  };
};

/** The possible sessions among the marks (NAT-4). */
export const possibleSessions = (marks: Iterable<SessionMark>): SessionMark[] =>
  [...marks].filter((m) => isPossibleSession(m.code));
