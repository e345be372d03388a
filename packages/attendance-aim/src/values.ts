/**
 * Shared io-ts value codecs of the attendance AIM process. Every field about a person (names,
 * dates of birth, schools, addresses, contact details, free text) is marked `personal()`.
 */
import * as t from 'io-ts';
import { IsoDateCodec, IsoInstantCodec } from '@aimline/calendar';
import { personal, subjectId } from '@aimline/kernel';
import { Channel as MeetingChannel, Location as MeetingLocation } from '@aimline/meetings';
import { AttendanceCodeC } from './codes.js';

/** Non-empty text. */
export const Text = new t.Type<string, string, unknown>(
  'Text',
  (u): u is string => typeof u === 'string' && u.trim().length > 0,
  (u, c) =>
    typeof u === 'string' && u.trim().length > 0
      ? t.success(u)
      : t.failure(u, c, 'expected non-empty text'),
  t.identity,
);
export const Id = Text;
/** `YYYY-MM-DD`, a real date. */
export const DateOnly = IsoDateCodec;
/** An ISO-8601 instant with offset (T-1). */
export const Instant = IsoInstantCodec;
/** Free text about a child or family. */
export const FreeText = personal(Text, 'freeText');
/** A reference to a document in the council's or school's document store (never its content). */
export const DocumentRef = Text;

export const Pupil = t.type(
  {
    pupilId: subjectId(Id, 'child'),
    firstName: personal(Text, 'name'),
    lastName: personal(Text, 'name'),
    dateOfBirth: personal(DateOnly, 'dateOfBirth'),
  },
  'Pupil',
);
export type Pupil = t.TypeOf<typeof Pupil>;

export const School = t.type({ schoolId: Id, name: personal(Text, 'school') }, 'School');
export type School = t.TypeOf<typeof School>;

export const ContactDetails = t.partial(
  {
    email: personal(Text, 'contact'),
    post: personal(Text, 'address'),
    phone: personal(Text, 'contact'),
  },
  'ContactDetails',
);

/** ATT-3, ATT-4: a parent or carer, named by first and last name; who has day-to-day responsibility. */
export const ParentCarer = t.intersection(
  [
    t.type({
      parentId: subjectId(Id, 'parent'),
      firstName: personal(Text, 'name'),
      lastName: personal(Text, 'name'),
      relationship: Text,
      dayToDayResponsibility: t.boolean,
    }),
    t.partial({ contact: ContactDetails }),
  ],
  'ParentCarer',
);
export type ParentCarer = t.TypeOf<typeof ParentCarer>;

export const SessionOfDay = t.keyof({ AM: null, PM: null }, 'SessionOfDay');

/** NAT-4: one register mark as stored. */
export const SessionMarkC = t.type(
  { date: DateOnly, session: SessionOfDay, code: AttendanceCodeC },
  'SessionMark',
);

/** A register mark as a school sends it: the code is checked by the decider (NAT-4) so the rejection names the field. */
export const IncomingMark = t.type(
  { date: DateOnly, session: SessionOfDay, code: t.string },
  'IncomingMark',
);

export const PeriodC = t.type({ from: DateOnly, to: DateOnly }, 'Period');

/** MTG-4, ATT-3: letters go individually by post or email (the meetings package's codec). */
export const Channel = MeetingChannel;
export type Channel = t.TypeOf<typeof Channel>;

/** ATT-3: the mode of an interaction with a parent. */
export const InteractionMode = t.keyof(
  {
    phone: null,
    email: null,
    post: null,
    'in-person': null,
    'home-visit': null,
    'video-call': null,
    'text-message': null,
  },
  'InteractionMode',
);

/** Where a meeting takes place: the meetings package's Location (a home is an address: personal). */
export const Location = MeetingLocation;
export type Location = t.TypeOf<typeof Location>;

/** ATT-2: the setting of the AIM: at school, at the family's home, or at a neutral place. */
export const Setting = t.keyof({ school: null, home: null, neutral: null }, 'Setting');

export const AimVenue = t.type({ setting: Setting, location: Location }, 'AimVenue');
export type AimVenue = t.TypeOf<typeof AimVenue>;

/** ATT-1: how the family engaged with a support step. */
export const Engagement = t.keyof(
  { engaged: null, 'partly-engaged': null, 'not-engaged': null },
  'Engagement',
);

export const SupportStep = t.type(
  { description: FreeText, startedOn: DateOnly, engagement: Engagement },
  'SupportStep',
);

/** ATT-4: roles at the AIM. */
export const AttendeeRole = t.keyof(
  {
    pupil: null,
    'parent-carer': null,
    'attendance-lead': null,
    'senior-leader': null,
    'outside-agency': null,
    'school-staff': null,
  },
  'AttendeeRole',
);
export type AttendeeRole = t.TypeOf<typeof AttendeeRole>;

/** One person present at the AIM. A parent or carer is named by `parentId`; a professional by `personId`. */
export const Attendee = t.intersection(
  [
    t.type({ role: AttendeeRole }),
    t.partial({
      parentId: subjectId(Id, 'parent'),
      personId: subjectId(Id, 'professional'),
      name: personal(Text, 'name'),
      agency: Text,
    }),
  ],
  'Attendee',
);
export type Attendee = t.TypeOf<typeof Attendee>;

