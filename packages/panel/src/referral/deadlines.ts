/** PNL-4, PNL-10: a referral's deadlines as calendar `Deadline` values (T-6). */
import { deadline, meet, waive, type Calendar, type Deadline } from '@aimline/calendar';
import type { PanelPolicy } from '../policy.js';
import type { ReferralState } from './state.js';

/** PNL-4: the papers reach the members before the sitting the referral is booked into. */
const papersDeadline = (
  state: ReferralState,
  policy: PanelPolicy,
  calendar: Calendar,
): Deadline[] => {
  if (state.booking === null || state.bookedAt === null) return [];
  const papers = deadline({
    ruleId: 'PNL-4',
    label: `Referral papers to panel members for sitting ${state.booking.sittingId}`,
    trigger: { event: 'ReferralBooked', at: state.bookedAt },
    unit: 'workingDaysBefore',
    amount: policy.papersWorkingDaysBefore,
    calendar,
    start: state.booking.sittingStart,
    startDescription: 'the panel sitting',
  });
  return [
    state.papersSent !== null
      ? meet(papers, state.papersSent.at)
      : state.decision !== null
        ? waive(papers, 'the panel has decided', state.decision.at)
        : state.closed !== null
          ? waive(papers, state.closed.reason, state.closed.at)
          : papers,
  ];
};

/** PNL-10: each red / amber rating starts a review clock, met by the next review. */
const reviewDeadlines = (
  state: ReferralState,
  policy: PanelPolicy,
  calendar: Calendar,
): Deadline[] =>
  state.ratingHistory.flatMap((r, i) => {
    if (!policy.reviewedRatings.includes(r.rating)) return [];
    const review = deadline({
      ruleId: 'PNL-10',
      label: `Review of a ${r.rating} case`,
      trigger: { event: r.event, at: r.at },
      unit: 'weeks',
      amount: policy.reviewWeeks,
      calendar,
    });
    const next = state.ratingHistory[i + 1];
    return [
      next !== undefined
        ? meet(review, next.at)
        : state.closed !== null
          ? waive(review, state.closed.reason, state.closed.at)
          : review,
    ];
  });

export const referralDeadlines = (
  state: ReferralState,
  policy: PanelPolicy,
  calendar: Calendar,
): Deadline[] => [
  ...papersDeadline(state, policy, calendar),
  ...reviewDeadlines(state, policy, calendar),
];
