/**
 * The stored events of an HSB case: each event's data codec written out here, field by field,
 * once (all at schema version 1). These are the schemas of what is on disk: a change that
 * stops an old event decoding must be a new version with an upcaster (the golden examples in
 * test/golden pin every type). Command codecs are derived from these, never the other way round.
 *
 * Every event carries `caseId` and `at` (the instant it happened: evolve and the deadline rules
 * never need metadata), plus anything the decider derived (warnings, the lead agency, a bail date).
 */
import * as t from 'io-ts';
import {
  Agency,
  defineEvent,
  eventCatalogue,
  personal,
  primarySubject,
  subjectId,
  type EventCatalogue,
  type EventOf,
} from '@aimline/kernel';
import { AssessmentOutcome } from './outcomes.js';
import {
  AssessmentModel,
  Assessor,
  CaseRelationship,
  ChairReportKind,
  Child,
  DateOnly,
  DiscussionFor,
  FreeText,
  HomeSafetyPlan,
  Id,
  Instant,
  InterventionPlan,
  Invitation,
  LeadAgency,
  Manager,
  MeetingArrangements,
  NoInterventionReason,
  NonEmptyString,
  Notifications,
  PanelReferralRef,
  Participant,
  PoliceDecision,
  RemainingConcern,
  ReportAuthor,
  ReportRecipient,
  Route,
  SupervisionKind,
  Warning,
} from './values.js';

/** Stored event data: `caseId`, `at`, the required fields, and the optional ones. */
export type StoredData<R extends t.Props, O extends t.Props> = t.IntersectionC<
  [t.ExactC<t.TypeC<{ caseId: typeof Id; at: typeof Instant } & R>>, t.ExactC<t.PartialC<O>>]
>;
const stored = <R extends t.Props, O extends t.Props = Record<never, never>>(
  required: R,
  optional: O = {} as O,
): StoredData<R, O> =>
  t.intersection([
    t.strict({ caseId: Id, at: Instant, ...required }),
    t.exact(t.partial(optional)),
  ]);

const Family = t.keyof({ 'young-person': null, 'parents-carers': null });
const Verdict = t.keyof({ guilty: null, 'not-guilty': null });

// ── start (HSB-1, HSB-4) ─────────────────────────────────────────────────────
export const ConcernReported = stored(
  {
    disclosedAt: Instant,
    /** The date of the behaviour (HSB-6: age at the time of the behaviour). */
    behaviourDate: DateOnly,
    child: primarySubject(Child),
    notifications: Notifications,
    summary: FreeText,
  },
  /** `panelReferral`: the panel referral the case was opened from (added later, optional). */
  { victim: Child, panelReferral: PanelReferralRef },
);
export const CaseLinked = stored({ linkedCaseId: Id, relationship: CaseRelationship });

// ── strategy (HSB-2 … HSB-7, NAT-1) ──────────────────────────────────────────
export const StrategyDiscussionHeld = stored({
  discussionId: Id,
  forChild: DiscussionFor,
  participants: t.array(Participant),
  warnings: t.array(Warning),
});
export const RouteDecided = stored(
  { route: Route, temporaryRiskStrategy: FreeText },
  { outOfCourtDisposal: t.boolean, noInterventionReason: NoInterventionReason },
);
export const Section47Decided = stored(
  { section47: t.boolean, assessmentCommissioned: t.boolean },
  /** NAT-1: the enquiry finds the child who harmed is also a victim: a conference is called. */
  { conferenceCalled: t.boolean },
);
export const ConferenceHeld = stored({
  conferenceId: Id,
  kind: t.keyof({ initial: null, review: null }),
});
export const ChildAndFamilyAssessmentCompleted = stored({}, { lateReason: FreeText });

// ── assessment (HSB-8 … HSB-20, HSB-23, HSB-24) ──────────────────────────────
export const AssessorsAllocated = stored({
  model: AssessmentModel,
  assessors: t.array(Assessor),
  leadAgency: LeadAgency,
  leadAgencyReason: NonEmptyString,
});
/**
 * HSB-12 / HSB-13 (added with issue 14): where the child lives or is placed. Source 001: the
 * home safety plan "should also be completed in any other setting where a young person is
 * placed – whether that is in a residential setting or a foster placement or with other family
 * members". `setting` is a label (e.g. "family home", "foster placement 2"), never an address.
 */
