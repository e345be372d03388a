/**
 * The initial AIM meeting: the assessment shared with the family first (HSB-20, 001: "The
 * assessment should be shared with the young person and their parents by the assessors before
 * the strategy meeting takes place"), family and IRO (HSB-21), scores and the plan (HSB-22).
 */
import { accept, refuse, check, firstFailure } from '@aimline/kernel';
import type { Handler } from './handler.js';
import { planHeadings } from '../values.js';
import { needsAllocation } from './assessment.js';
import { outcomeFitsModel } from './supervision.js';

export const holdInitialAimMeeting: Handler<'HoldInitialAimMeeting'> = (command, s) => {
  const d = command.data;
  const missing = planHeadings.find((h) => d.plan[h] === undefined);
  const failure = firstFailure(
    () => needsAllocation(s),
    () =>
      check(s.initialMeetingAt !== undefined, 'STATE', 'the initial AIM meeting is already held'),
    () =>
      check(
        s.assessment.meeting === undefined,
        'STATE',
        'the initial AIM meeting was not booked',
        'data.meetingId',
      ),
    () =>
      check(
        s.assessment.meeting?.meetingId !== d.meetingId,
        'INPUT',
        'not the booked meeting',
        'data.meetingId',
      ),
    () =>
      check(
        s.assessment.sharedWithFamilyAt === undefined,
        'HSB-20',
        'the assessment is shared with the young person and parents before the meeting',
      ),
    () =>
      check(
        !d.parentsCarers.invited && d.parentsCarers.exclusionReason === undefined,
        'HSB-21',
        'parents / carers are excluded only with a minuted reason',
        'data.parentsCarers.exclusionReason',
      ),
    () =>
      check(
        !d.youngPerson.invited && d.youngPerson.exclusionReason === undefined,
        'HSB-21',
        'the young person is excluded only with a minuted reason',
        'data.youngPerson.exclusionReason',
      ),
    () =>
      check(
        s.child.lookedAfter && !d.iroPresent,
        'HSB-21',
        'the IRO attends when the child is looked after',
        'data.iroPresent',
      ),
    () => outcomeFitsModel(d.scores, s, 'data.scores'),
    () =>
      check(
        missing !== undefined,
        'HSB-22',
        `the intervention plan does not address ${missing ?? ''} (or mark it not applicable with a reason)`,
        `data.plan.${missing ?? ''}`,
      ),
  );
  return failure
    ? refuse(failure)
    : accept({ type: 'InitialAimMeetingHeld', data: { ...d, at: command.at } });
};
