/** Folds one referral event into the state, one fold per event type. Never fails, never validates. */
import { appended, evolveBy } from '@aimline/kernel';
import type { Rating } from '../values.js';
import type { PanelReferralEvent } from './events.js';
import type { ReferralState } from './state.js';

/** PNL-10: the referral's rating now, given at `at` by `event`, and a line of its history. */
const rated = (state: ReferralState, rating: Rating, at: string, event: string): ReferralState => ({
  ...appended(state, 'ratingHistory', { at, rating, event }),
  rating,
});

export const evolveReferral = evolveBy<PanelReferralEvent, ReferralState>({
  ReferralReceived: (state, d) => ({
    ...state,
    referralId: d.referralId,
    receivedAt: d.at,
    child: d.child,
    concernSummary: d.concernSummary,
    referrer: d.referrer,
    concern: d.concern ?? {},
    behaviourTypes: d.behaviourTypes,
  }),
  ReferralBooked: (state, { booking, at }) => ({ ...state, booking, bookedAt: at }),
  ReferralRebooked: (state, { booking, at }) => ({
    ...state,
    booking,
    bookedAt: at,
    papersSent: state.papersSent?.sittingId === booking.sittingId ? state.papersSent : null,
  }),
  PapersSent: (state, { at, sittingId }) => ({
    ...state,
    papersSent: state.papersSent ?? { at, sittingId },
  }),
  ReferrerAttendanceRecorded: (state, { sittingId, present, presenter }) => ({
    ...state,
    referrerAttendance: [
      ...state.referrerAttendance.filter((a) => a.sittingId !== sittingId),
      { sittingId, present, presenter },
    ],
  }),
  PreviousContactsShared: (state) => state,
  HsbAimCaseRequested: (state) => state,
  DecisionRecorded: (state, { at, sittingId, route, rating, ageBand }) => ({
    ...rated(state, rating, at, 'DecisionRecorded'),
    decision: { at, sittingId, route, rating, ageBand },
  }),
  ReviewRecorded: (state, { at, rating }) => rated(state, rating, at, 'ReviewRecorded'),
  ReferralClosed: (state, { at, reason }) => ({ ...state, closed: { at, reason } }),
});
