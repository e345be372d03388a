/** PNL-1: scheduling, moving, re-venuing and cancelling a sitting; notifying members. */
import { instantMs, isWorkingDay } from '@aimline/calendar';
import { accept, refuse, reject, type Rejection } from '@aimline/kernel';
import type { SittingHandler } from './handler.js';
import { sittingForMonth } from '../schedule/pattern.js';
import { londonInstant } from '../schedule/local-time.js';
import type { SittingState } from '../sitting/state.js';

/** STATE: the sitting must be scheduled, not cancelled and not yet held. */
export const openForChange = (state: SittingState): Rejection | undefined => {
  if (state.slot === null) return reject('STATE', 'the sitting is not scheduled');
  if (state.cancelled !== null) return reject('STATE', 'the sitting is cancelled');
  if (state.held !== null) return reject('STATE', 'the sitting has been held');
  return undefined;
};

export const scheduleSitting: SittingHandler<'ScheduleSitting'> = (c, s, { policy, calendar }) => {
  if (s.sittingId !== null) return refuse('STATE', `sitting ${s.sittingId} is already scheduled`);
  const planned = sittingForMonth(policy, calendar, c.data.sittingId);
  return accept({
    type: 'SittingScheduled',
    data: {
      sittingId: c.data.sittingId,
      at: c.at,
      meetingId: c.data.meetingId,
      slot: { date: planned.date, start: planned.start, end: planned.end, venue: planned.venue },
      patternDate: planned.patternDate,
      movedFrom: planned.movedFrom,
    },
  });
};

export const changeSittingVenue: SittingHandler<'ChangeSittingVenue'> = (c, s) => {
  const closed = openForChange(s);
  if (closed !== undefined) return refuse(closed);
  if (s.slot!.venue === c.data.venue) return accept();
  return accept({
    type: 'SittingVenueChanged',
    data: {
      sittingId: c.data.sittingId,
      at: c.at,
      from: s.slot!.venue,
      venue: c.data.venue,
      reason: c.data.reason,
    },
  });
};

export const moveSitting: SittingHandler<'MoveSitting'> = (c, s, { policy, calendar }) => {
  const closed = openForChange(s);
  if (closed !== undefined) return refuse(closed);
  if (!isWorkingDay(calendar, c.data.date))
    return refuse(
      'PNL-1',
      `the panel sits on working days; ${c.data.date} is not one`,
      'data.date',
    );
  const start = londonInstant(c.data.date, c.data.start ?? policy.sittingStart);
  const end = londonInstant(c.data.date, c.data.end ?? policy.sittingEnd);
  if (instantMs(end) <= instantMs(start))
    return refuse('INPUT', 'the sitting must end after it starts', 'data.end');
  if (instantMs(start) <= instantMs(c.at))
    return refuse('INPUT', 'a sitting cannot be moved into the past', 'data.date');
  const from = s.slot!;
  if (from.start === start && from.end === end) return accept();
  return accept({
    type: 'SittingMoved',
    data: {
      sittingId: c.data.sittingId,
      at: c.at,
      from,
      to: { ...from, date: c.data.date, start, end },
      reason: c.data.reason,
    },
  });
};

export const cancelSitting: SittingHandler<'CancelSitting'> = (c, s) => {
  const closed = openForChange(s);
  if (closed !== undefined) return refuse(closed);
  return accept({
    type: 'SittingCancelled',
    data: { sittingId: c.data.sittingId, at: c.at, reason: c.data.reason },
  });
};

export const notifyMembers: SittingHandler<'NotifyMembers'> = (c, s, { policy }) => {
  const closed = openForChange(s);
  if (closed !== undefined) return refuse(closed);
  if (c.data.members.length === 0)
    return refuse('INPUT', 'name at least one member to notify', 'data.members');
  const unknown = c.data.members.findIndex((m) => !policy.roles.some((r) => r.id === m.role));
  if (unknown >= 0)
    return refuse('PNL-2', 'not a seat on the panel', `data.members.${unknown}.role`);
  return accept({
    type: 'MembersNotified',
    data: {
      sittingId: c.data.sittingId,
      at: c.at,
      slot: s.slot!,
      members: c.data.members,
    },
  });
};
