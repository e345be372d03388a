/**
 * NAT-8: legal attendance steps apply only while the pupil is of compulsory school age, which
 * ends on the last Friday in June of Year 11.
 */
import { firstFailure, guard, isUnavailablePersonalData, type Check } from '@aimline/kernel';
import type { AttendancePolicy } from '../policy.js';
import { endOfCompulsorySchoolAge } from '../school-year.js';
import type { OpenCase } from '../state.js';

/** NAT-8 on `onDate`, refusing at `field` where the caller names one. */
export const compulsorySchoolAgeGuard = (
  s: OpenCase,
  onDate: string,
  policy: AttendancePolicy,
  field?: string,
): Check => {
  const dateOfBirth = s.pupil.dateOfBirth;
  const ends = isUnavailablePersonalData(dateOfBirth)
    ? undefined
    : endOfCompulsorySchoolAge(dateOfBirth, policy.finalCompulsoryYearGroup);
  return () =>
    firstFailure(
      guard(
        'NAT-8',
        "the pupil's date of birth has been erased: whether they are of compulsory school age cannot be judged",
        field,
        () => ends === undefined,
      ),
      guard(
        'NAT-8',
        `the pupil left compulsory school age on ${ends ?? ''}; legal attendance steps no longer apply`,
        field,
        () => ends !== undefined && onDate > ends,
      ),
    );
};
