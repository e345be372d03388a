/** The initial AIM meeting: family and IRO (HSB-21), scores and the intervention plan (HSB-22). */
import * as E from 'fp-ts/lib/Either.js';
import { planHeadings } from '../commands.js';
import { firstFailure, ok, when, type Handler } from './common.js';
import { needsAllocation } from './assessment.js';
import { outcomeFitsModel } from './supervision.js';

export const holdInitialAimMeeting: Handler<'HoldInitialAimMeeting'> = (command, s) => {
  const d = command.data;
  const missing = planHeadings.find((h) => d.plan[h] === undefined);
  const failure = firstFailure(
    () => needsAllocation(s),
    () =>
      when(s.initialMeetingAt !== undefined, 'STATE', 'the initial AIM meeting is already held'),
    () =>
      when(
        s.assessment.meeting === undefined,
        'STATE',
        'the initial AIM meeting was not booked',
        'data.meetingId',
      ),
    () =>
      when(
        s.assessment.meeting?.meetingId !== d.meetingId,
        'INPUT',
        'not the booked meeting',
        'data.meetingId',
      ),
    () =>
      when(
        !d.parentsCarers.invited && d.parentsCarers.exclusionReason === undefined,
        'HSB-21',
        'parents / carers are excluded only with a minuted reason',
        'data.parentsCarers.exclusionReason',
      ),
    () =>
      when(
        !d.youngPerson.invited && d.youngPerson.exclusionReason === undefined,
        'HSB-21',
        'the young person is excluded only with a minuted reason',
        'data.youngPerson.exclusionReason',
      ),
    () =>
      when(
        s.child.lookedAfter && !d.iroPresent,
        'HSB-21',
        'the IRO attends when the child is looked after',
        'data.iroPresent',
      ),
    () => outcomeFitsModel(d.scores, s, 'data.scores'),
    () =>
      when(
        missing !== undefined,
        'HSB-22',
        `the intervention plan does not address ${missing ?? ''} (or mark it not applicable with a reason)`,
        `data.plan.${missing ?? ''}`,
      ),
  );
  return failure
    ? E.left(failure)
    : ok({ type: 'InitialAimMeetingHeld', data: { ...d, at: command.at } });
};
