/** PNL-4, PNL-10: a referral's deadlines as calendar `Deadline` values (T-6). */
import { deadlineOf, type Calendar, type Deadline, type DeadlineSpec } from '@aimline/calendar';
import type { PanelPolicy } from '../policy.js';
import type { ReferralState } from './state.js';

/** The referral's closing: it waives what it leaves outstanding, never what was met. */
const closing = (state: ReferralState): DeadlineSpec['waived'] =>
  state.closed === null
    ? undefined
    : { reason: state.closed.reason, at: state.closed.at, ifUnmet: true };

/** PNL-4: the papers reach the members before the sitting the referral is booked into. */
const papersDeadline = (
  state: ReferralState,
  policy: PanelPolicy,
  calendar: Calendar,
): Deadline[] => {
  if (state.booking === null || state.bookedAt === null) return [];
  return [
    deadlineOf(
      {
        ruleId: 'PNL-4',
        label: `Referral papers to panel members for sitting ${state.booking.sittingId}`,
        trigger: { event: 'ReferralBooked', at: state.bookedAt },
        unit: 'workingDaysBefore',
        amount: policy.papersWorkingDaysBefore,
        start: state.booking.sittingStart,
        startDescription: 'the panel sitting',
        metAt: state.papersSent?.at,
        waived:
          state.decision !== null
            ? { reason: 'the panel has decided', at: state.decision.at, ifUnmet: true }
            : closing(state),
      },
      calendar,
    ),
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
    return [
      deadlineOf(
        {
          ruleId: 'PNL-10',
          label: `Review of a ${r.rating} case`,
          trigger: { event: r.event, at: r.at },
          unit: 'weeks',
          amount: policy.reviewWeeks,
          metAt: state.ratingHistory[i + 1]?.at,
          waived: closing(state),
        },
        calendar,
      ),
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
