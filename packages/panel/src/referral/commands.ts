/** Commands of a panel referral (stream `panel-referral-{referralId}`), as io-ts data codecs. */
import * as t from 'io-ts';
import { commandCatalogue, commandDataOf, personal, type CommandOf } from '@aimline/kernel';
import { PreviousContactsShared, ReferralClosed } from './events.js';
import {
  BehaviourType,
  Booking,
  Child,
  ConcernFacts,
  NonEmptyString,
  Professional,
  Rating,
  ReferralId,
  SittingFacts,
  SittingId,
} from '../values.js';

const NonEmptyBehaviours = t.refinement(
  t.array(BehaviourType),
  (a) => a.length > 0,
  'NonEmptyBehaviourTypes',
);

export const referralCommandDefinitions = {
  /** PNL-3, PNL-4: the single point of access; `booking` from `bookingFor(at, schedule, …)`. */
  ReceiveReferral: t.intersection([
    t.type({
      referralId: ReferralId,
      child: Child,
      referrer: Professional,
      concernSummary: personal(NonEmptyString, 'freeText'),
      behaviourTypes: NonEmptyBehaviours,
      booking: Booking,
    }),
    /** What an HSB AIM case needs to start, when the referral knows it (hand-off, PNL-6). */
    t.partial({ concern: ConcernFacts }),
  ]),
  /** PNL-4: the booked sitting moved or was cancelled, or the referral was not reached. */
  RebookReferral: t.type({ referralId: ReferralId, booking: Booking, reason: NonEmptyString }),
  /** PNL-4: business support sends the papers to the members (the sitting and lateness derived). */
  SendPapers: t.type({ referralId: ReferralId, recipients: t.array(NonEmptyString) }),
  /** PNL-4: a member shares previous contacts and involvement. */
  SharePreviousContacts: commandDataOf(PreviousContactsShared),
  /** PNL-5: the referrer attends to present (or not, with the reason). */
  RecordReferrerAttendance: t.intersection([
    t.type({ referralId: ReferralId, sittingId: SittingId, present: t.boolean }),
    t.partial({ presenter: Professional, reason: NonEmptyString }),
  ]),
  /** PNL-6: the route and rating, on the information known then; `sitting` from `sittingFacts`. */
  RecordDecision: t.intersection([
    t.type({
      referralId: ReferralId,
      sitting: SittingFacts,
      route: NonEmptyString,
      rating: Rating,
      rationale: personal(NonEmptyString, 'freeText'),
      informationKnown: personal(NonEmptyString, 'freeText'),
    }),
    /** NAT-9: the band used; at an edge age either adjacent band, default from the policy. */
    t.partial({ ageBand: NonEmptyString }),
  ]),
  /**
   * PNL-10: a review; a changed rating is an escalation or de-escalation with its reason. A review
   * at a sitting carries the sitting's facts (`sittingFacts`): the sitting must have been held.
   */
  RecordReview: t.intersection([
    t.type({ referralId: ReferralId, rating: Rating, reason: NonEmptyString }),
    t.partial({ sitting: SittingFacts }),
  ]),
  CloseReferral: commandDataOf(ReferralClosed),
};

export const referralCommands = commandCatalogue(referralCommandDefinitions);
export type PanelReferralCommand = CommandOf<typeof referralCommandDefinitions>;
