/** The state of one panel referral. */
import type {
  BehaviourType,
  Booking,
  Child,
  ConcernFacts,
  Professional,
  Rating,
} from '../values.js';

export interface ReferralDecision {
  readonly at: string;
  readonly sittingId: string;
  readonly route: string;
  readonly rating: Rating;
  readonly ageBand: string;
}

export interface ReferralState {
  readonly referralId: string | null;
  readonly receivedAt: string | null;
  readonly child: Child | null;
  readonly concernSummary: string | null;
  /** PNL-5: who referred (and is expected to present). */
  readonly referrer: Professional | null;
  /** What the referral knows of the concern for an HSB AIM case (`{}` when nothing). */
  readonly concern: ConcernFacts;
  /** PNL-5: the referrer's attendance at each sitting, as last recorded. */
  readonly referrerAttendance: ReadonlyArray<{
    readonly sittingId: string;
    readonly present: boolean;
    readonly presenter: Professional | null;
  }>;
  readonly behaviourTypes: ReadonlyArray<BehaviourType>;
  readonly booking: Booking | null;
  /** When the current booking was made (the trigger of its PNL-4 deadline). */
  readonly bookedAt: string | null;
  readonly papersSent: { readonly at: string; readonly sittingId: string } | null;
  readonly decision: ReferralDecision | null;
  /** PNL-10: the rating now, and when the review clock last started (decision or review). */
  readonly rating: Rating | null;
  readonly ratingHistory: ReadonlyArray<{
    readonly at: string;
    readonly rating: Rating;
    readonly event: string;
  }>;
  readonly closed: { readonly at: string; readonly reason: string } | null;
}

export const initialReferralState: ReferralState = {
  referralId: null,
  receivedAt: null,
  child: null,
  concernSummary: null,
  referrer: null,
  concern: {},
  referrerAttendance: [],
  behaviourTypes: [],
  booking: null,
  bookedAt: null,
  papersSent: null,
  decision: null,
  rating: null,
  ratingHistory: [],
  closed: null,
};
