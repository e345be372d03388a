/**
 * NAT-8: legal attendance steps apply only while the pupil is of compulsory school age, which
 * ends on the last Friday in June of Year 11.
 */
import {
  failureOf,
  found,
  foundWhen,
  guard,
  isUnavailablePersonalData,
  type Check,
  type Found,
} from '@aimline/kernel';
import type { AttendancePolicy } from '../policy.js';
import { endOfCompulsorySchoolAge } from '../school-year.js';
import type { OpenCase } from '../state.js';

/**
 * NAT-8 on `onDate`, refusing at `field`: the day compulsory school age ends (worked out once),
 * given to what comes after it (`decideWith`); refused when the pupil has left it, or when their
 * date of birth is erased or withheld.
 */
export const compulsorySchoolAge = (
  s: OpenCase,
  onDate: string,
  policy: AttendancePolicy,
  field: string,
): Found<string> => {
  const dateOfBirth = s.pupil.dateOfBirth;
  return foundWhen(
    found(
      isUnavailablePersonalData(dateOfBirth)
        ? undefined
        : endOfCompulsorySchoolAge(dateOfBirth, policy.finalCompulsoryYearGroup),
      'NAT-8',
      "the pupil's date of birth has been erased: whether they are of compulsory school age cannot be judged",
      field,
    ),
    (ends) => [
      guard(
        'NAT-8',
        `the pupil left compulsory school age on ${ends}; legal attendance steps no longer apply`,
        field,
        () => onDate > ends,
      ),
    ],
  );
};

/** NAT-8 as one row of a guard list, where nothing after it needs the day it ends (worked out when the row runs). */
export const compulsorySchoolAgeGuard =
  (s: OpenCase, onDate: string, policy: AttendancePolicy, field: string): Check =>
  () =>
    failureOf(compulsorySchoolAge(s, onDate, policy, field));
