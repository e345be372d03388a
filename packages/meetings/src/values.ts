/**
 * Shared value codecs of the meeting process (source 000). Every field about a person
 * (names, contact details, addresses, free text) is marked with the kernel's `personal()`.
 */
import * as t from 'io-ts';
import { Agency, IsoDate, personal, subjectId } from '@aimline/kernel';

/** A non-empty string (ids, roles, agencies): a plain `string` once decoded. */
export const NonEmptyString = new t.Type<string, string, unknown>(
  'NonEmptyString',
  (u): u is string => typeof u === 'string' && u.trim().length > 0,
  (u, c) => (typeof u === 'string' && u.trim().length > 0 ? t.success(u) : t.failure(u, c)),
  t.identity,
);

/** What the meeting is for. `other` covers any meeting the three processes have not named. */
export const MeetingKind = t.keyof(
  {
    'hsb-initial-aim': null,
    'hsb-review': null,
    'hsb-exit': null,
    strategy: null,
    'panel-sitting': null,
    'attendance-aim': null,
    other: null,
  },
  'MeetingKind',
);
export type MeetingKind = t.TypeOf<typeof MeetingKind>;

/**
 * What a meeting belongs to, by id only (never a name): e.g. `{ kind: 'hsb-case', id: 'c-41' }`,
 * `{ kind: 'panel-sitting', id: '2026-03' }`, `{ kind: 'attendance-aim', id: 'a-7' }`.
 */
export const SubjectRef = t.type({ kind: NonEmptyString, id: NonEmptyString }, 'SubjectRef');
export type SubjectRef = t.TypeOf<typeof SubjectRef>;

/**
 * An agency as a meeting records it. New commands name one of the kernel's `Agency` vocabulary
 * (every domain's); meetings recorded before issue 15 kept free text, which
 * still reads.
 */
export const RecordedAgency = NonEmptyString;

/**
 * Where the meeting takes place (MTG-1). A venue may be a family's home (ATT-2 offers a home
 * or neutral venue), so it is personal data.
 */
export const Location = t.union(
  [
    t.type({ mode: t.literal('venue'), venue: personal(NonEmptyString, 'address') }),
    t.type({ mode: t.literal('online'), platform: NonEmptyString }),
  ],
  'Location',
);
export type Location = t.TypeOf<typeof Location>;

/** How an invitee is reached (MTG-3, MTG-4): an email address, a postal address, or both. */
export const ContactDetails = t.partial(
  {
    email: personal(NonEmptyString, 'contact'),
    post: personal(NonEmptyString, 'address'),
  },
  'ContactDetails',
);
export type ContactDetails = t.TypeOf<typeof ContactDetails>;

/** Who an invitee is to the child: a family member, the young person, or a professional. */
export const Party = t.keyof(
  { 'family-member': null, 'young-person': null, professional: null },
  'Party',
);
export type Party = t.TypeOf<typeof Party>;

/** How an invitation letter goes (MTG-4). */
export const Channel = t.keyof({ email: null, post: null }, 'Channel');
export type Channel = t.TypeOf<typeof Channel>;

/** The papers that reach the chair before the meeting (MTG-5). */
export const ReportKind = t.keyof(
  { 'aim-report': null, 'professional-report': null },
  'ReportKind',
);
export type ReportKind = t.TypeOf<typeof ReportKind>;

/** One line of the attendance sheet (MTG-6). */
export const AttendanceStatus = t.keyof(
  { present: null, apologies: null, deputy: null },
  'AttendanceStatus',
);
export type AttendanceStatus = t.TypeOf<typeof AttendanceStatus>;

/**
 * The values that name an agency, each written once over the agency's codec: as a stored
 * meeting event records them (`RecordedAgency`) and as a new command names them (`Agency`).
 */
const namingAnAgency = <A extends t.Mixed>(agency: A) => ({
  /** A professional with a part in the meeting (chair, lead professional, minute taker). */
  Professional: t.type(
    {
      id: subjectId(NonEmptyString, 'professional'),
      name: personal(t.string, 'name'),
      role: NonEmptyString,
      agency,
    },
    'Professional',
  ),
  /** One line of the invite list the lead professional sends to business support (MTG-2). */
  Invitee: t.intersection(
    [
      t.type({
        id: subjectId(NonEmptyString, 'person'),
        name: personal(t.string, 'name'),
        role: NonEmptyString,
        party: Party,
        contact: ContactDetails,
      }),
      t.partial({ agency }),
    ],
    'Invitee',
  ),
  /** The author of a report, by id, role and agency (MTG-5). */
  Author: t.type({ id: NonEmptyString, role: NonEmptyString, agency }, 'Author'),
  /**
   * One line of the attendance sheet (MTG-6): who, role, agency, present / apologies / deputy
   * (a deputy is present in place of `deputyFor`), and whether their details were re-confirmed.
   */
  AttendanceEntry: t.intersection(
    [
      t.type({
        personId: subjectId(NonEmptyString, 'person'),
        name: personal(t.string, 'name'),
        role: NonEmptyString,
        status: AttendanceStatus,
        detailsReconfirmed: t.boolean,
      }),
      t.partial({
        agency,
        deputyFor: NonEmptyString,
        contact: ContactDetails,
      }),
    ],
    'AttendanceEntry',
  ),
});

/** As recorded: any agency text a stored meeting holds. */
export const { Professional, Invitee, Author, AttendanceEntry } = namingAnAgency(RecordedAgency);
/** As a new command names them: the agency from the kernel's one list. */
export const {
  Professional: ProfessionalInput,
  Invitee: InviteeInput,
  Author: AuthorInput,
  AttendanceEntry: AttendanceEntryInput,
} = namingAnAgency(Agency);
export type Professional = t.TypeOf<typeof Professional>;
export type ProfessionalInput = t.TypeOf<typeof ProfessionalInput>;
export type Invitee = t.TypeOf<typeof Invitee>;
export type InviteeInput = t.TypeOf<typeof InviteeInput>;
export type Author = t.TypeOf<typeof Author>;
export type AuthorInput = t.TypeOf<typeof AuthorInput>;
export type AttendanceEntry = t.TypeOf<typeof AttendanceEntry>;
export type AttendanceEntryInput = t.TypeOf<typeof AttendanceEntryInput>;

/** When an action is due: a date, or a timescale as the minutes word it ("before the review"). */
export const ActionDue = t.union(
  [t.type({ date: IsoDate }), t.type({ timescale: personal(NonEmptyString, 'freeText') })],
  'ActionDue',
);
export type ActionDue = t.TypeOf<typeof ActionDue>;

/** An action recorded in the minutes (MTG-7, MTG-8): its owner gets the minutes. */
export const MinutesAction = t.type(
  {
    actionId: NonEmptyString,
    ownerId: NonEmptyString,
    description: personal(NonEmptyString, 'freeText'),
    due: ActionDue,
  },
  'MinutesAction',
);
export type MinutesAction = t.TypeOf<typeof MinutesAction>;

/** The case systems minutes and attendance lists are uploaded to (source 000: ICS and IYSS). */
export const CaseSystem = NonEmptyString;

/** A free-text reason (a cancellation, a reschedule, a contact anomaly): may name a child. */
export const Reason = personal(NonEmptyString, 'freeText');
