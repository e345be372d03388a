/**
 * One io-ts data codec per command and the command catalogue that decodes the wire form
 * (`{ commandId, type, at, actor, data }`). Every command's data carries `caseId`, so the
 * stream (`attendance-aim-{caseId}`) is a pure function of the command.
 */
import * as t from 'io-ts';
import { commandCatalogue, type CommandOf } from '@aimline/kernel';
import {
  AimVenue,
  Attendee,
  Channel,
  DateOnly,
  DocumentRef,
  EsoConsideration,
  FreeText,
  Id,
  IncomingMark,
  Instant,
  InteractionMode,
  LegalStep,
  PriorPenaltyNotice,
  LetterContent,
  LetterResponse,
  NextStep,
  NextStepAfterNotHeld,
  Officer,
  ParentCarer,
  PeriodC,
  Pupil,
  School,
  SessionOfDay,
  Speaker,
  Strategy,
  SupportStep,
  Target,
  Text,
} from './values.js';

const c = { caseId: Id };

export const OpenAttendanceCase = t.type({
  ...c,
  pupil: Pupil,
  school: School,
  parents: t.array(ParentCarer),
});
export const AddParentCarer = t.type({ ...c, parent: ParentCarer });
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
export const AttachSupportEvidence = t.type({
  ...c,
  documentRef: DocumentRef,
  steps: t.array(SupportStep),
});
export const ScheduleAim = t.type({ ...c, meetingId: Id, start: Instant, venue: AimVenue });
export const RearrangeAim = t.type({
  ...c,
  meetingId: Id,
  start: Instant,
  venue: AimVenue,
  reason: FreeText,
});
export const SendAimLetter = t.intersection([
  t.type({
    ...c,
    meetingId: Id,
    parentId: Id,
    channel: Channel,
    documentRef: DocumentRef,
    letter: LetterContent,
  }),
  t.partial({ coverLetterRef: DocumentRef }),
]);
export const RecordInteraction = t.intersection([
  t.type({
    ...c,
    interactionId: Id,
    with: Speaker,
    occurredAt: Instant,
    mode: InteractionMode,
    summary: FreeText,
  }),
  t.partial({ response: LetterResponse }),
]);
export const CaptureVoice = t.intersection([
  t.type({ ...c, speaker: Speaker, quote: FreeText, capturedOn: DateOnly }),
  t.partial({ meetingId: Id }),
]);
export const FileDocument = t.intersection([
  t.type({
    ...c,
    documentRef: DocumentRef,
    kind: t.keyof({
      letter: null,
      'cover-letter': null,
      minutes: null,
      evidence: null,
      other: null,
    }),
  }),
  t.partial({ meetingId: Id }),
]);
export const RecordAimAttendance = t.intersection([
  t.type({ ...c, meetingId: Id, attendees: t.array(Attendee) }),
  t.partial({ ifNotProceeding: NextStepAfterNotHeld }),
]);
export const RecordAimOutcome = t.type({
  ...c,
  meetingId: Id,
  whatWorked: t.array(FreeText),
  strategies: t.array(Strategy),
  targets: t.array(Target),
  nextSteps: t.array(NextStep),
});
export const ReviewTargets = t.intersection([
  t.type({
    ...c,
    reviewOf: Id,
    evaluations: t.array(t.type({ targetId: Id, met: t.boolean, note: FreeText })),
  }),
  t.partial({ atMeetingId: Id }),
]);
export const RecordNoEngagement = t.type({ ...c, note: FreeText });
export const ConsultInclusionOfficer = t.type({ ...c, officer: Officer, advice: FreeText });
export const HoldLegalInterventionMeeting = t.intersection([
  t.type({
    ...c,
    legalMeetingId: Id,
    leadOfficer: Officer,
    channel: t.keyof({ teams: null, 'in-person': null, phone: null }),
    pathAndTimescales: FreeText,
  }),
  t.partial({ inclusionOfficer: Officer }),
]);
export const RequestLegalProceedings = t.type({
  ...c,
  requestId: Id,
  formRef: DocumentRef,
  evidence: t.array(DocumentRef),
});
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
export const RecordPenaltyPayment = t.type({
  ...c,
  stepId: Id,
  paidOn: DateOnly,
  amount: t.number,
});
export const CloseCase = t.type({ ...c, reason: FreeText });

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
