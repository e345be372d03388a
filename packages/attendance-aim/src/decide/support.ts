/** Helpers shared by the decide functions: building events and rejections, common guards. */
import * as E from 'fp-ts/lib/Either.js';
import { inLondon, localDate } from '@aimline/calendar';
import { reject, type Rejection } from '@aimline/kernel';
import type { AttendanceAimEvent, EventData, EventType } from '../events.js';
import type { AttendancePolicy } from '../policy.js';
import { endOfCompulsorySchoolAge } from '../school-year.js';
import type { AttendanceAimState, OpenCase } from '../state.js';

export type Decision = E.Either<Rejection, ReadonlyArray<AttendanceAimEvent>>;

export const event = <K extends EventType>(type: K, data: EventData<K>): AttendanceAimEvent =>
  ({ type, data }) as AttendanceAimEvent;

export const accept = (...events: AttendanceAimEvent[]): Decision => E.right(events);
export const refuse = (ruleId: string, reason: string, field?: string): Decision =>
  E.left(reject(ruleId, reason, field));

/** The England local date of an instant (T-1). */
export const dayOf = (instant: string): string => localDate(instant);
/** The England local time `HH:MM` of an instant (T-1). */
export const timeOf = (instant: string): string => inLondon(instant).toFormat('HH:mm');

/** The case, when it is open; otherwise a STATE rejection. */
export const openCase = (state: AttendanceAimState): E.Either<Rejection, OpenCase> => {
  if (state.status === 'none') return E.left(reject('STATE', 'no attendance case has been opened'));
  if (state.status === 'closed') return E.left(reject('STATE', 'the attendance case is closed'));
  return E.right(state);
};

/** Runs `f` on the open case. */
export const withCase = (state: AttendanceAimState, f: (s: OpenCase) => Decision): Decision =>
  E.chain(f)(openCase(state));

/**
 * NAT-8: legal attendance steps apply only while the pupil is of compulsory school age, which
 * ends on the last Friday in June of Year 11.
 */
export const compulsorySchoolAgeGuard = (
  s: OpenCase,
  onDate: string,
  policy: AttendancePolicy,
  field?: string,
): Rejection | undefined => {
  const ends = endOfCompulsorySchoolAge(s.pupil.dateOfBirth, policy.finalCompulsoryYearGroup);
  return onDate > ends
    ? reject(
        'NAT-8',
        `the pupil left compulsory school age on ${ends}; legal attendance steps no longer apply`,
        field,
      )
    : undefined;
};

/** The first failure among the checks, in order. */
export const firstFailure = (
  ...checks: ReadonlyArray<() => Rejection | undefined>
): Rejection | undefined => {
  for (const check of checks) {
    const r = check();
    if (r !== undefined) return r;
  }
  return undefined;
};

export const fail = (ruleId: string, reason: string, field?: string): Rejection =>
  reject(ruleId, reason, field);
