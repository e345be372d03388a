import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { fold } from '@aimline/kernel';
import {
  panelDeadlines,
  makeReferralDecider,
  type PanelReferralEvent,
  type SittingFacts,
} from '../src/index.js';
import { bookingAt, calendar, child, policy, referralCmd, referrer } from './fixtures.js';

const decider = makeReferralDecider();
const spec = deciderSpec(decider);
const receivedAt = '2026-02-02T10:00:00Z';
const booking = bookingAt(receivedAt);
const receive = referralCmd(
  'ReceiveReferral',
  {
    referralId: 'R1',
    child,
    referrer,
    concernSummary: 'Invented concern',
    behaviourTypes: ['online-technology-assisted'],
    booking,
  },
  receivedAt,
);
const received = spec.given([]).when(receive).events();
const held: SittingFacts = {
  sittingId: booking.sittingId,
  date: booking.sittingDate,
  held: true,
  cancelled: false,
  chairedBy: 'co-chair',
};
const decide = (
  over: Partial<{
    sitting: SittingFacts;
    route: string;
    ageBand: string;
    rating: 'red' | 'amber' | 'green';
  }> = {},
) =>
  referralCmd(
    'RecordDecision',
    {
      referralId: 'R1',
      sitting: held,
      route: 'aim-assessment',
      rating: 'amber',
      rationale: 'Invented rationale',
      informationKnown: 'Invented facts',
      ...over,
    },
    '2026-03-02T15:00:00Z',
  );
const decided = (rating: 'red' | 'amber' | 'green' = 'amber'): PanelReferralEvent[] => [
  ...received,
  ...spec.given(received).when(decide({ rating })).events(),
];

describe('PNL-3 single point of access', () => {
  it('PNL-3: a referral is received and booked into a slot on a sitting', () => {
    expect(received.map((e) => e.type)).toEqual(['ReferralReceived', 'ReferralBooked']);
    expect(received[1]?.data).toMatchObject({
      booking: { sittingId: '2026-03', sittingDate: '2026-03-02' },
    });
  });
  it('PNL-3: a child under 5 is rejected, naming the date of birth', () => {
    spec
      .given([])
      .when({
        ...receive,
        data: { ...receive.data, child: { ...child, dateOfBirth: '2021-06-01' } },
      })
      .thenRejects('PNL-3', { field: 'data.child.dateOfBirth' });
  });
  it('PNL-3: a 19-year-old is rejected; an 18-year-old is taken', () => {
    spec
      .given([])
      .when({
        ...receive,
        data: { ...receive.data, child: { ...child, dateOfBirth: '2007-02-01' } },
      })
      .thenRejects('PNL-3', { field: 'data.child.dateOfBirth' });
    expect(
      spec
        .given([])
        .when({
          ...receive,
          data: { ...receive.data, child: { ...child, dateOfBirth: '2007-02-03' } },
        })
        .events(),
    ).toHaveLength(2);
  });
  it('PNL-3: a decision at a sitting the referral is not booked into is rejected', () => {
    spec
      .given(received)
      .when(decide({ sitting: { ...held, sittingId: '2026-04' } }))
      .thenRejects('PNL-3', { field: 'data.sitting.sittingId' });
  });
});

describe('PNL-4 papers seven working days before', () => {
  it('PNL-4: a referral after the papers deadline goes to the next sitting, visibly', () => {
    // Papers for Mon 2 Mar 2026 are due by the end of Thu 19 Feb (7 working days before); a referral on Fri 20 Feb goes to April.
    const late = bookingAt('2026-02-20T09:00:00Z');
    expect(late.sittingId).toBe('2026-04');
    expect(late.skipped).toEqual([
      { sittingId: '2026-03', reason: expect.stringMatching(/PNL-4/) as string },
    ]);
    expect(bookingAt('2026-02-19T16:00:00Z').sittingId).toBe('2026-03');
  });
  it('PNL-4: booking into a sitting whose papers deadline has passed is rejected', () => {
    spec
      .given([])
      .when({ ...receive, at: '2026-02-23T09:00:00Z' })
      .thenRejects('PNL-4', { field: 'data.booking.sittingId' });
  });
  it('PNL-4: the papers deadline is met by sending them, late papers are recorded as late', () => {
    const sent = spec
      .given(received)
      .when(
        referralCmd(
          'SendPapers',
          { referralId: 'R1', recipients: ['police-1'] },
          '2026-02-18T10:00:00Z',
        ),
      )
      .events();
    const [papers] = panelDeadlines(fold(decider)([...received, ...sent]), policy, calendar);
    expect(papers).toMatchObject({
      ruleId: 'PNL-4',
      unit: 'workingDaysBefore',
      amount: 7,
      due: '2026-02-19T23:59:59.999Z',
      status: { kind: 'met' },
    });
    const late = spec
      .given(received)
      .when(
        referralCmd(
          'SendPapers',
          { referralId: 'R1', recipients: ['police-1'] },
          '2026-02-25T10:00:00Z',
        ),
      )
      .events();
    expect(late[0]?.data).toMatchObject({ late: true });
  });
  it('PNL-4: rebooking keeps one booking and records where from and why', () => {
    const next = bookingAt('2026-03-03T09:00:00Z');
    const events = spec
      .given(received)
      .when(
        referralCmd(
          'RebookReferral',
          { referralId: 'R1', booking: next, reason: 'the March sitting was cancelled' },
          '2026-02-10T09:00:00Z',
        ),
      )
      .events();
    expect(events[0]).toMatchObject({
      type: 'ReferralRebooked',
      data: { from: { sittingId: '2026-03' }, booking: { sittingId: '2026-04' } },
    });
  });
});

