/**
 * The commands of the meeting process. Every command's data names its meeting, so the stream
 * (`meeting-{meetingId}`) is a pure function of the command. `at` and `actor` travel on the
 * command envelope (kernel `Command`).
 */
import * as t from 'io-ts';
import {
  IsoInstant,
  commandCatalogue,
  commandDataOf,
  personal,
  type CommandOf,
} from '@aimline/kernel';
import {
  ContactDetailsAmended,
  ContactDetailsConfirmed,
  ContactDetailsQueried,
  DraftMinutesSubmitted,
  HardCopiesDestroyed,
  InvitationSent,
  MeetingCancelled,
  MinutesApproved,
} from './events.js';
import {
  AttendanceEntryInput as AttendanceEntry,
  AuthorInput as Author,
  CaseSystem,
  InviteeInput as Invitee,
  Location,
  MeetingKind,
  NonEmptyString,
  ProfessionalInput as Professional,
  Reason,
  ReportKind,
  SubjectRef,
} from './values.js';

const meeting = { meetingId: NonEmptyString };

export const ScheduleMeeting = t.intersection([
  t.type({
    ...meeting,
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

/** A new start and end; the location stays unless a new one is given. */
export const RescheduleMeeting = t.intersection([
  t.type({ ...meeting, start: IsoInstant, end: IsoInstant, reason: Reason }),
  t.partial({ location: Location }),
]);

export const CancelMeeting = commandDataOf(MeetingCancelled);

export const SubmitInviteList = t.type({ ...meeting, invitees: t.array(Invitee) });

export const AllocateMinuteTaker = t.type({ ...meeting, minuteTaker: Professional });

export const ConfirmContactDetails = commandDataOf(ContactDetailsConfirmed, ['checkedBy']);

export const QueryContactDetails = commandDataOf(ContactDetailsQueried, ['referredTo']);

export const AmendContactDetails = commandDataOf(ContactDetailsAmended);

export const SendInvitation = commandDataOf(InvitationSent);

export const SubmitReportToChair = t.type({ ...meeting, reportKind: ReportKind, author: Author });

export const RecordAttendance = t.type({ ...meeting, attendees: t.array(AttendanceEntry) });

/** Business support sends a draft; the decider numbers it. */
export const SubmitDraftMinutes = commandDataOf(DraftMinutesSubmitted, ['draft']);

/** The chair approves the latest draft. */
export const ApproveMinutes = commandDataOf(MinutesApproved, ['draft', 'approvedBy']);

/**
 * Distribute approved minutes. Without `recipients`, to the whole derived distribution list
 * (`distributionList(state)`); with them, to those people, each of whom must be on that list.
 */
export const DistributeMinutes = t.intersection([
  t.type(meeting),
  t.partial({ recipients: t.array(NonEmptyString) }),
]);

export const UploadMinutes = t.type({
  ...meeting,
  systems: t.array(CaseSystem),
  attendanceListIncluded: t.boolean,
});

export const DestroyHardCopies = commandDataOf(HardCopiesDestroyed, ['destroyedBy']);

export const meetingCommandDefinitions = {
  ScheduleMeeting,
  RescheduleMeeting,
  CancelMeeting,
  SubmitInviteList,
  AllocateMinuteTaker,
  ConfirmContactDetails,
  QueryContactDetails,
  AmendContactDetails,
  SendInvitation,
  SubmitReportToChair,
  RecordAttendance,
  SubmitDraftMinutes,
  ApproveMinutes,
  DistributeMinutes,
  UploadMinutes,
  DestroyHardCopies,
};

export const meetingCommands = commandCatalogue(meetingCommandDefinitions);

/** Every command of the meeting process. */
export type MeetingCommand = CommandOf<typeof meetingCommandDefinitions>;
export type MeetingCommandType = MeetingCommand['type'];
/** The command of one type: `MeetingCommandOf<'ApproveMinutes'>`. */
export type MeetingCommandOf<K extends MeetingCommandType> = Extract<MeetingCommand, { type: K }>;
