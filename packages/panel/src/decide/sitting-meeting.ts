/**
 * PNL-2, PNL-7, PNL-8, PNL-9: attendance, holding the sitting, actions and minutes; the minutes'
 * approval and distribution go through `@aimline/meetings`' MTG-7 and MTG-8 rules.
 */
import { addWorkingDays, toUtcIso, type Calendar } from '@aimline/calendar';
import * as E from 'fp-ts/lib/Either.js';
import type { Command } from '@aimline/kernel';
import {
  approvalRejection,
  awaitingRecipients,
  distributionRejection,
  unapprovedRejection,
} from '@aimline/meetings';
import { minutesDocumentCategory } from '../derive.js';
import type { PanelPolicy } from '../policy.js';
import { londonDateOf } from '../schedule/local-time.js';
import type { PanelSittingCommand } from '../sitting/commands.js';
import type { PanelSittingEvent } from '../sitting/events.js';
import { minutesRecipients, minutesSentTo } from '../sitting/minutes.js';
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

/**
 * PNL-2 → MTG-7: the meeting's chair is the member who chaired the sitting (the chair, else the
 * co-chair, present in person). When nobody chaired, the chair's or co-chair's seat stands in:
 * an actor in either role is taken as the chair for the approval.
 */
export const minutesChairId = (
  s: SittingState,
  policy: PanelPolicy,
  actor: { readonly id: string; readonly role: string },
): string | null => {
  const chairedBy = s.held?.chairedBy ?? null;
  if (chairedBy !== null) {
    const role = chairedBy === 'chair' ? policy.chairRole : policy.coChairRole;
    const chair = s.attendees.find((a) => a.role === role && a.status === 'present');
    return chair?.member.memberId ?? null;
  }
  return actor.role === policy.chairRole || actor.role === policy.coChairRole ? actor.id : null;
};

/** MTG-7 (`@aimline/meetings`): only the chair or co-chair who chaired approves the minutes. */
export const approveMinutes = (
  c: Cmd<'ApproveMinutes'>,
  s: SittingState,
  policy: PanelPolicy,
): D => {
  const notHeld = held(s);
  if (notHeld !== undefined) return notHeld;
  const rejection = approvalRejection({
    chairId: minutesChairId(s, policy, c.actor),
    actorId: c.actor.id,
    hasDraft: true,
  });
  if (rejection !== undefined) return E.left(rejection);
  if (s.minutesApprovedAt !== null) return ok();
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

/**
 * MTG-7, MTG-8 (`@aimline/meetings`): only approved minutes, only to those on the derived list;
 * without named recipients, to everyone on it not yet sent them. PNL-8: categorised
 * "P25 YYYY/MM/DD LEGAL MEETINGS (HSB AIM)"; PNL-7: `late` after the 7th working day.
 */
export const distributeMinutes = (
  c: Cmd<'DistributeMinutes'>,
  s: SittingState,
  policy: PanelPolicy,
  calendar: Calendar,
): D => {
  const notHeld = held(s);
  if (notHeld !== undefined) return notHeld;
  const unapproved = unapprovedRejection(s.minutesApprovedAt !== null);
  if (unapproved !== undefined) return E.left(unapproved);
  const list = minutesRecipients(s);
  let recipients: ReadonlyArray<string>;
  if (c.data.recipients === undefined) {
    recipients = awaitingRecipients(list, minutesSentTo(s));
    if (s.minutesDistributed !== null && recipients.length === 0)
      return no('STATE', 'the minutes have already been distributed');
  } else {
    const rejection = distributionRejection(list, c.data.recipients);
    if (rejection !== undefined) return E.left(rejection);
    recipients = c.data.recipients;
  }
  const date = s.slot!.date;
  return ok(
    ev('MinutesDistributed', {
      sittingId: c.data.sittingId,
      at: c.at,
      documentCategory: minutesDocumentCategory(date),
      recipients: [...recipients],
      late: ms(c.at) > ms(minutesDueFor(policy, calendar, date)),
    }),
  );
};

/** The local date of the sitting's start (for callers that only have the instant). */
export const sittingDateOf = (s: SittingState): string | null =>
  s.slot === null ? null : londonDateOf(s.slot.start);