export const SettingKind = t.keyof({
  'family-home': null,
  'foster-placement': null,
  residential: null,
  'family-member': null,
  other: null,
});
export const SettingRecorded = stored({ setting: NonEmptyString, kind: SettingKind });
/** The child no longer lives in the setting (a move: end the old one, record the new one). */
export const SettingEnded = stored({ setting: NonEmptyString, reason: FreeText });
export const HomeVisitCompleted = stored({ setting: NonEmptyString });
export const HomeSafetyPlanAgreed = stored({
  setting: NonEmptyString,
  plan: HomeSafetyPlan,
  typed: t.boolean,
  signedBy: t.array(Id),
  agreedByManagers: t.array(Manager),
});
export const SupervisionHeld = stored(
  { kind: SupervisionKind, attendees: t.array(Id), overseeingManager: Manager },
  { rolesAgreed: FreeText, scores: AssessmentOutcome },
);
/** `arrangements` (added later, optional: bookings stored before decode unchanged): MTG-1. */
export const InitialAimMeetingBooked = stored(
  { meetingId: Id, start: Instant },
  { arrangements: MeetingArrangements },
);
export const ReportSubmitted = stored(
  { recipient: ReportRecipient },
  { disposalRecommendation: FreeText },
);
export const AssessmentSharedWithFamily = stored({
  sharedWith: t.array(Family),
  disagreements: t.array(FreeText),
  copyRetained: t.boolean,
  childFriendlyVersion: t.boolean,
});
export const ConsentRefused = stored({ refusedBy: Family, concernRemains: t.boolean });
export const EmergingRiskRaised = stored({ riskId: Id, description: FreeText });
export const RiskManagementMeetingHeld = stored({ riskId: Id, writtenPlan: FreeText });

/**
 * MTG-5 from the meeting stream: a report reached the chair of the tracked initial AIM
 * meeting (the meeting stream is the one record; this case is informed by a process manager).
 */
export const ReportToChairNoted = stored({
  meetingId: Id,
  reportKind: ChairReportKind,
  author: ReportAuthor,
});
/**
 * MTG-6 from the meeting stream: who the tracked meeting invited and whether the IRO was
 * present, as its attendance sheet recorded them (HSB-21 is checked against these facts).
 */
export const InitialAimMeetingAttendanceNoted = stored({
  meetingId: Id,
  parentsCarersInvited: t.boolean,
  youngPersonInvited: t.boolean,
  iroPresent: t.boolean,
});

// ── initial AIM meeting (HSB-21, HSB-22) ─────────────────────────────────────
export const InitialAimMeetingHeld = stored({
  meetingId: Id,
  parentsCarers: Invitation,
  youngPerson: Invitation,
  iroPresent: t.boolean,
  scores: AssessmentOutcome,
  plan: InterventionPlan,
  intensive: t.boolean,
});

// ── intervention (HSB-25, HSB-26) ────────────────────────────────────────────
export const ContactRecorded = stored({ contactId: Id, practitionerId: Id });
export const PractitionerSupervised = stored({ practitionerIds: t.array(Id), managerId: Id });
export const IntensityChanged = stored({ intensive: t.boolean });
export const ReviewHeld = stored({
  meetingId: Id,
  rescored: AssessmentOutcome,
  workDone: FreeText,
  remainingConcerns: t.array(FreeText),
  nextPlan: FreeText,
  signedOffBy: t.array(Manager),
  interventionEnds: t.boolean,
});

// ── exit and closure (HSB-27) ────────────────────────────────────────────────
export const ExitPlanAgreed = stored({
  remainingConcerns: t.array(RemainingConcern),
  signposting: t.array(Agency),
});
export const CaseClosed = stored({ reason: NonEmptyString });
export const CaseReopened = stored({ reason: FreeText });

// ── criminal justice (HSB-28 … HSB-30) ───────────────────────────────────────
export const BailKind = t.keyof({ bail: null, 'released-under-investigation': null });
export const AdmissionRecorded = stored({});
/** `until`: the bail date, given or derived by the decider. */
export const BailRecorded = stored({ kind: BailKind, until: DateOnly });
export const AssessmentTriggeredByPolice = stored({ officerId: Id });
export const PoliceDecisionRecorded = stored({ decision: PoliceDecision });
export const Charged = stored({ offence: FreeText });
export const PleaEntered = stored({ plea: Verdict });
export const FindingRecorded = stored({ finding: Verdict });
export const CourtTimeRequested = stored({ untilDate: DateOnly });
export const ReferredBackToChildProtection = stored({ reason: FreeText });
/** HSB-30: the prosecution is withdrawn (discontinued): the criminal proceedings end. */
export const ProceedingsWithdrawn = stored({ reason: FreeText });

/** How criminal proceedings ended (HSB-30): no further action, not guilty, or withdrawn. */
export const ProceedingsEnding = t.keyof({
  'no-further-action': null,
  'not-guilty': null,
  withdrawn: null,
});

/**
 * HSB-30 (schema version 1, added with issue 14): the case moved from one route to another,
 * when and why. Emitted with `ReferredBackToChildProtection` once criminal proceedings ended;
 * carries the lead agency from then on (HSB-9), derived, never typed in.
 */
