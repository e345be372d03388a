/**
 * HSB-30 (issue 14): criminal proceedings end with no further action, a not-guilty finding or a
 * withdrawal; the referral back moves the case to the child-protection / child-in-need route.
 *
 * Source 001: "Where it is concluded there is insufficient evidence to charge consideration
 * should be given to a referral to Children's Social Care for an assessment of need and an AIM
 * assessment via the child protection/child in need route". On that route "Children Social Care
 * take the role of lead agency", and "two Children's Social Care workers may undertake an
 * assessment where there are no criminal proceedings".
 */
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { evolve, initialState, makeHsbDecider, type HsbEvent } from '../src/index.js';
import { allocate, assessors, cmd } from './fixtures.js';
import {
  assessorsAllocated,
  concernReported,
  recorded,
  routeDecided,
  strategyDiscussionHeld,
} from './recorded.js';

const spec = deciderSpec(makeHsbDecider());

// Recorded events: the "given" of each specification.
const crim = [concernReported(), strategyDiscussionHeld(), routeDecided('criminal-justice')];
const admitted = recorded('AdmissionRecorded', '2026-06-02T10:00:00Z', {});
const triggered = recorded('AssessmentTriggeredByPolice', '2026-06-03T10:00:00Z', {
  officerId: 'pc-1',
});
const nfaRecorded = recorded('PoliceDecisionRecorded', '2026-07-01T10:00:00Z', {
  decision: 'no-further-action',
});
const charged = recorded('Charged', '2026-06-02T12:00:00Z', { offence: 'Invented offence.' });
const pleadedNotGuilty = recorded('PleaEntered', '2026-06-20T10:00:00Z', { plea: 'not-guilty' });
const foundNotGuilty = recorded('FindingRecorded', '2026-07-01T10:00:00Z', {
  finding: 'not-guilty',
});
const withdrawn = recorded('ProceedingsWithdrawn', '2026-07-01T10:00:00Z', {
  reason: 'Invented: the prosecution offered no evidence.',
});
const referralReason = 'Invented: insufficient evidence to charge; welfare concerns remain.';
/** What ReferBackToChildProtection records once proceedings ended with `ending` on 1 July. */
const referredBack = (ending: string, from = 'criminal-justice') => [
  recorded('ReferredBackToChildProtection', '2026-07-02T10:00:00Z', { reason: referralReason }),
  recorded('RouteChanged', '2026-07-02T10:00:00Z', {
    from,
    to: 'child-protection',
    reason: referralReason,
    proceedingsEnded: { ending, at: '2026-07-01T10:00:00Z' },
    leadAgency: 'childrens-social-care',
    leadAgencyReason: 'child-protection route',
  } as never),
];

// Commands.
const withdraw = cmd('RecordWithdrawal', '2026-07-01T10:00:00Z', {
  reason: 'Invented: the prosecution offered no evidence.',
});
const referBack = cmd('ReferBackToChildProtection', '2026-07-02T10:00:00Z', {
  reason: referralReason,
});
const twoCsc = (at: string) => allocate(at, [assessors.cscAim2, assessors.csc2]);

const routeChanged = (events: ReadonlyArray<HsbEvent>) => {
  const e = events.find((x) => x.type === 'RouteChanged');
  return e?.type === 'RouteChanged' ? e.data : undefined;
};

