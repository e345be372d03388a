/**
 * NAT-8: legal attendance steps apply only while the pupil is of compulsory school age, which
 * ends on the last Friday in June of Year 11.
 */
import { check, type Rejection } from '@aimline/kernel';
import type { AttendancePolicy } from '../policy.js';
import { endOfCompulsorySchoolAge } from '../school-year.js';
import type { OpenCase } from '../state.js';

export const compulsorySchoolAgeGuard = (
  s: OpenCase,
  onDate: string,
  policy: AttendancePolicy,
  field?: string,
): Rejection | undefined => {
  const ends = endOfCompulsorySchoolAge(s.pupil.dateOfBirth, policy.finalCompulsoryYearGroup);
  return check(
    onDate > ends,
    'NAT-8',
    `the pupil left compulsory school age on ${ends}; legal attendance steps no longer apply`,
    field,
  );
};
