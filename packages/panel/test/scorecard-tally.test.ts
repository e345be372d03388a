import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareInstants } from '@aimline/calendar';
import {
  defaultBandForAge,
  emptyScorecardTally,
  quarterOf,
  scorecard,
  scorecardOf,
  tallyEvent,
  tallyQuarters,
  type PanelEvent,
  type PanelPolicy,
  type Scorecard,
} from '../src/index.js';
import { child, policy, referrer } from './fixtures.js';

const ms = (s: string): number => Date.parse(s);
/** Instants over two years on a coarse grid, so equal instants (ties) happen often. */
const instant = fc
  .integer({ min: 0, max: 2 * 365 * 4 })
  .chain((quarterDays) =>
    fc
      .constantFrom('Z', '+01:00')
      .map((zone) => [ms('2025-01-01T00:00:00Z') + quarterDays * 6 * 3_600_000, zone] as const),
  )
  .map(([t, zone]) =>
    zone === 'Z'
      ? new Date(t).toISOString()
      : `${new Date(t + 3_600_000).toISOString().slice(0, 19)}+01:00`,
  );

const referral: fc.Arbitrary<PanelEvent> = fc
  .record({
    at: instant,
    childId: fc.constantFrom('C-1', 'C-2', 'C-3', 'C-4'),
    gender: fc.constantFrom('male', 'female', 'not-recorded', 'other'),
    ageAtReferral: fc.integer({ min: 2, max: 19 }),
    behaviourTypes: fc.array(
      fc.constantFrom('contact', 'non-contact', 'online-technology-assisted', 'other'),
      {
        maxLength: 3,
      },
    ),
  })
  .map(({ at, childId, gender, ageAtReferral, behaviourTypes }) => ({
    type: 'ReferralReceived' as const,
    data: {
      referralId: `R-${at}`,
      at,
      child: { ...child, childId, gender },
      ageAtReferral,
      referrer,
      concernSummary: 'Invented',
      behaviourTypes,
    },
  }));

const decision: fc.Arbitrary<PanelEvent> = fc
  .record({
    at: instant,
    rating: fc.constantFrom('red', 'amber', 'green'),
    route: fc.constantFrom('aim-assessment', 'no-further-action', 'early-help'),
  })
  .map(({ at, rating, route }) => ({
    type: 'DecisionRecorded',
    data: {
      referralId: 'R1',
      at,
      sittingId: '2025-01',
      sittingDate: '2025-01-06',
      chairedBy: 'chair',
      route,
      rating,
      ageAtDecision: 11,
      ageBand: '9-13',
      rationale: 'x',
      informationKnown: 'y',
      caseNoteHeading: 'HSB AIM',
      minutesCategory: 'P25 2025/01/06 LEGAL MEETINGS (HSB AIM)',
    },
  }));

const review: fc.Arbitrary<PanelEvent> = fc
  .record({ at: instant, change: fc.constantFrom('escalated', 'de-escalated', 'unchanged') })
  .map(({ at, change }) => ({
    type: 'ReviewRecorded',
    data: {
      referralId: 'R1',
      at,
      sittingId: null,
      previousRating: 'red',
      rating: 'amber',
      change,
      reason: 'x',
    },
  }));

const papers: fc.Arbitrary<PanelEvent> = fc
  .record({ at: instant, late: fc.boolean() })
  .map(({ at, late }) => ({
    type: 'PapersSent',
    data: {
      referralId: 'R1',
      at,
      sittingId: '2025-02',
      recipients: ['a'],
      papersDue: at,
      late,
    },
  }));

const minutes: fc.Arbitrary<PanelEvent> = fc
  .record({ at: instant, late: fc.boolean() })
  .map(({ at, late }) => ({
    type: 'MinutesDistributed',
    data: { sittingId: '2025-02', at, documentCategory: 'P25', recipients: ['a'], late },
  }));

const panelEvents = fc.array(fc.oneof(referral, referral, decision, review, papers, minutes), {
  maxLength: 60,
});

const bump = (r: Record<string, number>, k: string): void => {
  r[k] = (r[k] ?? 0) + 1;
};

