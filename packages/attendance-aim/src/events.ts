/**
 * The events of one attendance AIM case (`attendance-aim-{caseId}`). Past tense; every event
 * carries `caseId` and `at`, the instant it happened. Derived values (phase, rates, penalty
 * amounts) are recorded with the event, so the audit shows what was known then.
 */
import * as t from 'io-ts';
import {
  defineEvent,
  eventCatalogue,
  primarySubject,
  subjectId,
  type EventOf,
} from '@aimline/kernel';
import {
  AimVenue,
  Attendee,
  AttendeeRole,
  Channel,
  DateOnly,
  DocumentRef,
  EsoConsideration,
  FreeText,
  Id,
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
  Party,
  PenaltyTerms,
  PeriodC,
  Pupil,
  School,
  SessionMarkC,
  SessionOfDay,
  Speaker,
  Strategy,
  SupportStep,
  Target,
  Text,
} from './values.js';
import { AttendanceCodeC } from './codes.js';

const base = { caseId: Id, at: Instant };
const Rate = t.union([t.number, t.null]);
const Phase = t.keyof({ primary: null, secondary: null });

export const AttendanceCaseOpened = t.type({
  ...base,
  pupil: primarySubject(Pupil),
  school: School,
  parents: t.array(ParentCarer),
});
export const ParentCarerAdded = t.type({ ...base, parent: ParentCarer });
export const AttendanceImported = t.intersection([
  t.type({ ...base, period: PeriodC, sessions: t.array(SessionMarkC) }),
  t.partial({ source: Text }),
]);
export const AttendanceMarkCorrected = t.type({
  ...base,
  date: DateOnly,
  session: SessionOfDay,
  from: AttendanceCodeC,
  to: AttendanceCodeC,
  reason: FreeText,
});
export const SupportEvidenceAttached = t.type({
  ...base,
  documentRef: DocumentRef,
  steps: t.array(SupportStep),
});
export const AimScheduled = t.type({ ...base, meetingId: Id, start: Instant, venue: AimVenue });
export const AimRearranged = t.type({
  ...base,
  meetingId: Id,
  start: Instant,
  venue: AimVenue,
  reason: FreeText,
});
/**
 * The AIM letter sent to one parent (`parentId`): the letter's personal data (the name it is
 * addressed to, the venue it gives) is that parent's, sealed with their key and erased with it.
 */
