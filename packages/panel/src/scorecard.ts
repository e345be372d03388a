/**
 * PNL-11: the quarterly scorecard for the safeguarding partnership, as a pure fold over the
 * panel's events (every event carries its `referralId` or `sittingId`, so a flat list will do).
 * Referrals count in the quarter they were received; decisions, reviews, papers and minutes in
 * the quarter they happened (Europe/London dates).
 */
import { compareInstants, localDate } from '@aimline/calendar';
import type { PanelReferralEvent } from './referral/events.js';
import type { PanelSittingEvent } from './sitting/events.js';
import { defaultBandForAge } from './brook.js';
import { defaultPanelPolicy, type PanelPolicy } from './policy.js';

export type PanelEvent = PanelReferralEvent | PanelSittingEvent;

export interface Scorecard {
  /** `YYYY-Qn` */
  readonly quarter: string;
  readonly referrals: number;
  readonly repeatReferrals: number;
  readonly byAgeBand: Record<string, number>;
  readonly byGender: Record<string, number>;
  /** A referral with several behaviour types counts once under each. */
  readonly byBehaviourType: Record<string, number>;
  readonly byRating: Record<string, number>;
  readonly byRoute: Record<string, number>;
  readonly escalations: number;
  readonly deEscalations: number;
  readonly papers: { readonly onTime: number; readonly late: number };
  readonly minutes: { readonly onTime: number; readonly late: number };
}

/** `YYYY-Qn` of an instant's London date. */
export const quarterOf = (instant: string): string => {
  const d = localDate(instant);
  return `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
};

const bump = (r: Record<string, number>, k: string): void => {
  r[k] = (r[k] ?? 0) + 1;
};

export const scorecard = (
  quarter: string,
  events: ReadonlyArray<PanelEvent>,
  policy: PanelPolicy = defaultPanelPolicy,
): Scorecard => {
  const card = {
    quarter,
    referrals: 0,
    repeatReferrals: 0,
    byAgeBand: {} as Record<string, number>,
    byGender: {} as Record<string, number>,
    byBehaviourType: {} as Record<string, number>,
    byRating: {} as Record<string, number>,
    byRoute: {} as Record<string, number>,
    escalations: 0,
    deEscalations: 0,
    papers: { onTime: 0, late: 0 },
    minutes: { onTime: 0, late: 0 },
  };
  const received = events
    .filter(
      (e): e is Extract<PanelEvent, { type: 'ReferralReceived' }> => e.type === 'ReferralReceived',
    )
    .sort((a, b) => compareInstants(a.data.at, b.data.at));
  const seenChildren = new Set<string>();
  for (const e of received) {
    const repeat = seenChildren.has(e.data.child.childId);
    seenChildren.add(e.data.child.childId);
    if (quarterOf(e.data.at) !== quarter) continue;
    card.referrals++;
    if (repeat) card.repeatReferrals++;
    bump(card.byAgeBand, defaultBandForAge(policy, e.data.ageAtReferral)?.id ?? 'none');
    bump(card.byGender, e.data.child.gender);
    for (const b of e.data.behaviourTypes) bump(card.byBehaviourType, b);
  }
  for (const e of events) {
    if (e.type === 'ReferralReceived' || quarterOf(e.data.at) !== quarter) continue;
    switch (e.type) {
      case 'DecisionRecorded':
        bump(card.byRating, e.data.rating);
        bump(card.byRoute, e.data.route);
        break;
      case 'ReviewRecorded':
        if (e.data.change === 'escalated') card.escalations++;
        if (e.data.change === 'de-escalated') card.deEscalations++;
        break;
      case 'PapersSent':
        if (e.data.late) card.papers.late++;
        else card.papers.onTime++;
        break;
      case 'MinutesDistributed':
        if (e.data.late) card.minutes.late++;
        else card.minutes.onTime++;
        break;
      default:
        break;
    }
  }
  return card;
};
