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
import { commandCatalogue, type CommandOf } from '@aimline/kernel';
import * as Ev from './events.js';
import { Level } from './outcomes.js';
import { DateOnly, Id, Instant, MeetingArrangements } from './values.js';

type Stored = { caseId: typeof Id; at: typeof Instant };
type DerivedData<R extends t.Props, O extends t.Props, K extends keyof R> = t.IntersectionC<
  [t.ExactC<t.TypeC<Omit<Stored & R, 'at' | K>>>, t.ExactC<t.PartialC<O>>]
>;

/** The data of the command that records `event`: its fields less `at` and the `derived` ones. */
const from = <R extends t.Props, O extends t.Props, K extends keyof R = never>(
  event: Ev.StoredData<R, O>,
  derived: ReadonlyArray<K> = [],
): DerivedData<R, O, K> => {
  const [required, optional] = event.types;
  const props: t.Props = { ...required.type.props };
  for (const name of ['at', ...derived]) delete props[name as string];
  return t.intersection([t.strict(props as Omit<Stored & R, 'at' | K>), optional]);
};

// ── start (HSB-1, HSB-4) ─────────────────────────────────────────────────────
export const ReportConcern = from(Ev.ConcernReported);
export const LinkCase = from(Ev.CaseLinked);

// ── strategy (HSB-2 … HSB-7, NAT-1) ──────────────────────────────────────────
export const HoldStrategyDiscussion = from(Ev.StrategyDiscussionHeld, ['warnings']);
export const DecideRoute = from(Ev.RouteDecided);
export const DecideSection47 = from(Ev.Section47Decided);
export const RecordConference = from(Ev.ConferenceHeld);
export const RecordChildAndFamilyAssessment = from(Ev.ChildAndFamilyAssessmentCompleted);

// ── assessment (HSB-8 … HSB-20, HSB-23, HSB-24) ──────────────────────────────
export const AllocateAssessors = from(Ev.AssessorsAllocated, ['leadAgency', 'leadAgencyReason']);
export const RecordSetting = from(Ev.SettingRecorded);
export const EndSetting = from(Ev.SettingEnded);
export const RecordHomeVisit = from(Ev.HomeVisitCompleted);
export const AgreeHomeSafetyPlan = from(Ev.HomeSafetyPlanAgreed);
export const HoldSupervision = from(Ev.SupervisionHeld);
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
export const SubmitReport = from(Ev.ReportSubmitted);
export const ShareAssessmentWithFamily = from(Ev.AssessmentSharedWithFamily);
export const RecordConsentRefused = from(Ev.ConsentRefused);
export const RaiseEmergingRisk = from(Ev.EmergingRiskRaised);
export const HoldRiskManagementMeeting = from(Ev.RiskManagementMeetingHeld);

// ── facts from the meeting stream (MTG-5, MTG-6), sent by a process manager ───
export const NoteReportToChair = from(Ev.ReportToChairNoted);
export const NoteInitialAimMeetingAttendance = from(Ev.InitialAimMeetingAttendanceNoted);

// ── initial AIM meeting (HSB-21, HSB-22) ─────────────────────────────────────
export const HoldInitialAimMeeting = from(Ev.InitialAimMeetingHeld);

// ── intervention (HSB-25, HSB-26) ────────────────────────────────────────────
export const RecordContact = from(Ev.ContactRecorded);
export const RecordPractitionerSupervision = from(Ev.PractitionerSupervised);
export const ChangeIntensity = from(Ev.IntensityChanged);
export const HoldReview = from(Ev.ReviewHeld);

// ── exit and closure (HSB-27) ────────────────────────────────────────────────
export const AgreeExitPlan = from(Ev.ExitPlanAgreed);
export const CloseCase = from(Ev.CaseClosed);
export const ReopenCase = from(Ev.CaseReopened);

// ── criminal justice (HSB-28 … HSB-30) ───────────────────────────────────────
export const RecordAdmission = from(Ev.AdmissionRecorded);
/** The bail date is optional here: for released-under-investigation the decider derives it. */
export const RecordBail = t.intersection([
  t.strict({ caseId: Id, kind: Ev.BailKind }),
  t.exact(t.partial({ until: DateOnly })),
]);
export const PoliceTriggerAssessment = from(Ev.AssessmentTriggeredByPolice);
export const RecordPoliceDecision = from(Ev.PoliceDecisionRecorded);
export const RecordCharge = from(Ev.Charged);
export const EnterPlea = from(Ev.PleaEntered);
export const RecordFinding = from(Ev.FindingRecorded);
export const RequestCourtTime = from(Ev.CourtTimeRequested);
export const ReferBackToChildProtection = from(Ev.ReferredBackToChildProtection);
/** HSB-30: the prosecution is withdrawn (discontinued): the criminal proceedings end. */
export const RecordWithdrawal = from(Ev.ProceedingsWithdrawn);
export const StartCustody = from(Ev.CustodyStarted);
export const RecordRelease = from(Ev.ReleasedFromCustody);

// ── escalation (HSB-31) ──────────────────────────────────────────────────────
export const EscalateDisagreement = from(Ev.DisagreementEscalated);
export const ResolveDisagreement = from(Ev.DisagreementResolved);

// ── rectification (UK GDPR Article 16) ───────────────────────────────────────
export const CorrectChildDetails = from(Ev.ChildDetailsCorrected);

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
