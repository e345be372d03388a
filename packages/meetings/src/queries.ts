/**
 * Pure questions about a meeting's state that the decider, the deadlines and the three
 * processes (hsb-aim, panel, attendance-aim) ask.
 */
import { instantMs } from '@aimline/calendar';
import { awaitingRecipients, derivedDistributionList } from './rules.js';
import type { AttendanceEntry, Invitee, MinutesAction } from './values.js';
import type { DraftMinutes, InviteeState, MeetingState } from './state.js';

/** MTG-6: a meeting is held once its attendance sheet is recorded. */
export const isHeld = (state: MeetingState): boolean => state.attendance !== null;

export const isCancelled = (state: MeetingState): boolean => state.phase === 'cancelled';

/** Those at the meeting: present in person or as a deputy (MTG-6). */
export const presentAttendees = (state: MeetingState): ReadonlyArray<AttendanceEntry> =>
  (state.attendance?.attendees ?? []).filter(
    (a) => a.status === 'present' || a.status === 'deputy',
  );

/** Those who sent apologies (MTG-6). */
export const apologies = (state: MeetingState): ReadonlyArray<AttendanceEntry> =>
  (state.attendance?.attendees ?? []).filter((a) => a.status === 'apologies');

export const inviteeState = (state: MeetingState, inviteeId: string): InviteeState | undefined =>
  state.invitees.find((i) => i.invitee.id === inviteeId);

export const invitee = (state: MeetingState, inviteeId: string): Invitee | undefined =>
  inviteeState(state, inviteeId)?.invitee;

/** MTG-3: whether business support has confirmed this invitee's contact details. */
export const contactConfirmed = (state: MeetingState, inviteeId: string): boolean =>
  inviteeState(state, inviteeId)?.contactCheck.status === 'confirmed';

/** MTG-4: invitees with no invitation sent yet. */
export const uninvited = (state: MeetingState): ReadonlyArray<Invitee> =>
  state.invitees
    .map((i) => i.invitee)
    .filter((i) => !state.invitations.some((sent) => sent.inviteeId === i.id));

/**
 * MTG-1 / MTG-4: invitees whose latest invitation went before the latest reschedule, so it
 * carries the old date or place and should be sent again.
 */
export const invitationsOutdated = (state: MeetingState): ReadonlyArray<string> => {
  const moved = state.reschedules[state.reschedules.length - 1];
  if (moved === undefined) return [];
  const latest = new Map<string, number>();
  for (const i of state.invitations) latest.set(i.inviteeId, instantMs(i.at));
  return [...latest.entries()]
    .filter(([, sentAt]) => sentAt < instantMs(moved.at))
    .map(([inviteeId]) => inviteeId);
};

export const latestDraft = (state: MeetingState): DraftMinutes | undefined =>
  state.drafts[state.drafts.length - 1];

/** MTG-7: the draft the chair approved, if any. */
export const approvedMinutes = (state: MeetingState): DraftMinutes | undefined =>
  state.approval === null ? undefined : state.drafts.find((d) => d.draft === state.approval?.draft);

export const minutesApproved = (state: MeetingState): boolean => state.approval !== null;

/**
 * The actions recorded in the minutes: those of the approved draft, or of the latest draft
 * while none is approved.
 */
export const minutesActions = (state: MeetingState): ReadonlyArray<MinutesAction> =>
  (approvedMinutes(state) ?? latestDraft(state))?.actions ?? [];

/**
 * MTG-8 (source 001): the minutes go only to those present and to those with actions. The list
 * is derived from the attendance sheet and the minutes, never typed in: present attendees (and
 * deputies) in sheet order, then action owners not already on it.
 */
export const distributionList = (state: MeetingState): ReadonlyArray<string> =>
  derivedDistributionList({
    present: presentAttendees(state).map((a) => a.personId),
    actionOwners: minutesActions(state).map((a) => a.ownerId),
  });

/** Everyone the minutes have been sent to so far, in order, once each. */
export const minutesRecipients = (state: MeetingState): ReadonlyArray<string> => {
  const ids: string[] = [];
  for (const d of state.distributions)
    for (const r of d.recipients) if (!ids.includes(r)) ids.push(r);
  return ids;
};

/** Those on the distribution list who have not been sent the minutes yet. */
export const awaitingMinutes = (state: MeetingState): ReadonlyArray<string> =>
  awaitingRecipients(distributionList(state), minutesRecipients(state));

export interface MinutesStatus {
  readonly drafts: number;
  readonly approved: boolean;
  /** At least one distribution happened. */
  readonly distributed: boolean;
  /** Everyone on the distribution list has been sent the minutes. */
  readonly fullyDistributed: boolean;
  readonly uploaded: boolean;
  readonly hardCopiesDestroyed: boolean;
}

/** Where the minutes stand (MTG-7, MTG-8, MTG-9). */
export const minutesStatus = (state: MeetingState): MinutesStatus => ({
  drafts: state.drafts.length,
  approved: minutesApproved(state),
  distributed: state.distributions.length > 0,
  fullyDistributed: state.distributions.length > 0 && awaitingMinutes(state).length === 0,
  uploaded: state.upload !== null,
  hardCopiesDestroyed: state.hardCopiesDestroyedAt !== null,
});

/**
 * Nothing more to do: cancelled, or the minutes are with everyone on the list, uploaded, and the
 * hard copies destroyed.
 */
export const isComplete = (state: MeetingState): boolean => {
  if (isCancelled(state)) return true;
  const m = minutesStatus(state);
  return m.fullyDistributed && m.uploaded && m.hardCopiesDestroyed;
};
