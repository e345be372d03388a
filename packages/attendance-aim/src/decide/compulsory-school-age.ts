/**
 * NAT-8: legal attendance steps apply only while the pupil is of compulsory school age, which
 * ends on the last Friday in June of Year 11.
 */
import { isUnavailablePersonalData, reject, type Check } from '@aimline/kernel';
import type { AttendancePolicy } from '../policy.js';
import { endOfCompulsorySchoolAge } from '../school-year.js';
import type { OpenCase } from '../state.js';

export const compulsorySchoolAgeGuard =
  (s: OpenCase, onDate: string, policy: AttendancePolicy, field?: string): Check =>
  () => {
    if (isUnavailablePersonalData(s.pupil.dateOfBirth))
      return reject(
        'NAT-8',
        "the pupil's date of birth has been erased: whether they are of compulsory school age cannot be judged",
        field,
      );
    const ends = endOfCompulsorySchoolAge(s.pupil.dateOfBirth, policy.finalCompulsoryYearGroup);
    return onDate > ends
      ? reject(
          'NAT-8',
          `the pupil left compulsory school age on ${ends}; legal attendance steps no longer apply`,
          field,
        )
      : undefined;
  };
