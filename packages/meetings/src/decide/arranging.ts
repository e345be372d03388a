/**
 * MTG-1 (arranging, rescheduling, cancelling) and MTG-2 (invite list, minute taker).
 */
import { instantMs } from '@aimline/calendar';
import { decideWhen, accept, check, firstDuplicate, refuse, type Rejection } from '@aimline/kernel';
import type { MeetingCommandOf } from '../commands.js';
import type { MeetingState } from '../state.js';
import { beforeMeeting, type Decision, type Handler } from './handler.js';

/** MTG-1: a meeting ends after it starts. */
const endsAfterStart = (d: {
  readonly start: string;
  readonly end: string;
}): Rejection | undefined =>
  check(
    instantMs(d.end) <= instantMs(d.start),
    'INPUT',
    'the meeting must end after it starts',
    'data.end',
  );

/** MTG-1: the lead professional arranges the date with the chair and books a room. */
export const scheduleMeeting = (
  command: MeetingCommandOf<'ScheduleMeeting'>,
  state: MeetingState,
): Decision => {
  const d = command.data;
  return decideWhen(
    [
      () =>
        check(
          state.phase !== 'unscheduled',
          'STATE',
          `meeting ${d.meetingId} is already scheduled`,
        ),
      () =>
        check(
          d.subjects.length === 0,
          'INPUT',
          'a meeting belongs to at least one case or subject',
          'data.subjects',
        ),
      () => endsAfterStart(d),
    ],
    () => accept({ type: 'MeetingScheduled', data: { ...d, at: command.at } }),
  );
};

/** MTG-1: a new date or place, with the reason; only before the meeting is held. */
export const rescheduleMeeting: Handler<'RescheduleMeeting'> = (command, m) => {
  const d = command.data;
  return decideWhen([() => beforeMeeting(m), () => endsAfterStart(d)], () => {
    const location = d.location ?? m.schedule.location;
    const unchanged =
      instantMs(d.start) === instantMs(m.schedule.start) &&
      instantMs(d.end) === instantMs(m.schedule.end) &&
      JSON.stringify(location) === JSON.stringify(m.schedule.location);
    if (unchanged) return accept();
    return accept({
      type: 'MeetingRescheduled',
      data: {
        meetingId: d.meetingId,
        at: command.at,
        start: d.start,
        end: d.end,
        location,
        previousStart: m.schedule.start,
        reason: d.reason,
      },
    });
  });
};

/** MTG-1: cancelled with a reason; a held meeting cannot be cancelled. */
export const cancelMeeting: Handler<'CancelMeeting'> = (command, m) => {
  const held = beforeMeeting(m);
  if (held) return refuse(held);
  return accept({
    type: 'MeetingCancelled',
    data: { meetingId: command.data.meetingId, at: command.at, reason: command.data.reason },
  });
};

/**
 * MTG-2: the lead professional sends the invite list to business support. A later submission
 * adds invitees; an invitee already on the list is an input error (amend contact details instead).
 */
export const submitInviteList: Handler<'SubmitInviteList'> = (command, m) => {
  const d = command.data;
  const dup = firstDuplicate(
    d.invitees,
    (i) => i.id,
    m.invitees.map((i) => i.invitee.id),
  );
  const noContact = d.invitees.findIndex(
    (i) => i.contact.email === undefined && i.contact.post === undefined,
  );
  return decideWhen(
    [
      () => beforeMeeting(m),
      () => check(d.invitees.length === 0, 'INPUT', 'the invite list is empty', 'data.invitees'),
      () =>
        check(
          dup !== undefined,
          'INPUT',
          `invitee ${d.invitees[dup ?? 0]?.id ?? ''} is already on the invite list`,
          `data.invitees.${dup ?? ''}.id`,
        ),
      () =>
        check(
          noContact >= 0,
          'INPUT',
          `invitee ${d.invitees[noContact]?.id ?? ''} has neither an email nor a postal address`,
          `data.invitees.${noContact}.contact`,
        ),
    ],
    () => {
      return accept({
        type: 'InviteListSubmitted',
        data: { meetingId: d.meetingId, at: command.at, invitees: d.invitees },
      });
    },
  );
};

/** MTG-2: business support allocate a minute taker (a later allocation replaces the first). */
export const allocateMinuteTaker: Handler<'AllocateMinuteTaker'> = (command, m) => {
  const held = beforeMeeting(m);
  if (held) return refuse(held);
  if (m.minuteTaker?.id === command.data.minuteTaker.id) return accept();
  return accept({
    type: 'MinuteTakerAllocated',
    data: {
      meetingId: command.data.meetingId,
      at: command.at,
      minuteTaker: command.data.minuteTaker,
    },
  });
};
