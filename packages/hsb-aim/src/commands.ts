/**
 * One io-ts data codec per command, and the command catalogue that decodes the wire form
 * (`{ commandId, type, at, actor, data }`). Every command's data carries `caseId`, so the
 * stream is a pure function of the command. The command's `at` is when it happened.
 */
import * as t from 'io-ts';
import { commandCatalogue, type CommandOf } from '@aimline/kernel';
import { AssessmentOutcome, Level } from './outcomes.js';
import {
  Agency,
  AssessmentModel,
  Assessor,
  Child,
  DateOnly,
  DiscussionFor,
  FreeText,
  Id,
  Instant,
  Manager,
  NoInterventionReason,
  NonEmptyString,
  Participant,
  Route,
} from './values.js';

const c = <P extends t.Props>(props: P) => t.strict({ caseId: Id, ...props });
const cp = <P extends t.Props, Q extends t.Props>(props: P, optional: Q) =>
  t.intersection([t.strict({ caseId: Id, ...props }), t.exact(t.partial(optional))]);

// ── start (HSB-1, HSB-4) ─────────────────────────────────────────────────────
export const Notifications = t.exact(t.partial({ childrensSocialCare: Instant, police: Instant }));
export const ReportConcern = cp(
  {
    disclosedAt: Instant,
    /** The date of the behaviour (HSB-6: age at the time of the behaviour). */
    behaviourDate: DateOnly,
    child: Child,
    notifications: Notifications,
    summary: FreeText,
  },
  { victim: Child },
);
export const CaseRelationship = t.keyof({
  'victim-case': null,
  'alleged-child-case': null,
  'sibling-case': null,
  'related-case': null,
});
export const LinkCase = c({ linkedCaseId: Id, relationship: CaseRelationship });

// ── strategy (HSB-2 … HSB-7, NAT-1) ──────────────────────────────────────────
export const HoldStrategyDiscussion = c({
  discussionId: Id,
  forChild: DiscussionFor,
  participants: t.array(Participant),
});
export const DecideRoute = cp(
  { route: Route, temporaryRiskStrategy: FreeText },
  { outOfCourtDisposal: t.boolean, noInterventionReason: NoInterventionReason },
);
export const DecideSection47 = cp(
  { section47: t.boolean, assessmentCommissioned: t.boolean },
  /** NAT-1: the enquiry finds the child who harmed is also a victim: a conference is called. */
  { conferenceCalled: t.boolean },
);
export const RecordConference = c({
  conferenceId: Id,
  kind: t.keyof({ initial: null, review: null }),
});
export const RecordChildAndFamilyAssessment = cp({}, { lateReason: FreeText });

// ── assessment (HSB-8 … HSB-20, HSB-23, HSB-24) ──────────────────────────────
export const AllocateAssessors = c({ model: AssessmentModel, assessors: t.array(Assessor) });
export const RecordHomeVisit = c({ setting: NonEmptyString });
export const HomeSafetyPlan = t.exact(
  t.partial({
    supervisionLevel: FreeText,
    livingEnvironment: FreeText,
    sleepingArrangements: FreeText,
    privacyRules: FreeText,
    stateOfDress: FreeText,
    playFighting: FreeText,
  }),
);
export const AgreeHomeSafetyPlan = c({
  setting: NonEmptyString,
  plan: HomeSafetyPlan,
  typed: t.boolean,
  signedBy: t.array(Id),
  agreedByManagers: t.array(Manager),
});
export const SupervisionKind = t.keyof({ initial: null, second: null, final: null });
export const HoldSupervision = cp(
  { kind: SupervisionKind, attendees: t.array(Id), overseeingManager: Manager },
  { rolesAgreed: FreeText, scores: AssessmentOutcome },
);
export const BookInitialAimMeeting = c({ meetingId: Id, start: Instant });
export const ReportRecipient = t.keyof({
  manager: null,
  iro: null,
  chair: null,
  'investigating-officer': null,
});
export const SubmitReport = cp(
  { recipient: ReportRecipient },
  { disposalRecommendation: FreeText },
);
export const ShareAssessmentWithFamily = c({
  sharedWith: t.array(t.keyof({ 'young-person': null, 'parents-carers': null })),
  disagreements: t.array(FreeText),
  copyRetained: t.boolean,
  childFriendlyVersion: t.boolean,
});
export const RecordConsentRefused = c({
  refusedBy: t.keyof({ 'young-person': null, 'parents-carers': null }),
  concernRemains: t.boolean,
});
export const RaiseEmergingRisk = c({ riskId: Id, description: FreeText });
export const HoldRiskManagementMeeting = c({ riskId: Id, writtenPlan: FreeText });