describe('PNL-5 the referrer presents', () => {
  it('PNL-5: a referrer who does not attend needs a recorded reason', () => {
    spec
      .given(received)
      .when(
        referralCmd(
          'RecordReferrerAttendance',
          { referralId: 'R1', sittingId: '2026-03', present: false },
          '2026-03-02T13:30:00Z',
        ),
      )
      .thenRejects('PNL-5', { field: 'data.reason' });
    const ok = spec
      .given(received)
      .when(
        referralCmd(
          'RecordReferrerAttendance',
          { referralId: 'R1', sittingId: '2026-03', present: true, presenter: referrer },
          '2026-03-02T13:30:00Z',
        ),
      )
      .events();
    expect(ok[0]?.data).toMatchObject({ present: true, presenter: referrer, reason: null });
  });
  it('PNL-4: members share previous contacts before the decision', () => {
    const shared = spec
      .given(received)
      .when(
        referralCmd(
          'SharePreviousContacts',
          {
            referralId: 'R1',
            member: {
              memberId: 'p1',
              name: 'Lee Fictional',
              role: 'police',
              agency: 'Testshire Police',
            },
            contacts: 'Invented contact',
          },
          '2026-02-25T10:00:00Z',
        ),
      )
      .events();
    expect(shared[0]?.type).toBe('PreviousContactsShared');
  });
});

describe('PNL-6, PNL-8, NAT-9 decisions', () => {
  it('PNL-6: the decision records route, rating, band, rationale and information known, and hands off to hsb-aim', () => {
    const events = spec.given(received).when(decide()).events();
    expect(events[0]).toEqual({
      type: 'DecisionRecorded',
      data: {
        referralId: 'R1',
        at: '2026-03-02T15:00:00Z',
        sittingId: '2026-03',
        sittingDate: '2026-03-02',
        chairedBy: 'co-chair',
        route: 'aim-assessment',
        rating: 'amber',
        ageAtDecision: 11,
        ageBand: '9-13',
        rationale: 'Invented rationale',
        informationKnown: 'Invented facts',
        caseNoteHeading: 'HSB AIM',
        minutesCategory: 'P25 2026/03/02 LEGAL MEETINGS (HSB AIM)',
      },
    });
    expect(events[1]).toMatchObject({
      type: 'HsbAimCaseRequested',
      data: { child, route: 'aim-assessment', concernSummary: 'Invented concern' },
    });
  });
  it('PNL-6: a route the panel does not know is rejected; a route that opens no case hands nothing off', () => {
    spec
      .given(received)
      .when(decide({ route: 'teleport' }))
      .thenRejects('PNL-6', { field: 'data.route' });
    expect(
      spec
        .given(received)
        .when(decide({ route: 'early-help' }))
        .events()
        .map((e) => e.type),
    ).toEqual(['DecisionRecorded']);
  });
  it('PNL-2: a sitting without its chair or co-chair cannot record decisions', () => {
    spec
      .given(received)
      .when(decide({ sitting: { ...held, chairedBy: null } }))
      .thenRejects('PNL-2', { field: 'data.sitting.chairedBy' });
  });
  it('PNL-8: the case-note heading is "HSB AIM" and the minutes category carries the sitting date', () => {
    const [d] = spec.given(received).when(decide()).events();
    expect(d?.data).toMatchObject({
      caseNoteHeading: 'HSB AIM',
      minutesCategory: 'P25 2026/03/02 LEGAL MEETINGS (HSB AIM)',
    });
  });
  it('NAT-9: at an edge age (9) the default is the older band, the younger may be chosen, a wrong band is rejected', () => {
    const nine = { ...child, dateOfBirth: '2017-01-10' };
    const r = spec
      .given([])
      .when({ ...receive, data: { ...receive.data, child: nine } })
      .events();
    expect(spec.given(r).when(decide()).events()[0]?.data).toMatchObject({
      ageAtDecision: 9,
      ageBand: '9-13',
    });
    expect(
      spec
        .given(r)
        .when(decide({ ageBand: '5-9' }))
        .events()[0]?.data,
    ).toMatchObject({ ageBand: '5-9' });
    spec
      .given(r)
      .when(decide({ ageBand: '13-17' }))
      .thenRejects('NAT-9', { field: 'data.ageBand' });
  });
});

