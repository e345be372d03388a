/** PNL-2, PNL-6, PNL-8, PNL-10, NAT-9: the panel's decision, reviews and closing. */
import { ageOn } from '@aimline/calendar';
import { accept, decideWhen, decideWith, found, guard } from '@aimline/kernel';
import type { ReferralDecision, ReferralHandler } from './handler.js';
import { bandsForAge, defaultBandForAge } from '../brook.js';
import { CASE_NOTE_HEADING, minutesDocumentCategory } from '../derive.js';
import { routeOf, type RouteDefinition } from '../policy.js';
import type { PanelReferralEvent } from '../referral/events.js';
import type { Rating } from '../values.js';
import { atStage, openUndecided, type ReceivedReferral } from './guards.js';

const severity: Record<Rating, number> = { green: 0, amber: 1, red: 2 };

export const recordDecision: ReferralHandler<'RecordDecision'> = (c, s, { policy }) => {
  const sitting = c.data.sitting;
  return decideWith(openUndecided(s), (referral) =>
    decideWhen(
      [
        guard(
          'PNL-3',
          `the referral is booked into sitting ${referral.booking.sittingId}`,
          'data.sitting.sittingId',
          () => sitting.sittingId !== referral.booking.sittingId,
        ),
        guard('STATE', 'the sitting has not been held', 'data.sitting.held', () => {
          return sitting.cancelled || !sitting.held;
        }),
      ],
      () =>
        decideWith(
          found(
            sitting.chairedBy,
            'PNL-2',
            'a sitting without its chair or co-chair cannot record decisions',
            'data.sitting.chairedBy',
          ),
          (chairedBy) =>
            decideWith(
              found(
                routeOf(policy, c.data.route),
                'PNL-6',
                `not an intervention route of this panel: ${c.data.route}`,
                'data.route',
              ),
              (route) => {
                // NAT-9: the child's age at the sitting (the referral is received), and the band
                // given or the default one.
                const age = ageOn(referral.child.dateOfBirth, sitting.date);
                const band = c.data.ageBand ?? defaultBandForAge(policy, age)?.id;
                return decideWith(
                  found(
                    bandsForAge(policy, age).find((b) => b.id === band)?.id,
                    'NAT-9',
                    `the traffic light band must contain the child's age (${age})`,
                    'data.ageBand',
                  ),
                  (ageBand) => decided({ referral, chairedBy, route, ageBand, age }),
                );
              },
            ),
        ),
    ),
  );

  function decided(facts: {
    readonly referral: ReceivedReferral;
    readonly chairedBy: 'chair' | 'co-chair';
    readonly route: RouteDefinition;
    readonly ageBand: string;
    readonly age: number;
  }): ReferralDecision {
    const { referralId } = c.data;
    const { referral, route, ageBand } = facts;
    const decided: PanelReferralEvent = {
      type: 'DecisionRecorded',
      data: {
        referralId,
        at: c.at,
        sittingId: sitting.sittingId,
        sittingDate: sitting.date,
        chairedBy: facts.chairedBy,
        route: route.id,
        rating: c.data.rating,
        ageAtDecision: facts.age,
        ageBand,
        rationale: c.data.rationale,
        informationKnown: c.data.informationKnown,
        caseNoteHeading: CASE_NOTE_HEADING,
        minutesCategory: minutesDocumentCategory(sitting.date),
      },
    };
    if (!route.opensHsbAimCase) return accept(decided);
    return accept(decided, {
      type: 'HsbAimCaseRequested',
      data: {
        referralId,
        at: c.at,
        child: referral.child,
        concernSummary: referral.concernSummary,
        behaviourTypes: [...s.behaviourTypes],
        route: route.id,
        rating: c.data.rating,
        ageBand,
        sittingId: sitting.sittingId,
        referrer: referral.referrer,
        referredAt: referral.receivedAt,
        concern: s.concern,
      },
    });
  }
};

export const recordReview: ReferralHandler<'RecordReview'> = (c, s) => {
  const sitting = c.data.sitting;
  return decideWhen(
    [
      atStage('data.referralId', [
        ['no referral has been received', s.referralId === null],
        ['the referral is closed', s.closed !== null],
      ]),
    ],
    () =>
      decideWith(
        found(
          s.decision === null ? null : s.rating,
          'STATE',
          'the panel has not decided yet: nothing to review',
          'data.referralId',
        ),
        (previous) =>
          decideWhen(
            [
              guard(
                'STATE',
                `sitting ${sitting?.sittingId ?? ''} has not been held`,
                'data.sitting.held',
                () => sitting !== undefined && (sitting.cancelled || !sitting.held),
              ),
            ],
            () => {
              const next = c.data.rating;
              const change =
                severity[next] > severity[previous]
                  ? 'escalated'
                  : severity[next] < severity[previous]
                    ? 'de-escalated'
                    : 'unchanged';
              return accept({
                type: 'ReviewRecorded',
                data: {
                  referralId: c.data.referralId,
                  at: c.at,
                  sittingId: sitting?.sittingId ?? null,
                  previousRating: previous,
                  rating: next,
                  change,
                  reason: c.data.reason,
                },
              });
            },
          ),
      ),
  );
};

export const closeReferral: ReferralHandler<'CloseReferral'> = (c, s) =>
  decideWhen(
    [
      atStage('data.referralId', [
        ['no referral has been received', s.referralId === null],
        ['the referral is already closed', s.closed !== null],
      ]),
    ],
    () =>
      accept({
        type: 'ReferralClosed',
        data: { referralId: c.data.referralId, at: c.at, reason: c.data.reason },
      }),
  );
