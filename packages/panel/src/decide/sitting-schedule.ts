/** PNL-1: scheduling, moving, re-venuing and cancelling a sitting; notifying members. */
import { isWorkingDay, type Calendar } from '@aimline/calendar';
import type { Command } from '@aimline/kernel';
import type { PanelPolicy } from '../policy.js';
import { sittingForMonth } from '../schedule/pattern.js';
import { londonInstant } from '../schedule/local-time.js';
import type { PanelSittingCommand } from '../sitting/commands.js';
import type { PanelSittingEvent } from '../sitting/events.js';
import type { SittingState } from '../sitting/state.js';
import { eventOf, ms, no, ok, type Decision } from './common.js';

const ev = eventOf<PanelSittingEvent>();

type Cmd<T extends PanelSittingCommand['type']> = Extract<PanelSittingCommand, Command<T>>;
type D = Decision<PanelSittingEvent>;

/** STATE: the sitting must be scheduled, not cancelled and not yet held. */
export const openForChange = (state: SittingState): D | undefined => {
  if (state.slot === null) return no('STATE', 'the sitting is not scheduled');
  if (state.cancelled !== null) return no('STATE', 'the sitting is cancelled');
  if (state.held !== null) return no('STATE', 'the sitting has been held');
  return undefined;
};

export const scheduleSitting = (
  c: Cmd<'ScheduleSitting'>,
  s: SittingState,
  policy: PanelPolicy,
  calendar: Calendar,
): D => {
  if (s.sittingId !== null) return no('STATE', `sitting ${s.sittingId} is already scheduled`);
  const planned = sittingForMonth(policy, calendar, c.data.sittingId);
  return ok(
    ev('SittingScheduled', {
      sittingId: c.data.sittingId,
      at: c.at,
      meetingId: c.data.meetingId,
      slot: { date: planned.date, start: planned.start, end: planned.end, venue: planned.venue },
      patternDate: planned.patternDate,
      movedFrom: planned.movedFrom,
    }),
  );
};

export const changeVenue = (c: Cmd<'ChangeSittingVenue'>, s: SittingState): D => {
  const closed = openForChange(s);
  if (closed !== undefined) return closed;
  if (s.slot!.venue === c.data.venue) return ok();
  return ok(
    ev('SittingVenueChanged', {
      sittingId: c.data.sittingId,
      at: c.at,
      from: s.slot!.venue,
      venue: c.data.venue,
      reason: c.data.reason,
    }),
  );
};

export const moveSitting = (
  c: Cmd<'MoveSitting'>,
  s: SittingState,
  policy: PanelPolicy,
  calendar: Calendar,
): D => {
  const closed = openForChange(s);
  if (closed !== undefined) return closed;
  if (!isWorkingDay(calendar, c.data.date))
    return no('PNL-1', `the panel sits on working days; ${c.data.date} is not one`, 'data.date');
  const start = londonInstant(c.data.date, c.data.start ?? policy.sittingStart);
  const end = londonInstant(c.data.date, c.data.end ?? policy.sittingEnd);
  if (ms(end) <= ms(start)) return no('INPUT', 'the sitting must end after it starts', 'data.end');
  if (ms(start) <= ms(c.at))
    return no('INPUT', 'a sitting cannot be moved into the past', 'data.date');
  const from = s.slot!;
  if (from.start === start && from.end === end) return ok();
  return ok(
    ev('SittingMoved', {
      sittingId: c.data.sittingId,
      at: c.at,
      from,
      to: { ...from, date: c.data.date, start, end },
      reason: c.data.reason,
    }),
  );
};

export const cancelSitting = (c: Cmd<'CancelSitting'>, s: SittingState): D => {
  const closed = openForChange(s);
  if (closed !== undefined) return closed;
  return ok(
    ev('SittingCancelled', { sittingId: c.data.sittingId, at: c.at, reason: c.data.reason }),
  );
};

export const notifyMembers = (c: Cmd<'NotifyMembers'>, s: SittingState, policy: PanelPolicy): D => {
  const closed = openForChange(s);
  if (closed !== undefined) return closed;
  if (c.data.members.length === 0)
    return no('INPUT', 'name at least one member to notify', 'data.members');
  const unknown = c.data.members.findIndex((m) => !policy.roles.some((r) => r.id === m.role));
  if (unknown >= 0) return no('PNL-2', 'not a seat on the panel', `data.members.${unknown}.role`);
  return ok(
    ev('MembersNotified', {
      sittingId: c.data.sittingId,
      at: c.at,
      slot: s.slot!,
      members: c.data.members,
    }),
  );
};
