/**
 * The sitting's minutes through `@aimline/meetings`' rules: the derived distribution list (MTG-8)
 * and when it was covered. The panel keeps no copy of those rules.
 */
import { derivedDistributionList, fullyDistributedAt } from '@aimline/meetings';
import type { SittingState } from './state.js';

/**
 * MTG-8 (through `@aimline/meetings`): the sitting's distribution list: those who attended
 * (members and deputies, not apologies) and every action owner, each once.
 */
export const minutesRecipients = (s: SittingState): string[] =>
  derivedDistributionList({
    present: s.attendees.filter((a) => a.status !== 'apologies').map((a) => a.member.memberId),
    actionOwners: s.actions.map((a) => a.owner.memberId),
  });

/** Everyone the minutes have been sent to so far, in order, once each. */
export const minutesSentTo = (s: SittingState): string[] => [
  ...new Set(s.minutesDistributions.flatMap((d) => d.recipients)),
];

/** PNL-7 is met at this instant: the minutes had reached everyone on the list (MTG-8). */
export const minutesFullyDistributedAt = (s: SittingState): string | undefined =>
  fullyDistributedAt(minutesRecipients(s), s.minutesDistributions);
