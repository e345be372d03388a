/**
 * Shared io-ts value codecs of the panel. Every field about a person is marked `personal(…)`.
 */
import * as t from 'io-ts';
import { IsoDate, IsoInstant, NonEmptyString, personal, subjectId } from '@aimline/kernel';

export { NonEmptyString };

/** `yyyy-mm`: a sitting's id is the month it belongs to (stream `panel-sitting-{yyyy-mm}`). */
export const SittingId = t.refinement(
  t.string,
  (s) => /^\d{4}-(0[1-9]|1[0-2])$/.test(s),
  'SittingId',
);
export type SittingId = t.TypeOf<typeof SittingId>;

/** A referral id: letters, digits, dashes (it is part of a stream name). */
export const ReferralId = t.refinement(
  t.string,
  (s) => /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/.test(s),
  'ReferralId',
);

/** PNL-6 / NAT-9: the traffic light tool's ratings. */
export const Rating = t.keyof({ green: null, amber: null, red: null }, 'Rating');
export type Rating = t.TypeOf<typeof Rating>;

/** PNL-11: the kind of behaviour, including online / technology-assisted. */
export const BehaviourType = t.keyof(
  { contact: null, 'non-contact': null, 'online-technology-assisted': null, other: null },
  'BehaviourType',
);
export type BehaviourType = t.TypeOf<typeof BehaviourType>;

/** PNL-11: gender as recorded on the child's file. */
export const Gender = t.keyof(
  { female: null, male: null, other: null, 'not-recorded': null },
  'Gender',
);
export type Gender = t.TypeOf<typeof Gender>;

/** The child referred. `childId` is the council's case-system identifier (for repeat referrals). */
export const Child = t.type(
  {
    childId: personal(subjectId(NonEmptyString, 'child'), 'identifier'),
    name: personal(NonEmptyString, 'name'),
    dateOfBirth: personal(IsoDate, 'dateOfBirth'),
    gender: personal(Gender, 'specialCategory'),
  },
  'Child',
);
export type Child = t.TypeOf<typeof Child>;

/** A work identity: who someone is at work (their name is personal data). */
const workIdentity = {
  name: personal(NonEmptyString, 'name'),
  role: NonEmptyString,
  agency: NonEmptyString,
};

/** A professional (referrer, panel member, action owner): a work identity. */
export const Professional = t.type(
  { id: subjectId(NonEmptyString, 'professional'), ...workIdentity },
  'Professional',
);
export type Professional = t.TypeOf<typeof Professional>;

/** PNL-2: a named representative in a panel seat (role id from the policy). */
export const Member = t.type(
  { memberId: subjectId(NonEmptyString, 'professional'), ...workIdentity },
  'Member',
);
export type Member = t.TypeOf<typeof Member>;

/** PNL-4: the sitting a referral is booked into and why (computed by `bookingFor`). */
export const Booking = t.type(
  {
    sittingId: SittingId,
    sittingDate: IsoDate,
    sittingStart: IsoInstant,
    papersDue: IsoInstant,
    /** Earlier sittings the referral could not make, each with the reason (PNL-4, visibly). */
    skipped: t.array(t.type({ sittingId: SittingId, reason: t.string })),
  },
  'Booking',
);
export type Booking = t.TypeOf<typeof Booking>;

/** What a referral's decision needs to know about the sitting (computed by `sittingFacts`). */
export const SittingFacts = t.type(
  {
    sittingId: SittingId,
    date: IsoDate,
    held: t.boolean,
    cancelled: t.boolean,
    /** PNL-2: who chaired, null when neither the chair nor the co-chair attended. */
    chairedBy: t.union([t.literal('chair'), t.literal('co-chair'), t.null]),
  },
  'SittingFacts',
);
export type SittingFacts = t.TypeOf<typeof SittingFacts>;

/**
 * What an HSB AIM case needs about the concern that a referral may already know (hsb-aim's
 * `ReportConcern`): when it was disclosed, when the behaviour happened (HSB-6: age at the time of
 * the behaviour) and when children's social care and the police were told (HSB-1).
 */
export const ConcernFacts = t.exact(
  t.partial(
    {
      disclosedAt: IsoInstant,
      behaviourDate: IsoDate,
      notifications: t.exact(t.partial({ childrensSocialCare: IsoInstant, police: IsoInstant })),
    },
    'ConcernFacts',
  ),
);
export type ConcernFacts = t.TypeOf<typeof ConcernFacts>;
