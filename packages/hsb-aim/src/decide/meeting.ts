/**
 * The initial AIM meeting: the assessment shared with the family first (HSB-20, 001: "The
 * assessment should be shared with the young person and their parents by the assessors before
 * the strategy meeting takes place"), family and IRO (HSB-21), scores and the plan (HSB-22).
 */
import { decideWhen, accept, guard } from '@aimline/kernel';
import { needsAllocation, trackedMeeting, outcomeFitsModel } from './guards.js';
import type { CommandOfType, Handler } from './handler.js';
import type { OpenCase } from '../state.js';
import { planHeadings } from '../values.js';

/** MTG-6 from the meeting stream (sent by a process manager): the latest sheet counts. */
export const noteInitialAimMeetingAttendance: Handler<'NoteInitialAimMeetingAttendance'> = (
  command,
  s,
) => {
  return decideWhen(
    [
      trackedMeeting(s, command.data.meetingId),
      guard(
        'STATE',
        'the initial AIM meeting has been held',
        'data.caseId',
        () => s.initialMeetingAt !== undefined,
      ),
    ],
    () =>
      accept({
        type: 'InitialAimMeetingAttendanceNoted',
        data: { ...command.data, at: command.at },
      }),
  );
};

/**
 * HSB-21 against the tracked meeting's own record (MTG-4, MTG-6): what the caller says about
 * invitations and the IRO must be what the meeting stream recorded.
 */
const attendanceChecks = (s: OpenCase, d: CommandOfType<'HoldInitialAimMeeting'>['data']) => {
  const m = s.assessment.meeting;
  if (m === undefined || !m.tracked) return [];
  const seen = m.attendance;
  const where = `meeting ${m.meetingId}`;
  return [
    guard(
      'MTG-6',
      `the attendance of ${where} is not recorded yet`,
      'data.meetingId',
      () => seen === undefined,
    ),
    guard(
      'HSB-21',
      `${where} sent no invitation to a parent or carer`,
      'data.parentsCarers.invited',
      () => d.parentsCarers.invited && seen?.parentsCarersInvited === false,
    ),
    guard(
      'HSB-21',
      `${where} sent no invitation to the young person`,
      'data.youngPerson.invited',
      () => d.youngPerson.invited && seen?.youngPersonInvited === false,
    ),
    guard(
      'HSB-21',
      `the attendance of ${where} records the IRO ${seen?.iroPresent === true ? 'present' : 'not present'}`,
      'data.iroPresent',
      () => seen !== undefined && d.iroPresent !== seen.iroPresent,
    ),
  ];
};

export const holdInitialAimMeeting: Handler<'HoldInitialAimMeeting'> = ({ data: d, at }, s) => {
  const missing = planHeadings.find((h) => d.plan[h] === undefined);
  return decideWhen(
    [
      needsAllocation(s),
      guard(
        'STATE',
        'the initial AIM meeting is already held',
        'data.caseId',
        () => s.initialMeetingAt !== undefined,
      ),
      guard(
        'STATE',
        'the initial AIM meeting was not booked',
        'data.meetingId',
        () => s.assessment.meeting === undefined,
      ),
      guard(
        'INPUT',
        'not the booked meeting',
        'data.meetingId',
        () => s.assessment.meeting?.meetingId !== d.meetingId,
      ),
      guard(
        'HSB-20',
        'the assessment is shared with the young person and parents before the meeting',
        'data.meetingId',
        () => s.assessment.sharedWithFamilyAt === undefined,
      ),
      ...attendanceChecks(s, d),
      guard(
        'HSB-21',
        'parents / carers are excluded only with a minuted reason',
        'data.parentsCarers.exclusionReason',
        () => !d.parentsCarers.invited && d.parentsCarers.exclusionReason === undefined,
      ),
      guard(
        'HSB-21',
        'the young person is excluded only with a minuted reason',
        'data.youngPerson.exclusionReason',
        () => !d.youngPerson.invited && d.youngPerson.exclusionReason === undefined,
      ),
      guard(
        'HSB-21',
        'the IRO attends when the child is looked after',
        'data.iroPresent',
        () => s.child.lookedAfter && !d.iroPresent,
      ),
      outcomeFitsModel(d.scores, s, 'data.scores'),
      guard(
        'HSB-22',
        `the intervention plan does not address ${missing ?? ''} (or mark it not applicable with a reason)`,
        `data.plan.${missing ?? ''}`,
        () => missing !== undefined,
      ),
    ],
    () => accept({ type: 'InitialAimMeetingHeld', data: { ...d, at } }),
  );
};
