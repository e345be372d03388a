/**
 * MTG-6: the minute taker completes the attendance sheet at the meeting, with every attendee's
 * details re-confirmed. Recording it makes the meeting held.
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { reject, toEpochMillis } from '@aimline/kernel';
import type { MeetingCommandOf } from '../commands.js';
import type { MeetingState } from '../state.js';
import { accept, atOf, beforeMeeting, firstDuplicate, type Decision } from './guards.js';

export const recordAttendance = (
  command: MeetingCommandOf<'RecordAttendance'>,
  state: MeetingState,
): Decision =>
  pipe(
    beforeMeeting(state, command),
    E.chain((schedule) => {
      const d = command.data;
      if (toEpochMillis(command.at) < toEpochMillis(schedule.start))
        return E.left(
          reject(
            'STATE',
            `meeting ${d.meetingId} has not started: attendance is taken at the meeting`,
          ),
        );
      if (d.attendees.length === 0)
        return E.left(reject('INPUT', 'the attendance sheet is empty', 'data.attendees'));
      const dup = firstDuplicate(d.attendees.map((a) => a.personId));
      if (dup !== undefined)
        return E.left(
          reject(
            'INPUT',
            `${d.attendees[dup]?.personId ?? ''} is on the sheet twice`,
            `data.attendees.${dup}.personId`,
          ),
        );
      for (const [i, a] of d.attendees.entries()) {
        if (a.status === 'deputy' && a.deputyFor === undefined)
          return E.left(
            reject(
              'INPUT',
              `deputy ${a.personId} must name whom they deputise for`,
              `data.attendees.${i}.deputyFor`,
            ),
          );
        if (a.status !== 'deputy' && a.deputyFor !== undefined)
          return E.left(
            reject('INPUT', `${a.personId} is not a deputy`, `data.attendees.${i}.deputyFor`),
          );
        if (a.status !== 'apologies' && !a.detailsReconfirmed)
          return E.left(
            reject(
              'MTG-6',
              `${a.personId}'s details were not re-confirmed at the meeting`,
              `data.attendees.${i}.detailsReconfirmed`,
            ),
          );
      }
      if (!d.attendees.some((a) => a.status !== 'apologies'))
        return E.left(
          reject('INPUT', 'nobody was present: the meeting was not held', 'data.attendees'),
        );
      return accept({
        type: 'AttendanceRecorded',
        data: {
          meetingId: d.meetingId,
          at: atOf(command),
          attendees: d.attendees,
          recordedBy: command.actor.id,
        },
      });
    }),
  );
