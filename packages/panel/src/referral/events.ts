/** Events of a panel referral. Every event's data carries `referralId` and `at`. */
import * as t from 'io-ts';
import {
  defineEvent,
  eventCatalogue,
  IsoDate,
  IsoInstant,
  personal,
  primarySubject,
  type EventOf,
} from '@aimline/kernel';
import {
  BehaviourType,
  Booking,
  Child,
  ConcernFacts,
  Member,
  NonEmptyString,
  Professional,
  Rating,
  ReferralId,
  SittingId,
} from '../values.js';

const base = { referralId: ReferralId, at: IsoInstant };

/** PNL-4: a member's previous contacts and involvement. */
export const PreviousContactsShared = t.type({
  ...base,
  member: Member,
  contacts: personal(NonEmptyString, 'freeText'),
});
export const ReferralClosed = t.type({ ...base, reason: NonEmptyString });

export const referralEventDefinitions = {
  /** PNL-3 */
  ReferralReceived: defineEvent(
    t.intersection([
      t.type({
        ...base,
        child: primarySubject(Child),
        ageAtReferral: t.number,
        referrer: Professional,
        concernSummary: personal(NonEmptyString, 'freeText'),
        behaviourTypes: t.array(BehaviourType),
      }),
      /** Added later, optional: events stored before it decode unchanged. */
      t.partial({ concern: ConcernFacts }),
    ]),
  ),
  /** PNL-3, PNL-4: `booking.skipped` lists sittings it was too late for, with the reason. */
  ReferralBooked: defineEvent(t.type({ ...base, booking: Booking })),
  ReferralRebooked: defineEvent(
    t.type({ ...base, from: Booking, booking: Booking, reason: NonEmptyString }),
  ),
  /** PNL-4: `late` when sent after the papers deadline. */
  PapersSent: defineEvent(
    t.type({
      ...base,
      sittingId: SittingId,
      recipients: t.array(NonEmptyString),
      papersDue: IsoInstant,
      late: t.boolean,
    }),
  ),
  PreviousContactsShared: defineEvent(PreviousContactsShared),
  /** PNL-5 */
  ReferrerAttendanceRecorded: defineEvent(
    t.type({
      ...base,
      sittingId: SittingId,
      present: t.boolean,
      presenter: t.union([Professional, t.null]),
      reason: t.union([NonEmptyString, t.null]),
    }),
  ),
  /** PNL-6, PNL-8, NAT-9 */
  DecisionRecorded: defineEvent(
    t.type({
      ...base,
      sittingId: SittingId,
      sittingDate: IsoDate,
      chairedBy: t.keyof({ chair: null, 'co-chair': null }),
      route: NonEmptyString,
      rating: Rating,
      ageAtDecision: t.number,
      ageBand: NonEmptyString,
      rationale: personal(NonEmptyString, 'freeText'),
      informationKnown: personal(NonEmptyString, 'freeText'),
      caseNoteHeading: t.literal('HSB AIM'),
      minutesCategory: t.string,
    }),
  ),
  /** Hand-off: what `hsb-aim` needs to open a case (another part of the system acts on it). */
  HsbAimCaseRequested: defineEvent(
    t.intersection([
      t.type({
        ...base,
        child: primarySubject(Child),
        concernSummary: personal(NonEmptyString, 'freeText'),
        behaviourTypes: t.array(BehaviourType),
        route: NonEmptyString,
        rating: Rating,
        ageBand: NonEmptyString,
        sittingId: SittingId,
      }),
      /**
       * Added later, optional (events stored before decode unchanged): who referred and when,
       * and the concern's facts hsb-aim's `ReportConcern` takes (disclosure, behaviour date,
       * notifications), as the referral recorded them.
       */
      t.partial({ referrer: Professional, referredAt: IsoInstant, concern: ConcernFacts }),
    ]),
  ),
  /** PNL-10 */
  ReviewRecorded: defineEvent(
    t.type({
      ...base,
      sittingId: t.union([SittingId, t.null]),
      previousRating: Rating,
      rating: Rating,
      change: t.keyof({ escalated: null, 'de-escalated': null, unchanged: null }),
      reason: NonEmptyString,
    }),
  ),
  ReferralClosed: defineEvent(ReferralClosed),
};

export const referralEvents = eventCatalogue(referralEventDefinitions);
export type PanelReferralEvent = EventOf<typeof referralEventDefinitions>;
