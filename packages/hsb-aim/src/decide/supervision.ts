/** Supervisions (HSB-14, HSB-16, HSB-17) and booking the initial AIM meeting (HSB-15). */
import { instantMs } from '@aimline/calendar';
import { decideWhen, accept, check, firstDuplicate, type Rejection } from '@aimline/kernel';
import type { Handler } from './handler.js';
import type { OpenCase } from '../state.js';
import type { AssessmentOutcome } from '../outcomes.js';
import { needsAllocation } from './assessment.js';

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

/** Scores must be of the allocated model (HSB-8: the model that fits the child). */
export const outcomeFitsModel = (
  outcome: AssessmentOutcome,
  s: OpenCase,
  field: string,
): Rejection | undefined =>
  check(
    s.assessment.model !== undefined && outcome.model !== s.assessment.model,
    'HSB-8',
    `the assessment uses the ${s.assessment.model ?? ''} model, not ${outcome.model}`,
    `${field}.model`,
  );

export const holdSupervision: Handler<'HoldSupervision'> = (command, s) => {
  const d = command.data;
  const sup = s.assessment.supervisions;
  const missing = s.assessment.assessors.findIndex((a) => !d.attendees.includes(a.id));
  const dup = firstDuplicate(d.attendees, (x) => x);
  return decideWhen(
    [
      () => needsAllocation(s),
      () =>
        check(
          sup[d.kind] !== undefined,
          'STATE',
          `the ${d.kind} supervision is already recorded`,
          'data.kind',
        ),
      () =>
        check(
          d.kind !== 'initial' && sup.initial === undefined,
          'STATE',
          'the initial joint supervision comes first',
          'data.kind',
        ),
      () =>
        check(
          d.kind === 'final' && sup.second === undefined,
          'STATE',
          'the second supervision comes before the final one',
          'data.kind',
        ),
      () =>
        check(
          dup !== undefined,
          'INPUT',
          'an attendee is listed twice',
          `data.attendees.${dup ?? ''}`,
        ),
      () =>
        check(
          d.kind === 'initial' && missing >= 0,
          'HSB-14',
          'the initial joint supervision includes both assessors',
          'data.attendees',
        ),
      () =>
        check(
          d.kind === 'initial' && d.rolesAgreed === undefined,
          'HSB-14',
          'the initial joint supervision agrees roles and responsibilities',
          'data.rolesAgreed',
        ),
      () =>
        check(
          !oversightAgency(s).includes(d.overseeingManager.agency),
          'HSB-14',
          `the ${s.assessment.leadAgency ?? ''} lead means oversight by a ${oversightAgency(s).join(' or ')} manager`,
          'data.overseeingManager.agency',
        ),
      () =>
        check(
          d.kind === 'final' && d.scores === undefined,
          'HSB-17',
          'the final supervision agrees scores and evidence',
          'data.scores',
        ),
      () =>
        check(
          d.kind !== 'final' && d.scores !== undefined,
          'INPUT',
          'scores are agreed at the final supervision',
          'data.scores',
        ),
      () => (d.scores === undefined ? undefined : outcomeFitsModel(d.scores, s, 'data.scores')),
    ],
    () => accept({ type: 'SupervisionHeld', data: { ...d, at: command.at } }),
  );
};

/** HSB-15: the initial AIM meeting is booked at the initial supervision, for 6 weeks later. */
export const bookInitialAimMeeting: Handler<'BookInitialAimMeeting'> = (command, s) => {
  const d = command.data;
  return decideWhen(
    [
      () =>
        check(
          s.assessment.supervisions.initial === undefined,
          'HSB-15',
          'the initial AIM meeting is booked at the initial joint supervision',
        ),
      () =>
        check(s.initialMeetingAt !== undefined, 'STATE', 'the initial AIM meeting has been held'),
      () =>
        check(
          instantMs(d.start) <= instantMs(command.at),
          'INPUT',
          'the meeting must start after it is booked',
          'data.start',
        ),
      () =>
        check(
          instantMs(d.arrangements.end) <= instantMs(d.start),
          'INPUT',
          'the meeting must end after it starts',
          'data.arrangements.end',
        ),
    ],
    () => accept({ type: 'InitialAimMeetingBooked', data: { ...d, at: command.at } }),
  );
};