describe('PNL-10 reviews', () => {
  it('PNL-10: an amber case is due for review 12 weeks after the decision; a review meets it and records escalation', () => {
    const history = decided('amber');
    const [, review] = panelDeadlines(fold(decider)(history), policy, calendar);
    expect(review).toMatchObject({
      ruleId: 'PNL-10',
      unit: 'weeks',
      amount: 12,
      due: '2026-05-25T22:59:59.999Z',
      status: { kind: 'open' },
    });
    const escalated = spec
      .given(history)
      .when(
        referralCmd(
          'RecordReview',
          { referralId: 'R1', rating: 'red', reason: 'Invented new concern' },
          '2026-04-20T10:00:00Z',
        ),
      )
      .events();
    expect(escalated[0]?.data).toMatchObject({
      previousRating: 'amber',
      rating: 'red',
      change: 'escalated',
    });
    const after = panelDeadlines(
      fold(decider)([...history, ...escalated]),
      policy,
      calendar,
    ).filter((d) => d.ruleId === 'PNL-10');
    expect(after.map((d) => d.status.kind)).toEqual(['met', 'open']);
  });
  it('PNL-10: a green case has no review deadline; de-escalation to green ends the cycle', () => {
    expect(
      panelDeadlines(fold(decider)(decided('green')), policy, calendar).filter(
        (d) => d.ruleId === 'PNL-10',
      ),
    ).toEqual([]);
    const history = decided('red');
    const down = spec
      .given(history)
      .when(
        referralCmd(
          'RecordReview',
          { referralId: 'R1', rating: 'green', reason: 'Invented progress' },
          '2026-04-20T10:00:00Z',
        ),
      )
      .events();
    expect(down[0]?.data).toMatchObject({ change: 'de-escalated' });
    expect(
      panelDeadlines(fold(decider)([...history, ...down]), policy, calendar)
        .filter((d) => d.ruleId === 'PNL-10')
        .map((d) => d.status.kind),
    ).toEqual(['met']);
  });
  it('PNL-10: a review at a sitting needs that sitting held ("each red and amber intervention is reviewed every 12 weeks or sooner")', () => {
    const history = decided('amber');
    const review = (sitting: SittingFacts) =>
      referralCmd(
        'RecordReview',
        { referralId: 'R1', rating: 'amber', reason: 'Invented review', sitting },
        '2026-05-05T14:00:00Z',
      );
    const may = { ...held, sittingId: '2026-05', date: '2026-05-05' };
    spec
      .given(history)
      .when(review({ ...may, held: false }))
      .thenRejects('STATE', { field: 'data.sitting.held' });
    spec
      .given(history)
      .when(review({ ...may, held: true, cancelled: true }))
      .thenRejects('STATE', { field: 'data.sitting.held' });
    expect(spec.given(history).when(review(may)).events()).toMatchObject([
      { type: 'ReviewRecorded', data: { sittingId: '2026-05', change: 'unchanged' } },
    ]);
  });
  it('PNL-10: a review outside a sitting ("or sooner if required") names no sitting', () => {
    expect(
      spec
        .given(decided('red'))
        .when(
          referralCmd(
            'RecordReview',
            { referralId: 'R1', rating: 'red', reason: 'Invented check-in' },
            '2026-04-01T10:00:00Z',
          ),
        )
        .events(),
    ).toMatchObject([{ type: 'ReviewRecorded', data: { sittingId: null } }]);
  });
  it('PNL-10: a review before any decision is rejected', () => {
    spec
      .given(received)
      .when(
        referralCmd(
          'RecordReview',
          { referralId: 'R1', rating: 'red', reason: 'x' },
          '2026-02-20T10:00:00Z',
        ),
      )
      .thenRejects('STATE', { field: 'data.referralId' });
  });
});
