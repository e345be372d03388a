/** PNL-2, PNL-7, PNL-8, PNL-9: attendance, holding the sitting, actions and minutes. */
import { addWorkingDays, toUtcIso, type Calendar } from '@aimline/calendar';
import type { Command } from '@aimline/kernel';
import { minutesDocumentCategory } from '../derive.js';
import type { PanelPolicy } from '../policy.js';
import { londonDateOf } from '../schedule/local-time.js';
import type { PanelSittingCommand } from '../sitting/commands.js';
import type { PanelSittingEvent } from '../sitting/events.js';
import type { SittingState } from '../sitting/state.js';
import { eventOf, ms, no, ok, type Decision } from './common.js';
import { openForChange } from './sitting-schedule.js';

type Cmd<T extends PanelSittingCommand['type']> = Extract<PanelSittingCommand, Command<T>>;
type D = Decision<PanelSittingEvent>;
const ev = eventOf<PanelSittingEvent>();

/** PNL-2: who chaired: the chair when present, else the co-chair when present, else nobody. */
export const chairOf = (state: SittingState, policy: PanelPolicy): 'chair' | 'co-chair' | null => {
  const present = (role: string): boolean =>
    state.attendees.some((a) => a.role === role && a.status === 'present');
  return present(policy.chairRole) ? 'chair' : present(policy.coChairRole) ? 'co-chair' : null;
};

export const recordAttendance = (
  c: Cmd<'RecordAttendance'>,
  s: SittingState,
  policy: PanelPolicy,
): D => {
  const closed = openForChange(s);
  if (closed !== undefined) return closed;
  for (const [i, a] of c.data.attendees.entries()) {
    if (!policy.roles.some((r) => r.id === a.role))
      return no('PNL-2', 'not a seat on the panel', `data.attendees.${i}.role`);
    if (a.status === 'deputy' && (a.emergency ?? '').trim() === '')
      return no(
        'PNL-2',
        'a deputy attends only in an emergency: record the emergency',
        `data.attendees.${i}.emergency`,
      );
  }
  return ok(
    ev('AttendanceRecorded', {
      sittingId: c.data.sittingId,
      at: c.at,
      attendees: c.data.attendees,
    }),
  );
};

export const holdSitting = (c: Cmd<'HoldSitting'>, s: SittingState, policy: PanelPolicy): D => {
  const closed = openForChange(s);
  if (closed !== undefined) return closed;
  if (ms(c.at) < ms(s.slot!.start)) return no('STATE', 'the sitting has not started yet', 'at');
  if (s.attendees.length === 0)
    return no('PNL-2', 'record the attendance before holding the sitting', 'data.sittingId');
  return ok(
    ev('SittingHeld', { sittingId: c.data.sittingId, at: c.at, chairedBy: chairOf(s, policy) }),
  );
};

const held = (s: SittingState): D | undefined =>
  s.held === null ? no('STATE', 'the sitting has not been held') : undefined;

export const agreeAction = (c: Cmd<'AgreeAction'>, s: SittingState): D => {
  const notHeld = held(s);
  if (notHeld !== undefined) return notHeld;
  if (s.actions.some((a) => a.actionId === c.data.actionId))
    return no('INPUT', `action ${c.data.actionId} is already recorded`, 'data.actionId');
  if (c.data.dueBy < s.slot!.date)
    return no(
      'PNL-9',
      'an action needs a timescale agreed at the sitting: not before the sitting',
      'data.dueBy',
    );
  return ok(
    ev('ActionAgreed', {
      sittingId: c.data.sittingId,
      at: c.at,
      actionId: c.data.actionId,
      referralId: c.data.referralId ?? null,
      owner: c.data.owner,
      description: c.data.description,
      dueBy: c.data.dueBy,
    }),
  );
};

export const recordActionUpdate = (c: Cmd<'RecordActionUpdate'>, s: SittingState): D => {
  const action = s.actions.find((a) => a.actionId === c.data.actionId);
  if (action === undefined)
    return no('INPUT', `no action ${c.data.actionId} on this sitting`, 'data.actionId');
  if (action.completedAt !== null)
    return no('STATE', `action ${c.data.actionId} is already complete`, 'data.actionId');
  return ok(
    ev('ActionUpdateReceived', {
      sittingId: c.data.sittingId,
      at: c.at,
      actionId: c.data.actionId,
      update: c.data.update,
      complete: c.data.complete,
    }),
  );
};

/** MTG-7: only the chair or co-chair approves the minutes (the actor's role is a panel seat). */
export const approveMinutes = (
  c: Cmd<'ApproveMinutes'>,
  s: SittingState,
  policy: PanelPolicy,
): D => {
  const notHeld = held(s);
  if (notHeld !== undefined) return notHeld;
  if (s.minutesApprovedAt !== null) return ok();
  if (c.actor.role !== policy.chairRole && c.actor.role !== policy.coChairRole)
    return no('MTG-7', 'draft minutes go to the chair (or co-chair) for approval', 'actor.role');
  return ok(
    ev('MinutesApproved', { sittingId: c.data.sittingId, at: c.at, approvedBy: c.actor.id }),
  );
};

/** PNL-7 due instant: the end of the Nth working day after the sitting's date. */
export const minutesDueFor = (
  policy: PanelPolicy,
  calendar: Calendar,
  sittingDate: string,
): string => toUtcIso(addWorkingDays(calendar, sittingDate, policy.minutesWorkingDays));

/** MTG-8: minutes go to those who attended (members and deputies) and to every action owner. */
export const minutesRecipients = (s: SittingState): string[] => [
  ...new Set([
    ...s.attendees.filter((a) => a.status !== 'apologies').map((a) => a.member.memberId),
    ...s.actions.map((a) => a.owner.memberId),
  ]),
];

export const distributeMinutes = (
  c: Cmd<'DistributeMinutes'>,
  s: SittingState,
  policy: PanelPolicy,
  calendar: Calendar,
): D => {
  const notHeld = held(s);
  if (notHeld !== undefined) return notHeld;
  if (s.minutesDistributed !== null)
    return no('STATE', 'the minutes have already been distributed');
  if (s.minutesApprovedAt === null)
    return no('MTG-7', 'only approved minutes are distributed', 'data.sittingId');
  const date = s.slot!.date;
  return ok(
    ev('MinutesDistributed', {
      sittingId: c.data.sittingId,
      at: c.at,
      documentCategory: minutesDocumentCategory(date),
      recipients: minutesRecipients(s),
      late: ms(c.at) > ms(minutesDueFor(policy, calendar, date)),
    }),
  );
};

/** The local date of the sitting's start (for callers that only have the instant). */
export const sittingDateOf = (s: SittingState): string | null =>
  s.slot === null ? null : londonDateOf(s.slot.start);