/** How many times each value occurs, keyed in the order each value first occurs. */
const countsOf = (values: ReadonlyArray<string>): Record<string, number> => {
  const counts: Record<string, number> = {};
  for (const v of values) bump(counts, v);
  return counts;
};

/**
 * The specification the tally is held to: PNL-11 stated over the whole list, each count what
 * it counts (referrals taken in the order they were received, a child's later ones counted as
 * repeats), written apart from the tally's code rather than copied from it.
 */
const listFold = (
  quarter: string,
  events: ReadonlyArray<PanelEvent>,
  policy: PanelPolicy,
): Scorecard => {
  const ofType = <T extends PanelEvent['type']>(type: T) =>
    events.filter(
      (e): e is Extract<PanelEvent, { type: T }> =>
        e.type === type && quarterOf(e.data.at) === quarter,
    );
  // Referrals in the order they were received; a child's earlier referral, in any quarter,
  // makes a later one a repeat.
  const received = events
    .filter(
      (e): e is Extract<PanelEvent, { type: 'ReferralReceived' }> => e.type === 'ReferralReceived',
    )
    .sort((a, b) => compareInstants(a.data.at, b.data.at));
  const referrals = received
    .map((e, i) => ({
      e,
      repeat: received.slice(0, i).some((r) => r.data.child.childId === e.data.child.childId),
    }))
    .filter(({ e }) => quarterOf(e.data.at) === quarter);
  const decisions = ofType('DecisionRecorded');
  const changes = ofType('ReviewRecorded').map((e) => e.data.change);
  const lateness = (late: ReadonlyArray<boolean>) => ({
    onTime: late.filter((l) => !l).length,
    late: late.filter((l) => l).length,
  });
  return {
    quarter,
    referrals: referrals.length,
    repeatReferrals: referrals.filter((r) => r.repeat).length,
    byAgeBand: countsOf(
      referrals.map(({ e }) => defaultBandForAge(policy, e.data.ageAtReferral)?.id ?? 'none'),
    ),
    byGender: countsOf(referrals.map(({ e }) => e.data.child.gender)),
    byBehaviourType: countsOf(referrals.flatMap(({ e }) => e.data.behaviourTypes)),
    byRating: countsOf(decisions.map((e) => e.data.rating)),
    byRoute: countsOf(decisions.map((e) => e.data.route)),
    escalations: changes.filter((c) => c === 'escalated').length,
    deEscalations: changes.filter((c) => c === 'de-escalated').length,
    papers: lateness(ofType('PapersSent').map((e) => e.data.late)),
    minutes: lateness(ofType('MinutesDistributed').map((e) => e.data.late)),
  };
};

const policies: ReadonlyArray<PanelPolicy> = [policy, { ...policy, edgeAgeBand: 'younger' }];

describe('PNL-11 scorecard kept as a tally', () => {
  it('PNL-11: for any panel history and either edge-age policy, every quarter of the tally (and scorecard over the list) is what the whole-list fold gives, keys in the same order', () => {
    fc.assert(
      fc.property(panelEvents, fc.constantFrom(...policies), (events, p) => {
        const tally = emptyScorecardTally();
        for (const e of events) tallyEvent(tally, e);
        const quarters = [...new Set(events.map((e) => quarterOf(e.data.at)))].sort();
        expect(tallyQuarters(tally)).toEqual(quarters);
        for (const q of [...quarters, '2031-Q1']) {
          const specified = JSON.stringify(listFold(q, events, p));
          expect(JSON.stringify(scorecardOf(tally, q, p))).toBe(specified);
          expect(JSON.stringify(scorecard(q, events, p))).toBe(specified);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('PNL-11: an event whose time is not an instant is refused before anything is counted', () => {
    const tally = emptyScorecardTally();
    const bad = {
      type: 'PapersSent',
      data: { referralId: 'R1', at: 'not a time', sittingId: 'S', recipients: [], late: false },
    } as unknown as PanelEvent;
    expect(() => tallyEvent(tally, bad)).toThrow();
    expect(tally.quarters).toEqual({});
  });
});
