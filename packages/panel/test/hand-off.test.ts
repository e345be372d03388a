// PNL-6 hand-off: "Panel will make a decision on the agreed intervention route" (003); a route
// that opens an HSB AIM case emits HsbAimCaseRequested, which issue 15 turns into hsb-aim's first
// command, ReportConcern (child, disclosure, behaviour date for HSB-6, notifications for HSB-1,
// summary). The event carries every one of those the referral knows.
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { makeReferralDecider, type SittingFacts } from '../src/index.js';
import { bookingAt, child, referralCmd, referrer } from './fixtures.js';

const spec = deciderSpec(makeReferralDecider());
const receivedAt = '2026-02-02T10:00:00Z';
const booking = bookingAt(receivedAt);
const concern = {
  disclosedAt: '2026-01-28T15:20:00Z',
  behaviourDate: '2026-01-27',
  notifications: { childrensSocialCare: '2026-01-28T16:00:00Z', police: '2026-01-29T09:00:00Z' },
};
const receive = (c: Record<string, unknown> = concern) =>
  referralCmd(
    'ReceiveReferral',
    {
      referralId: 'R1',
      child,
      referrer,
      concernSummary: 'Invented concern',
      behaviourTypes: ['contact'],
      booking,
      concern: c,
    },
    receivedAt,
  );
const sitting: SittingFacts = {
  sittingId: booking.sittingId,
  date: booking.sittingDate,
  held: true,
  cancelled: false,
  chairedBy: 'chair',
};
const decide = referralCmd(
  'RecordDecision',
  {
    referralId: 'R1',
    sitting,
    route: 'aim-assessment',
    rating: 'red',
    rationale: 'Invented rationale',
    informationKnown: 'Invented facts',
  },
  '2026-03-02T15:00:00Z',
);

describe('PNL-6 hand-off: HsbAimCaseRequested carries what an HSB AIM case needs to start', () => {
  it('PNL-6: the request carries the child, summary, disclosure, behaviour date, notifications and the referrer', () => {
    const received = spec.given([]).when(receive()).events();
    const [, requested] = spec.given(received).when(decide).events();
    expect(requested).toEqual({
      type: 'HsbAimCaseRequested',
      data: {
        referralId: 'R1',
        at: '2026-03-02T15:00:00Z',
        child,
        concernSummary: 'Invented concern',
        behaviourTypes: ['contact'],
        route: 'aim-assessment',
        rating: 'red',
        ageBand: '9-13',
        sittingId: '2026-03',
        referrer,
        referredAt: receivedAt,
        concern,
      },
    });
  });
  it('HSB-6 / HSB-1: facts the referral gets wrong are refused where they are named', () => {
    spec
      .given([])
      .when(receive({ disclosedAt: '2026-02-03T10:00:00Z' }))
      .thenRejects('INPUT', { field: 'data.concern.disclosedAt' });
    spec
      .given([])
      .when(receive({ behaviourDate: '2010-01-01' }))
      .thenRejects('INPUT', { field: 'data.concern.behaviourDate' });
    spec
      .given([])
      .when(receive({ notifications: { police: '2026-02-05T10:00:00Z' } }))
      .thenRejects('INPUT', { field: 'data.concern.notifications.police' });
  });
  it('PNL-3: a referral without the concern’s facts is still taken; the request says what is unknown by leaving it out', () => {
    const received = spec.given([]).when(receive({})).events();
    const [, requested] = spec.given(received).when(decide).events();
    expect(requested?.data).toMatchObject({ concern: {}, referrer, referredAt: receivedAt });
  });
});
