/** PNL-2: who chaired a sitting, and (PNL-2 → MTG-7) who approves its minutes as the chair. */
import type { PanelPolicy } from '../policy.js';
import type { SittingState } from './state.js';

/** PNL-2: who chaired: the chair when present, else the co-chair when present, else nobody. */
export const chairOf = (state: SittingState, policy: PanelPolicy): 'chair' | 'co-chair' | null => {
  const present = (role: string): boolean =>
    state.attendees.some((a) => a.role === role && a.status === 'present');
  return present(policy.chairRole) ? 'chair' : present(policy.coChairRole) ? 'co-chair' : null;
};

/**
 * PNL-2 → MTG-7: the meeting's chair is the member who chaired the sitting (the chair, else the
 * co-chair, present in person). When nobody chaired, the chair's or co-chair's seat stands in:
 * an actor in either role (or in the governed `panel-chair` role) is taken as the chair for
 * the approval.
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
  return CHAIR_ACTOR_ROLES(policy).includes(actor.role) ? actor.id : null;
};

/**
 * The actor roles that stand in for the chair: the chair's and co-chair's seats, and
 * `panel-chair`, the role a governed command records (`@aimline/governance` records the
 * principal's role as the actor's, and gives the chair and co-chair that role).
 */
const CHAIR_ACTOR_ROLES = (policy: PanelPolicy): ReadonlyArray<string> => [
  policy.chairRole,
  policy.coChairRole,
  'panel-chair',
];
