/**
 * MTG-6: the minute taker completes the attendance sheet at the meeting, with every attendee's
 * details re-confirmed. Recording it makes the meeting held.
 */
import { instantMs } from '@aimline/calendar';
import { decideWhen, accept, guard, firstFailure, noneTwice } from '@aimline/kernel';
import type { MeetingCommandOf } from '../commands.js';
import { beforeMeeting, type Handler } from './handler.js';

type Attendee = MeetingCommandOf<'RecordAttendance'>['data']['attendees'][number];

/** A deputy names whom they deputise for; only a deputy does; MTG-6: details re-confirmed. */
const attendeeFailure = (a: Attendee, i: number) =>
  firstFailure(
    guard(
      'INPUT',
      `deputy ${a.personId} must name whom they deputise for`,
      `data.attendees.${i}.deputyFor`,
      () => a.status === 'deputy' && a.deputyFor === undefined,
    ),
    guard(
      'INPUT',
      `${a.personId} is not a deputy`,
      `data.attendees.${i}.deputyFor`,
      () => a.status !== 'deputy' && a.deputyFor !== undefined,
    ),
    guard(
      'MTG-6',
      `${a.personId}'s details were not re-confirmed at the meeting`,
      `data.attendees.${i}.detailsReconfirmed`,
      () => a.status !== 'apologies' && !a.detailsReconfirmed,
    ),
  );

export const recordAttendance: Handler<'RecordAttendance'> = (command, m) => {
  const d = command.data;
  return decideWhen(
    [
      beforeMeeting(m),
      guard(
        'STATE',
        `meeting ${d.meetingId} has not started: attendance is taken at the meeting`,
        'at',
        () => instantMs(command.at) < instantMs(m.schedule.start),
      ),
      guard(
        'INPUT',
        'the attendance sheet is empty',
        'data.attendees',
        () => d.attendees.length === 0,
      ),
      noneTwice(
        d.attendees,
        (a) => a.personId,
        (a, i, twice) => [
          guard(
            'INPUT',
            `${a.personId} is on the sheet twice`,
            `data.attendees.${i}.personId`,
            () => {
              return twice;
            },
          ),
        ],
      ),
      ...d.attendees.map((a, i) => () => attendeeFailure(a, i)),
      guard(
        'INPUT',
        'nobody was present: the meeting was not held',
        'data.attendees',
        () => !d.attendees.some((a) => a.status !== 'apologies'),
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
