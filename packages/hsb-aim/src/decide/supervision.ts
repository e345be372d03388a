/** Supervisions (HSB-14, HSB-16, HSB-17) and booking the initial AIM meeting (HSB-15). */
import { instantMs } from '@aimline/calendar';
import { decideWhen, accept, guard, noneTwice } from '@aimline/kernel';
import { goesWith, needsAllocation, outcomeFitsModel } from './guards.js';
import type { Handler } from './handler.js';
import type { OpenCase } from '../state.js';

/** HSB-14: the CSC manager oversees a welfare AIM, the YJS manager a criminal AIM; joint: either. */
const oversightAgency = (s: OpenCase): ReadonlyArray<string> => {
  switch (s.assessment.leadAgency) {
    case 'youth-offending-service':
      return ['youth-offending-service'];
    case 'childrens-social-care':
      return ['childrens-social-care'];
    default:
      return ['youth-offending-service', 'childrens-social-care'];
  }
};

export const holdSupervision: Handler<'HoldSupervision'> = ({ data: d, at }, s) => {
  const sup = s.assessment.supervisions;
  const missing = s.assessment.assessors.findIndex((a) => !d.attendees.includes(a.id));
  return decideWhen(
    [
      needsAllocation(s),
      guard(
        'STATE',
        `the ${d.kind} supervision is already recorded`,
        'data.kind',
        () => sup[d.kind] !== undefined,
      ),
      guard(
        'STATE',
        'the initial joint supervision comes first',
        'data.kind',
        () => d.kind !== 'initial' && sup.initial === undefined,
      ),
      guard(
        'STATE',
        'the second supervision comes before the final one',
        'data.kind',
        () => d.kind === 'final' && sup.second === undefined,
      ),
      noneTwice(
        d.attendees,
        (x) => x,
        (_, i, twice) => [
          guard('INPUT', 'an attendee is listed twice', `data.attendees.${i}`, () => twice),
        ],
      ),
      guard(
        'HSB-14',
        'the initial joint supervision includes both assessors',
        'data.attendees',
        () => d.kind === 'initial' && missing >= 0,
      ),
      guard(
        'HSB-14',
        'the initial joint supervision agrees roles and responsibilities',
        'data.rolesAgreed',
        () => d.kind === 'initial' && d.rolesAgreed === undefined,
      ),
      guard(
        'HSB-14',
        `the ${s.assessment.leadAgency ?? ''} lead means oversight by a ${oversightAgency(s).join(' or ')} manager`,
        'data.overseeingManager.agency',
        () => !oversightAgency(s).includes(d.overseeingManager.agency),
      ),
      ...goesWith('scores', d.kind === 'final', d.scores !== undefined),
      () => (d.scores === undefined ? undefined : outcomeFitsModel(d.scores, s, 'data.scores')()),
    ],
    () => accept({ type: 'SupervisionHeld', data: { ...d, at } }),
  );
};

/** HSB-15: the initial AIM meeting is booked at the initial supervision, for 6 weeks later. */
export const bookInitialAimMeeting: Handler<'BookInitialAimMeeting'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      guard(
        'HSB-15',
        'the initial AIM meeting is booked at the initial joint supervision',
        'data.caseId',
        () => s.assessment.supervisions.initial === undefined,
      ),
      guard(
        'STATE',
        'the initial AIM meeting has been held',
        'data.caseId',
        () => s.initialMeetingAt !== undefined,
      ),
      guard(
        'INPUT',
        'the meeting must start after it is booked',
        'data.start',
        () => instantMs(d.start) <= instantMs(at),
      ),
      guard(
        'INPUT',
        'the meeting must end after it starts',
        'data.arrangements.end',
        () => instantMs(d.arrangements.end) <= instantMs(d.start),
      ),
    ],
    () => accept({ type: 'InitialAimMeetingBooked', data: { ...d, at } }),
  );
