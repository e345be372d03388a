/**
 * One io-ts data codec per command and the command catalogue that decodes the wire form
 * (`{ commandId, type, at, actor, data }`). Every command's data carries `caseId`, so the
 * stream (`attendance-aim-{caseId}`) is a pure function of the command.
 */
import * as t from 'io-ts';
import { commandCatalogue, commandDataOf, type CommandOf } from '@aimline/kernel';
import {
  AimLetterSent,
  AimOutcomeRecorded,
  AimRearranged,
  AimScheduled,
  CaseClosed,
  DocumentFiled,
  InclusionOfficerConsulted,
  InteractionRecorded,
  LegalInterventionMeetingHeld,
  LegalProceedingsRequested,
  NoEngagementRecorded,
  ParentCarerAdded,
  PenaltyPaid,
  SupportEvidenceAttached,
  VoiceCaptured,
} from './events.js';
import {
  Attendee,
  DateOnly,
  EsoConsideration,
  FreeText,
  Id,
  IncomingMark,
  LegalStep,
  PriorPenaltyNotice,
  NextStepAfterNotHeld,
  ParentCarer,
  PeriodC,
  Pupil,
  School,
  SessionOfDay,
  Text,
} from './values.js';

const c = { caseId: Id };

export const OpenAttendanceCase = t.type({
  ...c,
  pupil: Pupil,
  school: School,
  parents: t.array(ParentCarer),
});
export const AddParentCarer = commandDataOf(ParentCarerAdded);
/** NAT-4: a period's register marks; unknown codes and sessions recorded twice are rejected. */
export const ImportAttendance = t.intersection([
  t.type({ ...c, period: PeriodC, sessions: t.array(IncomingMark) }),
  t.partial({ source: Text }),
]);
export const CorrectAttendanceMark = t.type({
  ...c,
  date: DateOnly,
  session: SessionOfDay,
  code: t.string,
  reason: FreeText,
});
export const AttachSupportEvidence = commandDataOf(SupportEvidenceAttached);
export const ScheduleAim = commandDataOf(AimScheduled);
export const RearrangeAim = commandDataOf(AimRearranged);
export const SendAimLetter = commandDataOf(AimLetterSent);
export const RecordInteraction = commandDataOf(InteractionRecorded);
export const CaptureVoice = commandDataOf(VoiceCaptured);
export const FileDocument = commandDataOf(DocumentFiled);
export const RecordAimAttendance = t.intersection([
  t.type({ ...c, meetingId: Id, attendees: t.array(Attendee) }),
  t.partial({ ifNotProceeding: NextStepAfterNotHeld }),
]);
/** ATT-7: the decider derives the review's due day. */
export const RecordAimOutcome = commandDataOf(AimOutcomeRecorded, ['reviewDueOn']);
export const ReviewTargets = t.intersection([
  t.type({
    ...c,
    reviewOf: Id,
    evaluations: t.array(t.type({ targetId: Id, met: t.boolean, note: FreeText })),
  }),
  t.partial({ atMeetingId: Id }),
]);
export const RecordNoEngagement = commandDataOf(NoEngagementRecorded);
export const ConsultInclusionOfficer = commandDataOf(InclusionOfficerConsulted);
export const HoldLegalInterventionMeeting = commandDataOf(LegalInterventionMeetingHeld);
/** ATT-9: the decider collates the evidence bundle. */
export const RequestLegalProceedings = commandDataOf(LegalProceedingsRequested, ['bundle']);
export const RecordProsecutionConsiderations = t.intersection([
  t.type({
    ...c,
    prosecutorsGuidelines: FreeText,
    paceCautioning: FreeText,
    decision: t.keyof({ prosecute: null, 'do-not-prosecute': null, defer: null }),
  }),
  t.partial({ educationSupervisionOrder: EsoConsideration }),
]);
/** NAT-7: `priorPenaltyNotices`: the pupil's notices from other cases (`priorPenaltyNoticesFor`). */
export const RecordLegalStep = t.intersection([
  t.type({ ...c, stepId: Id, step: LegalStep }),
  t.partial({ priorPenaltyNotices: t.array(PriorPenaltyNotice) }),
]);
/** NAT-7: the decider judges whether it was paid on time. */
export const RecordPenaltyPayment = commandDataOf(PenaltyPaid, ['onTime']);
export const CloseCase = commandDataOf(CaseClosed);

export const attendanceAimCommands = commandCatalogue({
  OpenAttendanceCase,
  AddParentCarer,
  ImportAttendance,
  CorrectAttendanceMark,
  AttachSupportEvidence,
  ScheduleAim,
  RearrangeAim,
  SendAimLetter,
  RecordInteraction,
  CaptureVoice,
  FileDocument,
  RecordAimAttendance,
  RecordAimOutcome,
  ReviewTargets,
  RecordNoEngagement,
  ConsultInclusionOfficer,
  HoldLegalInterventionMeeting,
  RequestLegalProceedings,
  RecordProsecutionConsiderations,
  RecordLegalStep,
  RecordPenaltyPayment,
  CloseCase,
});

export type AttendanceAimCommand = CommandOf<{
  OpenAttendanceCase: typeof OpenAttendanceCase;
  AddParentCarer: typeof AddParentCarer;
  ImportAttendance: typeof ImportAttendance;
  CorrectAttendanceMark: typeof CorrectAttendanceMark;
  AttachSupportEvidence: typeof AttachSupportEvidence;
  ScheduleAim: typeof ScheduleAim;
  RearrangeAim: typeof RearrangeAim;
  SendAimLetter: typeof SendAimLetter;
  RecordInteraction: typeof RecordInteraction;
  CaptureVoice: typeof CaptureVoice;
  FileDocument: typeof FileDocument;
  RecordAimAttendance: typeof RecordAimAttendance;
  RecordAimOutcome: typeof RecordAimOutcome;
  ReviewTargets: typeof ReviewTargets;
  RecordNoEngagement: typeof RecordNoEngagement;
  ConsultInclusionOfficer: typeof ConsultInclusionOfficer;
  HoldLegalInterventionMeeting: typeof HoldLegalInterventionMeeting;
  RequestLegalProceedings: typeof RequestLegalProceedings;
  RecordProsecutionConsiderations: typeof RecordProsecutionConsiderations;
  RecordLegalStep: typeof RecordLegalStep;
  RecordPenaltyPayment: typeof RecordPenaltyPayment;
  CloseCase: typeof CloseCase;
}>;

export type CommandType = AttendanceAimCommand['type'];
export type CommandData<K extends CommandType> = Extract<AttendanceAimCommand, { type: K }>['data'];
