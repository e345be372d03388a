/**
 * MTG-6: the minute taker completes the attendance sheet at the meeting, with every attendee's
 * details re-confirmed. Recording it makes the meeting held.
 */
import { instantMs } from '@aimline/calendar';
import { decideWhen, accept, check, firstDuplicate, firstFailure } from '@aimline/kernel';
import type { MeetingCommandOf } from '../commands.js';
import { beforeMeeting, type Handler } from './handler.js';

type Attendee = MeetingCommandOf<'RecordAttendance'>['data']['attendees'][number];

/** A deputy names whom they deputise for; only a deputy does; MTG-6: details re-confirmed. */
const attendeeFailure = (a: Attendee, i: number) =>
  firstFailure(
    () =>
      check(
        a.status === 'deputy' && a.deputyFor === undefined,
        'INPUT',
        `deputy ${a.personId} must name whom they deputise for`,
        `data.attendees.${i}.deputyFor`,
      ),
    () =>
      check(
        a.status !== 'deputy' && a.deputyFor !== undefined,
        'INPUT',
        `${a.personId} is not a deputy`,
        `data.attendees.${i}.deputyFor`,
      ),
    () =>
      check(
        a.status !== 'apologies' && !a.detailsReconfirmed,
        'MTG-6',
        `${a.personId}'s details were not re-confirmed at the meeting`,
        `data.attendees.${i}.detailsReconfirmed`,
      ),
  );

export const recordAttendance: Handler<'RecordAttendance'> = (command, m) => {
  const d = command.data;
  const dup = firstDuplicate(d.attendees, (a) => a.personId);
  return decideWhen(
    [
      () => beforeMeeting(m),
      () =>
        check(
          instantMs(command.at) < instantMs(m.schedule.start),
          'STATE',
          `meeting ${d.meetingId} has not started: attendance is taken at the meeting`,
        ),
      () =>
        check(d.attendees.length === 0, 'INPUT', 'the attendance sheet is empty', 'data.attendees'),
      () =>
        check(
          dup !== undefined,
          'INPUT',
          `${d.attendees[dup ?? 0]?.personId ?? ''} is on the sheet twice`,
          `data.attendees.${dup ?? ''}.personId`,
        ),
      ...d.attendees.map((a, i) => () => attendeeFailure(a, i)),
      () =>
        check(
          !d.attendees.some((a) => a.status !== 'apologies'),
          'INPUT',
          'nobody was present: the meeting was not held',
          'data.attendees',
        ),
    ],
    () => {
      return accept({
        type: 'AttendanceRecorded',
        data: {
          meetingId: d.meetingId,
          at: command.at,
          attendees: d.attendees,
          recordedBy: command.actor.id,
        },
      });
    },
  );
};
