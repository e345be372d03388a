/** Derived views of a case: attendance, the rolling window, warnings (NAT-5, NAT-6, NAT-8, ATT-4, ATT-10). */
import { summariseAttendance, type AttendanceSummary, type Period } from './attendance.js';
import { addDays } from '@aimline/calendar';
import { isUnavailablePersonalData } from '@aimline/kernel';
import type { AttendancePolicy } from './policy.js';
import { unauthorisedInRollingWindow, type RollingWindowCount } from './rolling-window.js';
import {
  endOfCompulsorySchoolAge,
  schoolPhase,
  yearGroupOn,
  type SchoolPhase,
} from './school-year.js';
import { marksOf, meetingsOf, type OpenCase } from './state.js';

/** NAT-4, NAT-5: the case's attendance over a period (all recorded marks when none is given). */
export const caseAttendance = (
  s: OpenCase,
  policy: AttendancePolicy,
  period?: Period,
): AttendanceSummary => summariseAttendance(marksOf(s), period, policy);

/** NAT-6: unauthorised sessions in the rolling window up to `asOf`. */
export const caseRollingWindow = (
  s: OpenCase,
  policy: AttendancePolicy,
  asOf: string,
): RollingWindowCount =>
  unauthorisedInRollingWindow(marksOf(s), asOf, policy.penaltyNoticeThreshold);

export interface PupilStage {
  readonly yearGroup: number;
  readonly phase: SchoolPhase;
  readonly compulsorySchoolAgeEnds: string;
}

/** The pupil's stage on a date; undefined once their date of birth has been erased (issue 13). */
export const pupilStage = (
  s: OpenCase,
  policy: AttendancePolicy,
  onDate: string,
): PupilStage | undefined =>
  isUnavailablePersonalData(s.pupil.dateOfBirth)
    ? undefined
    : {
        yearGroup: yearGroupOn(s.pupil.dateOfBirth, onDate),
        phase: schoolPhase(yearGroupOn(s.pupil.dateOfBirth, onDate), policy.secondaryFromYearGroup),
        compulsorySchoolAgeEnds: endOfCompulsorySchoolAge(
          s.pupil.dateOfBirth,
          policy.finalCompulsoryYearGroup,
        ),
      };

export interface CaseWarning {
  readonly ruleId: string;
  readonly message: string;
}

/** What a case says about itself on `asOf` (a date): derived, never stored. */
export const caseWarnings = (
  s: OpenCase,
  policy: AttendancePolicy,
  asOf: string,
): CaseWarning[] => {
  const out: CaseWarning[] = [];
  const stage = pupilStage(s, policy, asOf);
  if (stage === undefined) return out;
  const ends = stage.compulsorySchoolAgeEnds;
  if (asOf > ends)
    out.push({
      ruleId: 'NAT-8',
      message: `compulsory school age ended on ${ends}: legal steps no longer apply`,
    });
  else if (
    addDays(asOf, 7 * policy.compulsorySchoolAgeWarningWeeks) >= ends ||
    stage.yearGroup >= policy.finalCompulsoryYearGroup
  )
    out.push({
      ruleId: 'NAT-8',
      message: `compulsory school age ends on ${ends}; legal steps after it are rejected`,
    });
  if (stage.yearGroup >= policy.finalCompulsoryYearGroup && asOf <= ends)
    out.push({
      ruleId: 'ATT-10',
      message: 'the pupil is in the final academic year: a court case is unlikely',
    });
  const summary = caseAttendance(s, policy);
  if (summary.severeAbsence)
    out.push({
      ruleId: 'NAT-5',
      message: 'severe absence: 50% or more of possible sessions missed',
    });
  else if (summary.persistentAbsence)
    out.push({
      ruleId: 'NAT-5',
      message: 'persistent absence: 10% or more of possible sessions missed',
    });
  const window = caseRollingWindow(s, policy, asOf);
  if (window.thresholdMet)
    out.push({
      ruleId: 'NAT-6',
      message: `${window.unauthorisedSessions} unauthorised sessions in ${window.weeks.length} school weeks: the penalty-notice threshold is met`,
    });
  const last = meetingsOf(s)
    .filter((m) => m.status === 'held')
    .pop();
  if (last !== undefined && !Object.values(s.parents).some((p) => p.dayToDayResponsibility))
    out.push({
      ruleId: 'ATT-4',
      message: 'no parent or carer with day-to-day responsibility is recorded',
    });
  return out;
};
