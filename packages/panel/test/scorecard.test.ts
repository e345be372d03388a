import { describe, expect, it } from 'vitest';
import { erasedPersonalData, withheldPersonalData } from '@aimline/kernel';
import { scorecard, type PanelEvent } from '../src/index.js';
import { child } from './fixtures.js';

const received = (
  referralId: string,
  at: string,
  over: Partial<typeof child> = {},
  ageAtReferral = 11,
): PanelEvent => ({
  type: 'ReferralReceived',
  data: {
    referralId,
    at,
    child: { ...child, ...over },
    ageAtReferral,
    referrer: { id: 'sw', name: 'Ada Exampleworth', role: 'sw', agency: 'CSC' },
    concernSummary: 'Invented',
    behaviourTypes: ['online-technology-assisted', 'contact'],
  },
});

describe('PNL-11 scorecard', () => {
  it('PNL-11: counts referrals by band, gender, behaviour; ratings, routes, escalations, timeliness and repeats in the quarter', () => {
    const events: PanelEvent[] = [
      received('R0', '2025-12-01T10:00:00Z'),
      received('R1', '2026-01-10T10:00:00Z'),
      received('R2', '2026-02-10T10:00:00Z', { childId: 'C-0002', gender: 'female' }, 9),
      received('R3', '2026-04-01T10:00:00Z', { childId: 'C-0003' }),
      {
        type: 'DecisionRecorded',
        data: {
          referralId: 'R1',
          at: '2026-02-02T15:00:00Z',
          sittingId: '2026-02',
          sittingDate: '2026-02-02',
          chairedBy: 'chair',
          route: 'aim-assessment',
          rating: 'red',
          ageAtDecision: 11,
          ageBand: '9-13',
          rationale: 'x',
          informationKnown: 'y',
          caseNoteHeading: 'HSB AIM',
          minutesCategory: 'P25 2026/02/02 LEGAL MEETINGS (HSB AIM)',
        },
      },
      {
        type: 'ReviewRecorded',
        data: {
          referralId: 'R1',
          at: '2026-03-20T10:00:00Z',
          sittingId: null,
          previousRating: 'red',
          rating: 'amber',
          change: 'de-escalated',
          reason: 'x',
        },
      },
      {
        type: 'PapersSent',
        data: {
          referralId: 'R2',
          at: '2026-02-20T10:00:00Z',
          sittingId: '2026-03',
          recipients: ['a'],
          papersDue: '2026-02-19T23:59:59.999Z',
          late: true,
        },
      },
      {
        type: 'MinutesDistributed',
        data: {
          sittingId: '2026-02',
          at: '2026-02-05T10:00:00Z',
          documentCategory: 'P25',
          recipients: ['a'],
          late: false,
        },
      },
    ];
    expect(scorecard('2026-Q1', events)).toEqual({
      quarter: '2026-Q1',
      referrals: 2,
      repeatReferrals: 1,
      byAgeBand: { '9-13': 2 },
      byGender: { male: 1, female: 1 },
      byBehaviourType: { 'online-technology-assisted': 2, contact: 2 },
      byRating: { red: 1 },
      byRoute: { 'aim-assessment': 1 },
      escalations: 0,
      deEscalations: 1,
      papers: { onTime: 0, late: 1 },
      minutes: { onTime: 1, late: 0 },
    });
  });

  it('PNL-11: a referral whose child identifier is erased or withheld is never counted as a repeat of another unidentified child', () => {
    // Given two children's referrals whose identifiers were crypto-shredded (both read the
    // same erased marker) and one whose identifier is withheld from the reader, and a named
    // child referred twice
    const events: PanelEvent[] = [
      received('R-1', '2026-04-02T09:00:00Z', { childId: erasedPersonalData('identifier') }),
      received('R-2', '2026-04-03T09:00:00Z', { childId: erasedPersonalData('identifier') }),
      received('R-3', '2026-04-04T09:00:00Z', { childId: withheldPersonalData('identifier') }),
      received('R-4', '2026-04-05T09:00:00Z', { childId: 'C-77' }),
      received('R-5', '2026-05-05T09:00:00Z', { childId: 'C-77' }),
    ];
    // When the quarter's scorecard is read
    const card = scorecard('2026-Q2', events);
    // Then only the named child's second referral is a repeat
    expect(card.referrals).toBe(5);
    expect(card.repeatReferrals).toBe(1);
  });
});
