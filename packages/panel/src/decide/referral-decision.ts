/** PNL-2, PNL-6, PNL-8, PNL-10, NAT-9: the panel's decision, reviews and closing. */
import type { Command } from '@aimline/kernel';
import { bandsForAge, defaultBandForAge } from '../brook.js';
import { CASE_NOTE_HEADING, minutesDocumentCategory } from '../derive.js';
import { routeOf, type PanelPolicy } from '../policy.js';
import type { PanelReferralCommand } from '../referral/commands.js';
import type { PanelReferralEvent } from '../referral/events.js';
import type { ReferralState } from '../referral/state.js';
import { ageOn } from '../schedule/local-time.js';
import type { Rating } from '../values.js';
import { eventOf, no, ok, type Decision } from './common.js';
import { openUndecided } from './referral-intake.js';

type Cmd<T extends PanelReferralCommand['type']> = Extract<PanelReferralCommand, Command<T>>;
type D = Decision<PanelReferralEvent>;
const ev = eventOf<PanelReferralEvent>();

const severity: Record<Rating, number> = { green: 0, amber: 1, red: 2 };

export const recordDecision = (
  c: Cmd<'RecordDecision'>,
  s: ReferralState,
  policy: PanelPolicy,
): D => {
  const closed = openUndecided(s);
  if (closed !== undefined) return closed;
  const sitting = c.data.sitting;
  if (sitting.sittingId !== s.booking!.sittingId)
    return no(
      'PNL-3',
      `the referral is booked into sitting ${s.booking!.sittingId}`,
      'data.sitting.sittingId',
    );
  if (sitting.cancelled || !sitting.held)
    return no('STATE', 'the sitting has not been held', 'data.sitting.held');
  if (sitting.chairedBy === null)
    return no(
      'PNL-2',
      'a sitting without its chair or co-chair cannot record decisions',
      'data.sitting.chairedBy',
    );
  const route = routeOf(policy, c.data.route);
  if (route === undefined)
    return no('PNL-6', `not an intervention route of this panel: ${c.data.route}`, 'data.route');
  const age = ageOn(s.child!.dateOfBirth, sitting.date);
  const band = c.data.ageBand ?? defaultBandForAge(policy, age)?.id;
  if (band === undefined || !bandsForAge(policy, age).some((b) => b.id === band))
    return no(
      'NAT-9',
      `the traffic light band must contain the child's age (${age})`,
      'data.ageBand',
    );
  const { referralId } = c.data;
  const decided = ev('DecisionRecorded', {
    referralId,
    at: c.at,
    sittingId: sitting.sittingId,
    sittingDate: sitting.date,
    chairedBy: sitting.chairedBy,
    route: route.id,
    rating: c.data.rating,
    ageAtDecision: age,
    ageBand: band,
    rationale: c.data.rationale,
    informationKnown: c.data.informationKnown,
    caseNoteHeading: CASE_NOTE_HEADING,
    minutesCategory: minutesDocumentCategory(sitting.date),
  });
  if (!route.opensHsbAimCase) return ok(decided);
  return ok(
    decided,
    ev('HsbAimCaseRequested', {
      referralId,
      at: c.at,
      child: s.child!,
      concernSummary: s.concernSummary!,
      behaviourTypes: [...s.behaviourTypes],
      route: route.id,
      rating: c.data.rating,
      ageBand: band,
      sittingId: sitting.sittingId,
    }),
  );
};

export const recordReview = (c: Cmd<'RecordReview'>, s: ReferralState): D => {
  if (s.referralId === null) return no('STATE', 'no referral has been received');
  if (s.closed !== null) return no('STATE', 'the referral is closed');
  if (s.decision === null || s.rating === null)
    return no('STATE', 'the panel has not decided yet: nothing to review');
  const previous = s.rating;
  const next = c.data.rating;
  const change =
    severity[next] > severity[previous]
      ? 'escalated'
      : severity[next] < severity[previous]
        ? 'de-escalated'
        : 'unchanged';
  return ok(
    ev('ReviewRecorded', {
      referralId: c.data.referralId,
      at: c.at,
      sittingId: c.data.sittingId ?? null,
      previousRating: previous,
      rating: next,
      change,
      reason: c.data.reason,
    }),
  );
};

export const closeReferral = (c: Cmd<'CloseReferral'>, s: ReferralState): D => {
  if (s.referralId === null) return no('STATE', 'no referral has been received');
  if (s.closed !== null) return no('STATE', 'the referral is already closed');
  return ok(
    ev('ReferralClosed', { referralId: c.data.referralId, at: c.at, reason: c.data.reason }),
  );
};