// ── initial AIM meeting (HSB-21, HSB-22) ─────────────────────────────────────
export const Invitation = t.intersection([
  t.strict({ invited: t.boolean }),
  t.exact(t.partial({ exclusionReason: FreeText })),
]);
export const PlanHeading = t.union([
  t.strict({ status: t.literal('addressed'), text: FreeText }),
  t.strict({ status: t.literal('not-applicable'), reason: FreeText }),
]);
export const planHeadings = [
  'childProtectionConcerns',
  'safetyOfPotentialVictims',
  'riskManagement',
  'livingArrangements',
  'education',
  'health',
  'support',
  'needs',
  'victimIssues',
  'intervention',
  'rolesAndTasks',
  'furtherAssessment',
  'barredListConsideration',
  'reviewTiming',
] as const;
export type PlanHeadingName = (typeof planHeadings)[number];
export const InterventionPlan = t.exact(
  t.partial(
    Object.fromEntries(planHeadings.map((h) => [h, PlanHeading])) as Record<
      PlanHeadingName,
      typeof PlanHeading
    >,
  ),
);
export const HoldInitialAimMeeting = c({
  meetingId: Id,
  parentsCarers: Invitation,
  youngPerson: Invitation,
  iroPresent: t.boolean,
  scores: AssessmentOutcome,
  plan: InterventionPlan,
  intensive: t.boolean,
});

// ── intervention (HSB-25, HSB-26) ────────────────────────────────────────────
export const RecordContact = c({ contactId: Id, practitionerId: Id });
export const RecordPractitionerSupervision = c({ practitionerIds: t.array(Id), managerId: Id });
export const ChangeIntensity = c({ intensive: t.boolean });
export const HoldReview = c({
  meetingId: Id,
  rescored: AssessmentOutcome,
  workDone: FreeText,
  remainingConcerns: t.array(FreeText),
  nextPlan: FreeText,
  signedOffBy: t.array(Manager),
  interventionEnds: t.boolean,
});

// ── exit and closure (HSB-27) ────────────────────────────────────────────────
export const RemainingConcern = t.intersection([
  t.strict({ concern: FreeText }),
  t.exact(t.partial({ howAddressed: FreeText })),
]);
export const AgreeExitPlan = c({
  remainingConcerns: t.array(RemainingConcern),
  signposting: t.array(Agency),
});
export const CloseCase = c({ reason: NonEmptyString });
export const ReopenCase = c({ reason: FreeText });

// ── criminal justice (HSB-28 … HSB-30) ───────────────────────────────────────
export const RecordAdmission = c({});
export const RecordBail = cp(
  { kind: t.keyof({ bail: null, 'released-under-investigation': null }) },
  { until: DateOnly },
);
export const PoliceTriggerAssessment = c({ officerId: Id });
export const PoliceDecision = t.keyof({
  charge: null,
  'out-of-court-disposal': null,
  caution: null,
  'no-further-action': null,
});
export const RecordPoliceDecision = c({ decision: PoliceDecision });
export const RecordCharge = c({ offence: FreeText });
export const EnterPlea = c({ plea: t.keyof({ guilty: null, 'not-guilty': null }) });
export const RecordFinding = c({ finding: t.keyof({ guilty: null, 'not-guilty': null }) });
export const RequestCourtTime = c({ untilDate: DateOnly });
export const ReferBackToChildProtection = c({ reason: FreeText });
/** HSB-30: the prosecution is withdrawn (discontinued): the criminal proceedings end. */
export const RecordWithdrawal = c({ reason: FreeText });
export const StartCustody = c({ kind: t.keyof({ remand: null, sentence: null }) });
export const RecordRelease = c({ inPreReleasePlan: t.boolean, inLicenceConditions: t.boolean });

// ── escalation (HSB-31) ──────────────────────────────────────────────────────
export const EscalateDisagreement = c({
  disagreementId: Id,
  stage: t.keyof({ 'line-managers': null, 'professional-differences': null }),
  subject: FreeText,
});
export const ResolveDisagreement = c({ disagreementId: Id, resolution: FreeText });

export const hsbCommandDefinitions = {
  ReportConcern,
  LinkCase,
  HoldStrategyDiscussion,
  DecideRoute,
  DecideSection47,
  RecordConference,
  RecordChildAndFamilyAssessment,
  AllocateAssessors,
  RecordHomeVisit,
  AgreeHomeSafetyPlan,
  HoldSupervision,
  BookInitialAimMeeting,
  SubmitReport,
  ShareAssessmentWithFamily,
  RecordConsentRefused,
  RaiseEmergingRisk,
  HoldRiskManagementMeeting,
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
} as const;

export const hsbCommands = commandCatalogue(hsbCommandDefinitions);
export type HsbCommand = CommandOf<typeof hsbCommandDefinitions>;
export type HsbCommandType = HsbCommand['type'];
/** The data of one command type. */
export type CommandData<K extends HsbCommandType> = Extract<HsbCommand, { type: K }>['data'];
export { Level };