export const RouteChanged = stored({
  from: Route,
  to: Route,
  reason: FreeText,
  proceedingsEnded: t.strict({ ending: ProceedingsEnding, at: Instant }),
  leadAgency: LeadAgency,
  leadAgencyReason: NonEmptyString,
});
export const CustodyStarted = stored({ kind: t.keyof({ remand: null, sentence: null }) });
export const ReleasedFromCustody = stored({
  inPreReleasePlan: t.boolean,
  inLicenceConditions: t.boolean,
});

// ── escalation (HSB-31) ──────────────────────────────────────────────────────
export const DisagreementEscalated = stored({
  disagreementId: Id,
  stage: t.keyof({ 'line-managers': null, 'professional-differences': null }),
  subject: FreeText,
});
export const DisagreementResolved = stored({ disagreementId: Id, resolution: FreeText });

// ── rectification (UK GDPR Article 16; issue 13 item 7) ─────────────────────
/**
 * A child's recorded details were wrong: the corrected values and why. A correction is a new
 * event, never an edit: the original stays in the history, and the state folds the corrected
 * value from here on (a corrected date of birth moves every age-based rule).
 */
export const ChildDetailsCorrected = stored(
  { childId: subjectId(Id, 'child'), reason: FreeText },
  {
    name: personal(NonEmptyString, 'name'),
    dateOfBirth: personal(DateOnly, 'dateOfBirth'),
    school: personal(NonEmptyString, 'school'),
  },
);

export const hsbEventDefinitions = {
  ConcernReported: defineEvent(ConcernReported),
  CaseLinked: defineEvent(CaseLinked),
  StrategyDiscussionHeld: defineEvent(StrategyDiscussionHeld),
  RouteDecided: defineEvent(RouteDecided),
  Section47Decided: defineEvent(Section47Decided),
  ConferenceHeld: defineEvent(ConferenceHeld),
  ChildAndFamilyAssessmentCompleted: defineEvent(ChildAndFamilyAssessmentCompleted),
  AssessorsAllocated: defineEvent(AssessorsAllocated),
  SettingRecorded: defineEvent(SettingRecorded),
  SettingEnded: defineEvent(SettingEnded),
  HomeVisitCompleted: defineEvent(HomeVisitCompleted),
  HomeSafetyPlanAgreed: defineEvent(HomeSafetyPlanAgreed),
  SupervisionHeld: defineEvent(SupervisionHeld),
  InitialAimMeetingBooked: defineEvent(InitialAimMeetingBooked),
  ReportSubmitted: defineEvent(ReportSubmitted),
  AssessmentSharedWithFamily: defineEvent(AssessmentSharedWithFamily),
  ConsentRefused: defineEvent(ConsentRefused),
  EmergingRiskRaised: defineEvent(EmergingRiskRaised),
  RiskManagementMeetingHeld: defineEvent(RiskManagementMeetingHeld),
  ReportToChairNoted: defineEvent(ReportToChairNoted),
  InitialAimMeetingAttendanceNoted: defineEvent(InitialAimMeetingAttendanceNoted),
  InitialAimMeetingHeld: defineEvent(InitialAimMeetingHeld),
  ContactRecorded: defineEvent(ContactRecorded),
  PractitionerSupervised: defineEvent(PractitionerSupervised),
  IntensityChanged: defineEvent(IntensityChanged),
  ReviewHeld: defineEvent(ReviewHeld),
  ExitPlanAgreed: defineEvent(ExitPlanAgreed),
  CaseClosed: defineEvent(CaseClosed),
  CaseReopened: defineEvent(CaseReopened),
  AdmissionRecorded: defineEvent(AdmissionRecorded),
  BailRecorded: defineEvent(BailRecorded),
  AssessmentTriggeredByPolice: defineEvent(AssessmentTriggeredByPolice),
  PoliceDecisionRecorded: defineEvent(PoliceDecisionRecorded),
  Charged: defineEvent(Charged),
  PleaEntered: defineEvent(PleaEntered),
  FindingRecorded: defineEvent(FindingRecorded),
  CourtTimeRequested: defineEvent(CourtTimeRequested),
  ReferredBackToChildProtection: defineEvent(ReferredBackToChildProtection),
  ProceedingsWithdrawn: defineEvent(ProceedingsWithdrawn),
  RouteChanged: defineEvent(RouteChanged),
  CustodyStarted: defineEvent(CustodyStarted),
  ReleasedFromCustody: defineEvent(ReleasedFromCustody),
  DisagreementEscalated: defineEvent(DisagreementEscalated),
  DisagreementResolved: defineEvent(DisagreementResolved),
  ChildDetailsCorrected: defineEvent(ChildDetailsCorrected),
} as const;

/** The event union, derived from the definitions. */
export type HsbEvent = EventOf<typeof hsbEventDefinitions>;

export const hsbEvents: EventCatalogue<HsbEvent> = eventCatalogue(hsbEventDefinitions);
export type HsbEventType = HsbEvent['type'];
export type EventData<K extends HsbEventType> = Extract<HsbEvent, { type: K }>['data'];
