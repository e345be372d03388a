/** Folds one referral event into the state. Never fails, never validates. */
import type { PanelReferralEvent } from './events.js';
import type { ReferralState } from './state.js';

export const evolveReferral = (state: ReferralState, event: PanelReferralEvent): ReferralState => {
  switch (event.type) {
    case 'ReferralReceived':
      return {
        ...state,
        referralId: event.data.referralId,
        receivedAt: event.data.at,
        child: event.data.child,
        concernSummary: event.data.concernSummary,
        referrer: event.data.referrer,
        concern: event.data.concern ?? {},
        behaviourTypes: event.data.behaviourTypes,
      };
    case 'ReferralBooked':
      return { ...state, booking: event.data.booking, bookedAt: event.data.at };
    case 'ReferralRebooked':
      return {
        ...state,
        booking: event.data.booking,
        bookedAt: event.data.at,
        papersSent:
          state.papersSent?.sittingId === event.data.booking.sittingId ? state.papersSent : null,
      };
    case 'PapersSent':
      return {
        ...state,
        papersSent: state.papersSent ?? { at: event.data.at, sittingId: event.data.sittingId },
      };
    case 'ReferrerAttendanceRecorded': {
      const d = event.data;
      return {
        ...state,
        referrerAttendance: [
          ...state.referrerAttendance.filter((a) => a.sittingId !== d.sittingId),
          { sittingId: d.sittingId, present: d.present, presenter: d.presenter },
        ],
      };
    }
    case 'PreviousContactsShared':
    case 'HsbAimCaseRequested':
      return state;
    case 'DecisionRecorded': {
      const d = event.data;
      return {
        ...state,
        decision: {
          at: d.at,
          sittingId: d.sittingId,
          route: d.route,
          rating: d.rating,
          ageBand: d.ageBand,
        },
        rating: d.rating,
        ratingHistory: [
          ...state.ratingHistory,
          { at: d.at, rating: d.rating, event: 'DecisionRecorded' },
        ],
      };
    }
    case 'ReviewRecorded':
      return {
        ...state,
        rating: event.data.rating,
        ratingHistory: [
          ...state.ratingHistory,
          { at: event.data.at, rating: event.data.rating, event: 'ReviewRecorded' },
        ],
      };
    case 'ReferralClosed':
      return { ...state, closed: { at: event.data.at, reason: event.data.reason } };
  }
};