/** ATT-6: the parties that carry targets and next steps. */
export const Party = t.keyof({ pupil: null, parents: null, school: null, agency: null }, 'Party');
export type Party = t.TypeOf<typeof Party>;

/** ATT-6, ATT-7: a target evaluated from the attendance recorded between the AIM and its review. */
export const TargetMeasure = t.union(
  [
    t.type({ kind: t.literal('maxUnauthorisedSessions'), value: t.number }),
    t.type({ kind: t.literal('maxAbsenceSessions'), value: t.number }),
    t.type({ kind: t.literal('minAttendanceRate'), value: t.number }),
  ],
  'TargetMeasure',
);
export type TargetMeasure = t.TypeOf<typeof TargetMeasure>;

/** ATT-6: a target; without `measure` it is free text and the reviewer evaluates it. */
export const Target = t.intersection(
  [
    t.type({ targetId: Id, party: Party, wording: FreeText }),
    t.partial({ measure: TargetMeasure }),
  ],
  'Target',
);
export type Target = t.TypeOf<typeof Target>;

export const NextStep = t.type({ party: Party, action: FreeText }, 'NextStep');
export const Strategy = t.type({ description: FreeText, isNew: t.boolean }, 'Strategy');

/** ATT-3: who said a direct quote. */
export const Speaker = t.union(
  [t.type({ kind: t.literal('pupil') }), t.type({ kind: t.literal('parent'), parentId: Id })],
  'Speaker',
);

export const Officer = t.type(
  { officerId: subjectId(Id, 'professional'), name: personal(Text, 'name') },
  'Officer',
);

/**
 * ATT-2: what the letter inviting a parent to the AIM says. Every part is optional in the codec
 * so that a missing one is rejected by the decider under ATT-2, naming the field.
 */
export const LetterContent = t.partial(
  {
    addressedTo: t.type({ firstName: personal(Text, 'name'), lastName: personal(Text, 'name') }),
    statesRiskOfProsecution: t.boolean,
    meetingDate: DateOnly,
    /** Local time in England, `HH:MM`. */
    meetingTime: t.string,
    venue: personal(Text, 'address'),
    invitesToSayIfCannotAttend: t.boolean,
    offersReasonableAdjustments: t.boolean,
    offersHomeOrNeutralVenue: t.boolean,
  },
  'LetterContent',
);
export type LetterContent = t.TypeOf<typeof LetterContent>;

/** ATT-5: what happens after an AIM that must not proceed. */
export const NextStepAfterNotHeld = t.type(
  {
    action: t.keyof({
      rearrange: null,
      'home-visit': null,
      'meet-pupil-separately': null,
      'consult-inclusion-officer': null,
      other: null,
    }),
    note: FreeText,
  },
  'NextStepAfterNotHeld',
);

/** A parent's answer to the AIM letter (ATT-2: invited to say if they cannot attend). */
export const LetterResponse = t.type(
  {
    meetingId: Id,
    answer: t.keyof({ 'will-attend': null, 'cannot-attend': null, 'requests-adjustment': null }),
  },
  'LetterResponse',
);

/** ATT-10, NAT-7: the education supervision order must be considered before prosecuting. */
export const EsoConsideration = t.type(
  { decision: t.keyof({ apply: null, 'not-appropriate': null }), reason: FreeText },
  'EsoConsideration',
);

/** NAT-7: the steps of the escalation ladder after support. */
export const LegalStep = t.union(
  [
    t.intersection([
      t.type({
        kind: t.literal('attendance-contract'),
        agreedOn: DateOnly,
        parentIds: t.array(Id),
      }),
      t.partial({ reviewOn: DateOnly }),
    ]),
    t.type({
      kind: t.literal('notice-to-improve'),
      issuedOn: DateOnly,
      parentIds: t.array(Id),
      improvementPeriodWeeks: t.number,
    }),
    t.type({ kind: t.literal('penalty-notice'), issuedOn: DateOnly, parentId: Id }),
    t.type({ kind: t.literal('education-supervision-order'), appliedOn: DateOnly }),
    t.type({
      kind: t.literal('prosecution'),
      laidOn: DateOnly,
      parentIds: t.array(Id),
      section: t.keyof({ 's444(1)': null, 's444(1A)': null }),
    }),
  ],
  'LegalStep',
);
export type LegalStep = t.TypeOf<typeof LegalStep>;

/** NAT-7: what a penalty notice costs, derived when it is issued. */
export const PenaltyTerms = t.type(
  {
    /** 1 = first within the limit, 2 = second. */
    sequence: t.number,
    reducedAmount: t.union([t.number, t.null]),
    reducedDueOn: t.union([DateOnly, t.null]),
    amount: t.number,
    dueOn: DateOnly,
  },
  'PenaltyTerms',
);
export type PenaltyTerms = t.TypeOf<typeof PenaltyTerms>;

/**
 * NAT-7: a penalty notice another of the pupil's cases issued (`priorPenaltyNoticesFor`), given
 * to a command so the 3-year limits count across the pupil's cases.
 */
export const PriorPenaltyNotice = t.type(
  { pupilId: Id, caseId: Id, stepId: Id, parentId: Id, issuedOn: DateOnly },
  'PriorPenaltyNotice',
);
export type PriorPenaltyNotice = t.TypeOf<typeof PriorPenaltyNotice>;
