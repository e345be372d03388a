/**
 * The initial AIM meeting: the assessment shared with the family first (HSB-20, 001: "The
 * assessment should be shared with the young person and their parents by the assessors before
 * the strategy meeting takes place"), family and IRO (HSB-21), scores and the plan (HSB-22).
 */
import { decideWhen, accept, check, reject, type Rejection } from '@aimline/kernel';
import type { CommandOfType, Handler } from './handler.js';
import type { OpenCase } from '../state.js';
import { planHeadings } from '../values.js';
import { needsAllocation } from './assessment.js';
import { outcomeFitsModel } from './supervision.js';

/** The booked initial AIM meeting, tracked in its own stream, is `meetingId`. */
export const trackedMeeting = (s: OpenCase, meetingId: string): Rejection | undefined =>
  s.assessment.meeting === undefined
    ? reject('STATE', 'the initial AIM meeting was not booked', 'data.meetingId')
    : s.assessment.meeting.meetingId !== meetingId
      ? reject('INPUT', 'not the booked meeting', 'data.meetingId')
      : s.assessment.meeting.tracked
        ? undefined
        : reject(
            'STATE',
            'the meeting was booked without its arrangements: it has no meeting stream',
            'data.meetingId',
          );

/** MTG-6 from the meeting stream (sent by a process manager): the latest sheet counts. */
export const noteInitialAimMeetingAttendance: Handler<'NoteInitialAimMeetingAttendance'> = (
  command,
  s,
) => {
  return decideWhen(
    [
      () => trackedMeeting(s, command.data.meetingId),
      () =>
        check(s.initialMeetingAt !== undefined, 'STATE', 'the initial AIM meeting has been held'),
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
    () =>
      check(
        seen === undefined,
        'MTG-6',
        `the attendance of ${where} is not recorded yet`,
        'data.meetingId',
      ),
    () =>
      check(
        d.parentsCarers.invited && seen?.parentsCarersInvited === false,
        'HSB-21',
        `${where} sent no invitation to a parent or carer`,
        'data.parentsCarers.invited',
      ),
    () =>
      check(
        d.youngPerson.invited && seen?.youngPersonInvited === false,
        'HSB-21',
        `${where} sent no invitation to the young person`,
        'data.youngPerson.invited',
      ),
    () =>
      check(
        seen !== undefined && d.iroPresent !== seen.iroPresent,
        'HSB-21',
        `the attendance of ${where} records the IRO ${seen?.iroPresent === true ? 'present' : 'not present'}`,
        'data.iroPresent',
      ),
  ];
};

export const holdInitialAimMeeting: Handler<'HoldInitialAimMeeting'> = (command, s) => {
  const d = command.data;
  const missing = planHeadings.find((h) => d.plan[h] === undefined);
  return decideWhen(
    [
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
      ...attendanceChecks(s, d),
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
    ],
    () => accept({ type: 'InitialAimMeetingHeld', data: { ...d, at: command.at } }),
  );
};
