/**
 * One io-ts data codec per command, and the command catalogue that decodes the wire form
 * (`{ commandId, type, at, actor, data }`). Every command's data carries `caseId`, so the
 * stream is a pure function of the command. The command's `at` is when it happened.
 *
 * A command's data is its event's data (events.ts, the stored schema) without `at` and
 * without what the decider derives: commands are derived from events, never the other way
 * round, so editing a command cannot change what is stored.
 */
import * as t from 'io-ts';
import { commandCatalogue, commandDataOf, type CommandOf } from '@aimline/kernel';
import * as Ev from './events.js';
import { Level } from './outcomes.js';
import { DateOnly, Id, Instant, MeetingArrangements } from './values.js';

// ── start (HSB-1, HSB-4) ─────────────────────────────────────────────────────
export const ReportConcern = commandDataOf(Ev.ConcernReported);
export const LinkCase = commandDataOf(Ev.CaseLinked);

// ── strategy (HSB-2 … HSB-7, NAT-1) ──────────────────────────────────────────
export const HoldStrategyDiscussion = commandDataOf(Ev.StrategyDiscussionHeld, ['warnings']);
export const DecideRoute = commandDataOf(Ev.RouteDecided);
export const DecideSection47 = commandDataOf(Ev.Section47Decided);
export const RecordConference = commandDataOf(Ev.ConferenceHeld);
export const RecordChildAndFamilyAssessment = commandDataOf(Ev.ChildAndFamilyAssessmentCompleted);

// ── assessment (HSB-8 … HSB-20, HSB-23, HSB-24) ──────────────────────────────
export const AllocateAssessors = commandDataOf(Ev.AssessorsAllocated, [
  'leadAgency',
  'leadAgencyReason',
]);
export const RecordSetting = commandDataOf(Ev.SettingRecorded);
export const EndSetting = commandDataOf(Ev.SettingEnded);
export const RecordHomeVisit = commandDataOf(Ev.HomeVisitCompleted);
export const AgreeHomeSafetyPlan = commandDataOf(Ev.HomeSafetyPlanAgreed);
export const HoldSupervision = commandDataOf(Ev.SupervisionHeld);
/**
 * MTG-1: a new booking names its arrangements (the end, chair, lead professional and place), so
 * every booked meeting gets its own meeting stream in `@aimline/meetings`. The stored event keeps
 * them optional, for the bookings recorded before.
 */
export const BookInitialAimMeeting = t.strict({
  caseId: Id,
  meetingId: Id,
  start: Instant,
  arrangements: MeetingArrangements,
});
export const SubmitReport = commandDataOf(Ev.ReportSubmitted);
export const ShareAssessmentWithFamily = commandDataOf(Ev.AssessmentSharedWithFamily);
export const RecordConsentRefused = commandDataOf(Ev.ConsentRefused);
export const RaiseEmergingRisk = commandDataOf(Ev.EmergingRiskRaised);
export const HoldRiskManagementMeeting = commandDataOf(Ev.RiskManagementMeetingHeld);

// ── facts from the meeting stream (MTG-5, MTG-6), sent by a process manager ───
export const NoteReportToChair = commandDataOf(Ev.ReportToChairNoted);
export const NoteInitialAimMeetingAttendance = commandDataOf(Ev.InitialAimMeetingAttendanceNoted);

// ── initial AIM meeting (HSB-21, HSB-22) ─────────────────────────────────────
export const HoldInitialAimMeeting = commandDataOf(Ev.InitialAimMeetingHeld);

// ── intervention (HSB-25, HSB-26) ────────────────────────────────────────────
export const RecordContact = commandDataOf(Ev.ContactRecorded);
export const RecordPractitionerSupervision = commandDataOf(Ev.PractitionerSupervised);
export const ChangeIntensity = commandDataOf(Ev.IntensityChanged);
export const HoldReview = commandDataOf(Ev.ReviewHeld);

// ── exit and closure (HSB-27) ────────────────────────────────────────────────
export const AgreeExitPlan = commandDataOf(Ev.ExitPlanAgreed);
export const CloseCase = commandDataOf(Ev.CaseClosed);
export const ReopenCase = commandDataOf(Ev.CaseReopened);

// ── criminal justice (HSB-28 … HSB-30) ───────────────────────────────────────
export const RecordAdmission = commandDataOf(Ev.AdmissionRecorded);
/** The bail date is optional here: for released-under-investigation the decider derives it. */
export const RecordBail = t.intersection([
  t.strict({ caseId: Id, kind: Ev.BailKind }),
  t.exact(t.partial({ until: DateOnly })),
]);
export const PoliceTriggerAssessment = commandDataOf(Ev.AssessmentTriggeredByPolice);
export const RecordPoliceDecision = commandDataOf(Ev.PoliceDecisionRecorded);
export const RecordCharge = commandDataOf(Ev.Charged);
export const EnterPlea = commandDataOf(Ev.PleaEntered);
export const RecordFinding = commandDataOf(Ev.FindingRecorded);
export const RequestCourtTime = commandDataOf(Ev.CourtTimeRequested);
export const ReferBackToChildProtection = commandDataOf(Ev.ReferredBackToChildProtection);
/** HSB-30: the prosecution is withdrawn (discontinued): the criminal proceedings end. */
export const RecordWithdrawal = commandDataOf(Ev.ProceedingsWithdrawn);
export const StartCustody = commandDataOf(Ev.CustodyStarted);
export const RecordRelease = commandDataOf(Ev.ReleasedFromCustody);

// ── escalation (HSB-31) ──────────────────────────────────────────────────────
export const EscalateDisagreement = commandDataOf(Ev.DisagreementEscalated);
export const ResolveDisagreement = commandDataOf(Ev.DisagreementResolved);

// ── rectification (UK GDPR Article 16) ───────────────────────────────────────
export const CorrectChildDetails = commandDataOf(Ev.ChildDetailsCorrected);

export const hsbCommandDefinitions = {
  ReportConcern,
  LinkCase,
  HoldStrategyDiscussion,
  DecideRoute,
  DecideSection47,
  RecordConference,
  RecordChildAndFamilyAssessment,
  AllocateAssessors,
  RecordSetting,
  EndSetting,
  RecordHomeVisit,
  AgreeHomeSafetyPlan,
  HoldSupervision,
  BookInitialAimMeeting,
  SubmitReport,
  ShareAssessmentWithFamily,
  RecordConsentRefused,
  RaiseEmergingRisk,
  HoldRiskManagementMeeting,
  NoteReportToChair,
  NoteInitialAimMeetingAttendance,
  HoldInitialAimMeeting,
  RecordContact,
  RecordPractitionerSupervision,
  ChangeIntensity,
  HoldReview,
  AgreeExitPlan,
  CloseCase,
  ReopenCase,
  RecordAdmission,
  RecordBail,
  PoliceTriggerAssessment,
  RecordPoliceDecision,
  RecordCharge,
  EnterPlea,
  RecordFinding,
  RequestCourtTime,
  ReferBackToChildProtection,
  RecordWithdrawal,
  StartCustody,
  RecordRelease,
  EscalateDisagreement,
  ResolveDisagreement,
  CorrectChildDetails,
} as const;

export const hsbCommands = commandCatalogue(hsbCommandDefinitions);
export type HsbCommand = CommandOf<typeof hsbCommandDefinitions>;
export type HsbCommandType = HsbCommand['type'];
/** The data of one command type. */
export type CommandData<K extends HsbCommandType> = Extract<HsbCommand, { type: K }>['data'];
export { Level };
