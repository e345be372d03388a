/**
 * MTG-1 (arranging, rescheduling, cancelling) and MTG-2 (invite list, minute taker).
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { reject, toEpochMillis } from '@aimline/kernel';
import type { MeetingCommandOf } from '../commands.js';
import type { MeetingState } from '../state.js';
import { accept, atOf, beforeMeeting, firstDuplicate, nothing, type Decision } from './guards.js';

const endsAfterStart = (start: string, end: string): boolean =>
  toEpochMillis(end) > toEpochMillis(start);

/** MTG-1: the lead professional arranges the date with the chair and books a room. */
export const scheduleMeeting = (
  command: MeetingCommandOf<'ScheduleMeeting'>,
  state: MeetingState,
): Decision => {
  const d = command.data;
  if (state.phase !== 'unscheduled')
    return E.left(reject('STATE', `meeting ${d.meetingId} is already scheduled`));
  if (d.subjects.length === 0)
    return E.left(
      reject('INPUT', 'a meeting belongs to at least one case or subject', 'data.subjects'),
    );
  if (!endsAfterStart(d.start, d.end))
    return E.left(reject('INPUT', 'the meeting must end after it starts', 'data.end'));
  return accept({
    type: 'MeetingScheduled',
    data: {
      meetingId: d.meetingId,
      at: atOf(command),
      kind: d.kind,
      subjects: d.subjects,
      chair: d.chair,
      leadProfessional: d.leadProfessional,
      start: d.start,
      end: d.end,
      location: d.location,
      ...(d.purpose === undefined ? {} : { purpose: d.purpose }),
    },
  });
};

/** MTG-1: a new date or place, with the reason; only before the meeting is held. */
export const rescheduleMeeting = (
  command: MeetingCommandOf<'RescheduleMeeting'>,
  state: MeetingState,
): Decision =>
  pipe(
    beforeMeeting(state, command),
    E.chain((schedule) => {
      const d = command.data;
      if (!endsAfterStart(d.start, d.end))
        return E.left(reject('INPUT', 'the meeting must end after it starts', 'data.end'));
      const location = d.location ?? schedule.location;
      const unchanged =
        toEpochMillis(d.start) === toEpochMillis(schedule.start) &&
        toEpochMillis(d.end) === toEpochMillis(schedule.end) &&
        JSON.stringify(location) === JSON.stringify(schedule.location);
      if (unchanged) return nothing;
      return accept({
        type: 'MeetingRescheduled',
        data: {
          meetingId: d.meetingId,
          at: atOf(command),
          start: d.start,
          end: d.end,
          location,
          previousStart: schedule.start,
          reason: d.reason,
        },
      });
    }),
  );

/** MTG-1: cancelled with a reason; a held meeting cannot be cancelled. */
export const cancelMeeting = (
  command: MeetingCommandOf<'CancelMeeting'>,
  state: MeetingState,
): Decision =>
  pipe(
    beforeMeeting(state, command),
    E.chain(() =>
      accept({
        type: 'MeetingCancelled',
        data: { meetingId: command.data.meetingId, at: atOf(command), reason: command.data.reason },
      }),
    ),
  );

/**
 * MTG-2: the lead professional sends the invite list to business support. A later submission
 * adds invitees; an invitee already on the list is an input error (amend contact details instead).
 */
export const submitInviteList = (
  command: MeetingCommandOf<'SubmitInviteList'>,
  state: MeetingState,
): Decision =>
  pipe(
    beforeMeeting(state, command),
    E.chain(() => {
      const d = command.data;
      if (d.invitees.length === 0)
        return E.left(reject('INPUT', 'the invite list is empty', 'data.invitees'));
      const dup = firstDuplicate(
        d.invitees.map((i) => i.id),
        state.invitees.map((i) => i.invitee.id),
      );
      if (dup !== undefined)
        return E.left(
          reject(
            'INPUT',
            `invitee ${d.invitees[dup]?.id ?? ''} is already on the invite list`,
            `data.invitees.${dup}.id`,
          ),
        );
      const noContact = d.invitees.findIndex(
        (i) => i.contact.email === undefined && i.contact.post === undefined,
      );
      if (noContact >= 0)
        return E.left(
          reject(
            'INPUT',
            `invitee ${d.invitees[noContact]?.id ?? ''} has neither an email nor a postal address`,
            `data.invitees.${noContact}.contact`,
          ),
        );
      return accept({
        type: 'InviteListSubmitted',
        data: { meetingId: d.meetingId, at: atOf(command), invitees: d.invitees },
      });
    }),
  );

/** MTG-2: business support allocate a minute taker (a later allocation replaces the first). */
export const allocateMinuteTaker = (
  command: MeetingCommandOf<'AllocateMinuteTaker'>,
  state: MeetingState,
): Decision =>
  pipe(
    beforeMeeting(state, command),
    E.chain(() =>
      state.minuteTaker?.id === command.data.minuteTaker.id
        ? nothing
        : accept({
            type: 'MinuteTakerAllocated',
            data: {
              meetingId: command.data.meetingId,
              at: atOf(command),
              minuteTaker: command.data.minuteTaker,
            },
          }),
    ),
  );
