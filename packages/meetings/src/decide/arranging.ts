/**
 * MTG-1 (arranging, rescheduling, cancelling) and MTG-2 (invite list, minute taker).
 */
import { instantMs } from '@aimline/calendar';
import { decideWhen, accept, guard, noneTwice, type Check } from '@aimline/kernel';
import type { MeetingCommandOf } from '../commands.js';
import type { MeetingState } from '../state.js';
import { beforeMeeting, type Decision, type Handler } from './handler.js';

/** MTG-1: a meeting ends after it starts. */
const endsAfterStart = (d: { readonly start: string; readonly end: string }): Check =>
  guard('INPUT', 'the meeting must end after it starts', 'data.end', () => {
    return instantMs(d.end) <= instantMs(d.start);
  });

/** MTG-1: the lead professional arranges the date with the chair and books a room. */
export const scheduleMeeting = (
  command: MeetingCommandOf<'ScheduleMeeting'>,
  state: MeetingState,
): Decision => {
  const d = command.data;
  return decideWhen(
    [
      guard(
        'STATE',
        `meeting ${d.meetingId} is already scheduled`,
        'data.meetingId',
        () => state.phase !== 'unscheduled',
      ),
      guard(
        'INPUT',
        'a meeting belongs to at least one case or subject',
        'data.subjects',
        () => d.subjects.length === 0,
      ),
      endsAfterStart(d),
    ],
    () => accept({ type: 'MeetingScheduled', data: { ...d, at: command.at } }),
  );
};

/** MTG-1: a new date or place, with the reason; only before the meeting is held. */
export const rescheduleMeeting: Handler<'RescheduleMeeting'> = ({ data: d, at }, m) =>
  decideWhen([beforeMeeting(m), endsAfterStart(d)], () => {
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
        at,
        start: d.start,
        end: d.end,
        location,
        previousStart: m.schedule.start,
        reason: d.reason,
      },
    });
  });

/** MTG-1: cancelled with a reason; a held meeting cannot be cancelled. */
export const cancelMeeting: Handler<'CancelMeeting'> = ({ data: d, at }, m) =>
  decideWhen([beforeMeeting(m)], () =>
    accept({ type: 'MeetingCancelled', data: { meetingId: d.meetingId, at, reason: d.reason } }),
  );

/**
 * MTG-2: the lead professional sends the invite list to business support. A later submission
 * adds invitees; an invitee already on the list is an input error (amend contact details instead).
 */
export const submitInviteList: Handler<'SubmitInviteList'> = ({ data: d, at }, m) => {
  const listed = new Set(m.invitees.map((i) => i.invitee.id));
  const noContact = d.invitees.findIndex(
    (i) => i.contact.email === undefined && i.contact.post === undefined,
  );
  return decideWhen(
    [
      beforeMeeting(m),
      guard('INPUT', 'the invite list is empty', 'data.invitees', () => d.invitees.length === 0),
      noneTwice(
        d.invitees,
        (invitee) => invitee.id,
        (invitee, i, twice) => [
          guard(
            'INPUT',
            `invitee ${invitee.id} is already on the invite list`,
            `data.invitees.${i}.id`,
            () => twice,
          ),
        ],
        (id) => listed.has(id),
      ),
      guard(
        'INPUT',
        `invitee ${d.invitees[noContact]?.id ?? ''} has neither an email nor a postal address`,
        `data.invitees.${noContact}.contact`,
        () => noContact >= 0,
      ),
    ],
    () => {
      return accept({
        type: 'InviteListSubmitted',
        data: { meetingId: d.meetingId, at, invitees: d.invitees },
      });
    },
  );
};

/** MTG-2: business support allocate a minute taker (a later allocation replaces the first). */
export const allocateMinuteTaker: Handler<'AllocateMinuteTaker'> = ({ data: d, at }, m) =>
  decideWhen([beforeMeeting(m)], () =>
    m.minuteTaker?.id === d.minuteTaker.id
      ? accept()
      : accept({
          type: 'MinuteTakerAllocated',
          data: { meetingId: d.meetingId, at, minuteTaker: d.minuteTaker },
        }),
  );