export const AimLetterSent = t.intersection([
  t.type({
    ...base,
    meetingId: Id,
    parentId: subjectId(Id, 'parent'),
    channel: Channel,
    documentRef: DocumentRef,
    letter: LetterContent,
  }),
  t.partial({ coverLetterRef: DocumentRef }),
]);
export const InteractionRecorded = t.intersection([
  t.type({
    ...base,
    interactionId: Id,
    with: Speaker,
    occurredAt: Instant,
    mode: InteractionMode,
    summary: FreeText,
  }),
  t.partial({ response: LetterResponse }),
]);
export const VoiceCaptured = t.intersection([
  t.type({ ...base, speaker: Speaker, quote: FreeText, capturedOn: DateOnly }),
  t.partial({ meetingId: Id }),
]);
export const DocumentFiled = t.intersection([
  t.type({
    ...base,
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
const MeetingFacts = {
  meetingId: Id,
  attendees: t.array(Attendee),
  yearGroup: t.number,
  phase: Phase,
  pupilExpected: t.boolean,
  pupilPresent: t.boolean,
  parentsPresent: t.boolean,
};
/** ATT-4, ATT-5: the AIM proceeded; `missingRoles` records the expected roles that were absent. */
export const AimHeld = t.type({ ...base, ...MeetingFacts, missingRoles: t.array(AttendeeRole) });
/** ATT-5: the AIM must not proceed; recorded as not held, with what happens next. */
export const AimNotHeld = t.type({
  ...base,
  ...MeetingFacts,
  reason: t.keyof({
    'parents-without-pupil': null,
    'pupil-without-parents': null,
    'neither-present': null,
  }),
  nextStep: NextStepAfterNotHeld,
});
export const AimOutcomeRecorded = t.type({
  ...base,
  meetingId: Id,
  whatWorked: t.array(FreeText),
  strategies: t.array(Strategy),
  targets: t.array(Target),
  nextSteps: t.array(NextStep),
  /** ATT-7: the review is due this day (the AIM's day plus the policy's weeks). */
  reviewDueOn: DateOnly,
});
const AttendanceFigures = t.type({
  possibleSessions: t.number,
  absenceSessions: t.number,
  unauthorisedSessions: t.number,
  attendanceRate: Rate,
});
export const TargetResult = t.intersection([
  t.type({
    targetId: Id,
    party: Party,
    outcome: t.keyof({ met: null, 'not-met': null }),
    evaluatedBy: t.keyof({ attendance: null, reviewer: null }),
  }),
  t.partial({ measured: t.number, note: FreeText }),
]);
export type TargetResult = t.TypeOf<typeof TargetResult>;
/** ATT-7: the targets of an AIM evaluated against the attendance recorded in the review period. */
export const TargetsReviewed = t.intersection([
  t.type({
    ...base,
    reviewOf: Id,
    period: PeriodC,
    attendance: AttendanceFigures,
    results: t.array(TargetResult),
  }),
  t.partial({ atMeetingId: Id }),
]);
export const NoEngagementRecorded = t.type({ ...base, note: FreeText });
export const InclusionOfficerConsulted = t.type({ ...base, officer: Officer, advice: FreeText });
export const LegalInterventionMeetingHeld = t.intersection([
  t.type({
    ...base,
    legalMeetingId: Id,
    leadOfficer: Officer,
    channel: t.keyof({ teams: null, 'in-person': null, phone: null }),
    pathAndTimescales: FreeText,
  }),
  t.partial({ inclusionOfficer: Officer }),
]);
export const EvidenceBundle = t.type({
  supportEvidence: t.array(DocumentRef),
  letters: t.array(
    t.type({ meetingId: Id, parentId: Id, documentRef: DocumentRef, sentAt: Instant }),
  ),
  meetingsHeld: t.array(Id),
  meetingsNotHeld: t.array(Id),
  interactions: t.number,
  directQuotes: t.number,
  documents: t.array(DocumentRef),
  attendance: AttendanceFigures,
  rollingWindow: t.type({
    from: t.union([DateOnly, t.null]),
    to: DateOnly,
    unauthorisedSessions: t.number,
    thresholdMet: t.boolean,
  }),
});
export type EvidenceBundle = t.TypeOf<typeof EvidenceBundle>;
/** ATT-9: the request to initiate legal proceedings with the evidence the school collated. */
export const LegalProceedingsRequested = t.type({
  ...base,
  requestId: Id,
  formRef: DocumentRef,
  evidence: t.array(DocumentRef),
  bundle: EvidenceBundle,
});
/** ATT-10, NAT-7: what the authority weighed before prosecution. */
export const ProsecutionConsidered = t.type({
  ...base,
  prosecutorsGuidelines: FreeText,
  paceCautioning: FreeText,
  educationSupervisionOrder: EsoConsideration,
  pupilAge: t.type({
    yearGroup: t.number,
    finalAcademicYear: t.boolean,
    compulsorySchoolAgeEnds: DateOnly,
  }),
  courtUnlikely: t.boolean,
  decision: t.keyof({ prosecute: null, 'do-not-prosecute': null, defer: null }),
});
/** NAT-7: a step of the escalation ladder, with its derived terms. */
export const LegalStepRecorded = t.intersection([
  t.type({ ...base, stepId: Id, step: LegalStep }),
  t.partial({
    penalty: PenaltyTerms,
    improvementPeriodEnds: DateOnly,
    thresholdCount: t.number,
    /** NAT-7: notices from the pupil's other cases that counted towards `penalty.sequence`. */
    countedFromOtherCases: t.array(PriorPenaltyNotice),
  }),
]);
export const PenaltyPaid = t.type({
  ...base,
  stepId: Id,
  paidOn: DateOnly,
  amount: t.number,
  onTime: t.boolean,
});
export const CaseClosed = t.type({ ...base, reason: FreeText });

const definitions = {
  AttendanceCaseOpened: defineEvent(AttendanceCaseOpened),
  ParentCarerAdded: defineEvent(ParentCarerAdded),
  AttendanceImported: defineEvent(AttendanceImported),
  AttendanceMarkCorrected: defineEvent(AttendanceMarkCorrected),
  SupportEvidenceAttached: defineEvent(SupportEvidenceAttached),
  AimScheduled: defineEvent(AimScheduled),
  AimRearranged: defineEvent(AimRearranged),
  AimLetterSent: defineEvent(AimLetterSent),
  InteractionRecorded: defineEvent(InteractionRecorded),
  VoiceCaptured: defineEvent(VoiceCaptured),
  DocumentFiled: defineEvent(DocumentFiled),
  AimHeld: defineEvent(AimHeld),
  AimNotHeld: defineEvent(AimNotHeld),
  AimOutcomeRecorded: defineEvent(AimOutcomeRecorded),
  TargetsReviewed: defineEvent(TargetsReviewed),
  NoEngagementRecorded: defineEvent(NoEngagementRecorded),
  InclusionOfficerConsulted: defineEvent(InclusionOfficerConsulted),
  LegalInterventionMeetingHeld: defineEvent(LegalInterventionMeetingHeld),
  LegalProceedingsRequested: defineEvent(LegalProceedingsRequested),
  ProsecutionConsidered: defineEvent(ProsecutionConsidered),
  LegalStepRecorded: defineEvent(LegalStepRecorded),
  PenaltyPaid: defineEvent(PenaltyPaid),
  CaseClosed: defineEvent(CaseClosed),
};

export const attendanceAimEvents = eventCatalogue(definitions);
export type AttendanceAimEvent = EventOf<typeof definitions>;
export type EventType = AttendanceAimEvent['type'];
export type EventData<K extends EventType> = Extract<AttendanceAimEvent, { type: K }>['data'];
