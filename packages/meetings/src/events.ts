/**
 * The events of one meeting's stream (`meeting-{meetingId}`). Past tense; every event carries
 * the meeting id and `at`, the instant it happened.
 */
import * as t from 'io-ts';
import { IsoInstant, defineEvent, eventCatalogue, personal, type EventOf } from '@aimline/kernel';
import {
  AttendanceEntry,
  Author,
  CaseSystem,
  Channel,
  ContactDetails,
  Invitee,
  Location,
  MeetingKind,
  MinutesAction,
  NonEmptyString,
  Professional,
  Reason,
  ReportKind,
  SubjectRef,
} from './values.js';

const base = { meetingId: NonEmptyString, at: IsoInstant };

/** MTG-1: the lead professional arranged the date with the chair and booked a room (or a call). */
export const MeetingScheduled = t.intersection([
  t.type({
    ...base,
    kind: MeetingKind,
    subjects: t.array(SubjectRef),
    chair: Professional,
    leadProfessional: Professional,
    start: IsoInstant,
    end: IsoInstant,
    location: Location,
  }),
  t.partial({ purpose: personal(NonEmptyString, 'freeText') }),
]);

/** MTG-1: a new date, time or place, with the reason. */
export const MeetingRescheduled = t.type({
  ...base,
  start: IsoInstant,
  end: IsoInstant,
  location: Location,
  previousStart: IsoInstant,
  reason: Reason,
});

/** MTG-1: the meeting will not take place. */
export const MeetingCancelled = t.type({ ...base, reason: Reason });

/** MTG-2: the lead professional sent (part of) the invite list to business support. */
export const InviteListSubmitted = t.type({ ...base, invitees: t.array(Invitee) });

/** MTG-2: business support allocated a minute taker. */
export const MinuteTakerAllocated = t.type({ ...base, minuteTaker: Professional });

/** MTG-3: business support checked an invitee's contact details against a case system. */
export const ContactDetailsConfirmed = t.type({
  ...base,
  inviteeId: NonEmptyString,
  checkedAgainst: CaseSystem,
  checkedBy: NonEmptyString,
});

/** MTG-3: an anomaly in an invitee's contact details went back to the lead professional. */
export const ContactDetailsQueried = t.type({
  ...base,
  inviteeId: NonEmptyString,
  anomaly: Reason,
  referredTo: NonEmptyString,
});

/** MTG-3: the lead professional corrected an invitee's contact details; they need checking again. */
export const ContactDetailsAmended = t.type({
  ...base,
  inviteeId: NonEmptyString,
  contact: ContactDetails,
});

/** MTG-4: business support emailed or posted the invitation letter. */
export const InvitationSent = t.type({ ...base, inviteeId: NonEmptyString, channel: Channel });

/** MTG-5: a report reached the chair. */
export const ReportSubmittedToChair = t.type({ ...base, reportKind: ReportKind, author: Author });

/** MTG-6: the attendance sheet, completed at the meeting: the meeting is held. */
export const AttendanceRecorded = t.type({
  ...base,
  attendees: t.array(AttendanceEntry),
  recordedBy: NonEmptyString,
});

/** MTG-7: business support sent draft minutes (numbered from 1) to the chair. */
export const DraftMinutesSubmitted = t.type({
  ...base,
  draft: t.number,
  documentRef: NonEmptyString,
  actions: t.array(MinutesAction),
});

/** MTG-7: the chair approved a draft. */
export const MinutesApproved = t.type({ ...base, draft: t.number, approvedBy: NonEmptyString });

/** MTG-8: approved minutes went to these people (ids from the derived distribution list). */
export const MinutesDistributed = t.type({ ...base, recipients: t.array(NonEmptyString) });

/** MTG-8: approved minutes were uploaded with the attendance list to the case systems. */
export const MinutesUploaded = t.type({
  ...base,
  systems: t.array(CaseSystem),
  attendanceListIncluded: t.literal(true),
});

/** MTG-9: the invite and attendance lists and hard copies were destroyed. */
export const HardCopiesDestroyed = t.type({ ...base, destroyedBy: NonEmptyString });

export const meetingEventDefinitions = {
  MeetingScheduled: defineEvent(MeetingScheduled),
  MeetingRescheduled: defineEvent(MeetingRescheduled),
  MeetingCancelled: defineEvent(MeetingCancelled),
  InviteListSubmitted: defineEvent(InviteListSubmitted),
  MinuteTakerAllocated: defineEvent(MinuteTakerAllocated),
  ContactDetailsConfirmed: defineEvent(ContactDetailsConfirmed),
  ContactDetailsQueried: defineEvent(ContactDetailsQueried),
  ContactDetailsAmended: defineEvent(ContactDetailsAmended),
  InvitationSent: defineEvent(InvitationSent),
  ReportSubmittedToChair: defineEvent(ReportSubmittedToChair),
  AttendanceRecorded: defineEvent(AttendanceRecorded),
  DraftMinutesSubmitted: defineEvent(DraftMinutesSubmitted),
  MinutesApproved: defineEvent(MinutesApproved),
  MinutesDistributed: defineEvent(MinutesDistributed),
  MinutesUploaded: defineEvent(MinutesUploaded),
  HardCopiesDestroyed: defineEvent(HardCopiesDestroyed),
};

export const meetingEvents = eventCatalogue(meetingEventDefinitions);

/** Every event of a meeting stream. */
export type MeetingEvent = EventOf<typeof meetingEventDefinitions>;
export type MeetingEventType = MeetingEvent['type'];
/** The event of one type: `MeetingEventOf<'MinutesApproved'>`. */
export type MeetingEventOf<K extends MeetingEventType> = Extract<MeetingEvent, { type: K }>;
