/**
 * PNL-11: the quarterly scorecard for the safeguarding partnership: what it counts, and the
 * quarter of an instant. The fold itself is `scorecard-tally.ts` (`scorecard`, and the running
 * tally a replay keeps). Referrals count in the quarter they were received; decisions, reviews,
 * papers and minutes in the quarter they happened (Europe/London dates).
 */
import { localDate } from '@aimline/calendar';
import type { PanelReferralEvent } from './referral/events.js';
import type { PanelSittingEvent } from './sitting/events.js';

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
