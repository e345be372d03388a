/**
 * The sitting's minutes through `@aimline/meetings`' rules: the derived distribution list (MTG-8)
 * when it was covered and when it is due (PNL-7). The panel keeps no copy of those rules.
 */
import { addWorkingDays, type Calendar, toUtcIso } from '@aimline/calendar';
import { derivedDistributionList, fullyDistributedAt } from '@aimline/meetings';
import type { PanelPolicy } from '../policy.js';
import type { SittingState } from './state.js';

/**
 * Everyone at the sitting: members and deputies in their seats (PNL-2), then invited attendees
 * who hold no seat, such as presenting referrers (PNL-5), each present in person.
 */
export const sittingParticipants = (s: SittingState): string[] => [
  ...s.attendees.filter((a) => a.status !== 'apologies').map((a) => a.member.memberId),
  ...s.invited.filter((a) => a.status === 'present').map((a) => a.person.id),
];

/**
 * MTG-8 (through `@aimline/meetings`), PNL-7: the sitting's distribution list: every participant
 * (003: "distribute to all participants": members, deputies and presenting referrers, not
 * apologies) and every action owner, each once.
 */
export const minutesRecipients = (s: SittingState): string[] =>
  derivedDistributionList({
    present: sittingParticipants(s),
    actionOwners: s.actions.map((a) => a.owner.memberId),
  });

/** Everyone the minutes have been sent to so far, in order, once each. */
export const minutesSentTo = (s: SittingState): string[] => [
  ...new Set(s.minutesDistributions.flatMap((d) => d.recipients)),
];

/** PNL-7 is met at this instant: the minutes had reached everyone on the list (MTG-8). */
export const minutesFullyDistributedAt = (s: SittingState): string | undefined =>
  fullyDistributedAt(minutesRecipients(s), s.minutesDistributions);

/** PNL-7 due instant: the end of the Nth working day after the sitting's date. */
export const minutesDueFor = (
  policy: PanelPolicy,
  calendar: Calendar,
  sittingDate: string,
): string => toUtcIso(addWorkingDays(calendar, sittingDate, policy.minutesWorkingDays));