describe('HSB-30: the end of criminal proceedings returns the case to the child-protection route', () => {
  it('HSB-30: after no further action the referral back changes the route, with when and why', () => {
    const events = spec
      .given([...crim, admitted, nfaRecorded])
      .when(referBack)
      .events();
    expect(events.map((e) => e.type)).toEqual(['ReferredBackToChildProtection', 'RouteChanged']);
    expect(routeChanged(events)).toEqual({
      caseId: 'case-0001',
      from: 'criminal-justice',
      to: 'child-protection',
      reason: 'Invented: insufficient evidence to charge; welfare concerns remain.',
      proceedingsEnded: { ending: 'no-further-action', at: '2026-07-01T10:00:00Z' },
      leadAgency: 'childrens-social-care',
      leadAgencyReason: 'child-protection route',
      at: '2026-07-02T10:00:00Z',
    });
  });

  it('HSB-30: a not-guilty finding ends the proceedings and allows the referral back', () => {
    const events = spec
      .given([...crim, charged, pleadedNotGuilty, foundNotGuilty])
      .when(referBack)
      .events();
    expect(routeChanged(events)?.proceedingsEnded.ending).toBe('not-guilty');
  });

  it('HSB-30: a withdrawal after a charge ends the proceedings and allows the referral back', () => {
    spec.given(crim).when(withdraw).thenRejects('STATE', { field: 'data.caseId' });
    const events = spec
      .given([...crim, charged, pleadedNotGuilty, withdrawn])
      .when(referBack)
      .events();
    expect(routeChanged(events)?.proceedingsEnded.ending).toBe('withdrawn');
  });

  it('HSB-30: no referral back while proceedings run, and no second route change', () => {
    spec
      .given([...crim, admitted])
      .when(referBack)
      .thenRejects('HSB-30', { field: 'data.caseId' });
    spec
      .given([...crim, charged, pleadedNotGuilty])
      .when(referBack)
      .thenRejects('HSB-30', { field: 'data.caseId' });
    spec
      .given([...crim, admitted, nfaRecorded, ...referredBack('no-further-action')])
      .when(referBack)
      .thenRejects('STATE', { field: 'data.caseId' });
  });

  it('HSB-30: a route of both pathways also returns to child protection alone', () => {
    const events = spec
      .given([
        concernReported(),
        strategyDiscussionHeld(),
        routeDecided('both'),
        admitted,
        nfaRecorded,
      ])
      .when(referBack)
      .events();
    expect(routeChanged(events)).toMatchObject({ from: 'both', to: 'child-protection' });
  });

  it('HSB-9: after the route change children\'s social care leads the assessment ("Children Social Care take the role of lead agency")', () => {
    const [allocated] = spec
      .given([...crim, admitted, nfaRecorded, ...referredBack('no-further-action')])
      .when(allocate('2026-07-03T10:00:00Z'))
      .events();
    expect(allocated?.type === 'AssessorsAllocated' && allocated.data.leadAgency).toBe(
      'childrens-social-care',
    );
  });

  it('HSB-9: assessors allocated while the police triggered the assessment are led by CSC after the change', () => {
    const h = [
      ...crim,
      admitted,
      triggered,
      assessorsAllocated('2026-06-04T10:00:00Z', undefined, undefined, {
        leadAgency: 'youth-offending-service',
        leadAgencyReason: 'criminal-justice route; assessment triggered by the police',
      }),
    ];
    expect(h.reduce(evolve, initialState)).toMatchObject({
      assessment: { leadAgency: 'youth-offending-service' },
    });
    const events = spec
      .given([...h, nfaRecorded])
      .when(referBack)
      .events();
    expect(routeChanged(events)?.leadAgency).toBe('childrens-social-care');
    const state = [...h, nfaRecorded, ...events].reduce(evolve, initialState);
    expect(state).toMatchObject({
      route: { route: 'child-protection', at: '2026-07-02T10:00:00Z' },
      routeChanges: [{ from: 'criminal-justice', to: 'child-protection' }],
      assessment: { leadAgency: 'childrens-social-care' },
    });
  });

  it('HSB-10: "two Children\'s Social Care workers may undertake an assessment where there are no criminal proceedings"', () => {
    spec
      .given([...crim, charged, pleadedNotGuilty, withdrawn, ...referredBack('withdrawn')])
      .when(twoCsc('2026-07-03T10:00:00Z'))
      .events();
    spec
      .given([...crim, admitted, nfaRecorded, ...referredBack('no-further-action')])
      .when(twoCsc('2026-07-03T10:00:00Z'))
      .events();
    // while proceedings run, the same pair is refused
    spec
      .given([...crim, admitted, triggered])
      .when(twoCsc('2026-06-04T10:00:00Z'))
      .thenRejects('HSB-10', { field: 'data.assessors' });
  });

  it('HSB-29: after a not-guilty finding and the referral back the assessment may be allocated', () => {
    spec
      .given([...crim, charged, pleadedNotGuilty])
      .when(allocate('2026-06-21T10:00:00Z'))
      .thenRejects('HSB-29', { field: 'data.caseId' });
    spec
      .given([...crim, charged, pleadedNotGuilty, foundNotGuilty, ...referredBack('not-guilty')])
      .when(allocate('2026-07-03T10:00:00Z'))
      .events();
  });
});
