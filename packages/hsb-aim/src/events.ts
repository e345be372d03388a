/**
 * One `defineEvent` per event (all at schema version 1). An event's data is what its command
 * said, plus `at` (the instant it happened: evolve and the deadline rules never need
 * metadata), plus anything the decider derived (warnings, the lead agency, a bail date).
 */
import * as t from 'io-ts';
import { defineEvent, eventCatalogue, type EventCatalogue, type EventOf } from '@aimline/kernel';
import * as C from './commands.js';
import {
  DateOnly,
  FreeText,
  Id,
  Instant,
  LeadAgency,
  NonEmptyString,
  Route,
  Warning,
} from './values.js';

const At = t.strict({ at: Instant });
const ev = <A extends t.Mixed>(data: A) => defineEvent(t.intersection([data, At]));
const evx = <A extends t.Mixed, B extends t.Mixed>(data: A, extra: B) =>
  defineEvent(t.intersection([data, At, extra]));

const Warnings = t.strict({ warnings: t.array(Warning) });

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
export const RouteChangedData = t.strict({
  caseId: Id,
  from: Route,
  to: Route,
  reason: FreeText,
  proceedingsEnded: t.strict({ ending: ProceedingsEnding, at: Instant }),
  leadAgency: LeadAgency,
  leadAgencyReason: NonEmptyString,
  at: Instant,
});

export const hsbEventDefinitions = {
  ConcernReported: ev(C.ReportConcern),
  CaseLinked: ev(C.LinkCase),
  StrategyDiscussionHeld: evx(C.HoldStrategyDiscussion, Warnings),
  RouteDecided: ev(C.DecideRoute),
  Section47Decided: ev(C.DecideSection47),
  ConferenceHeld: ev(C.RecordConference),
  ChildAndFamilyAssessmentCompleted: ev(C.RecordChildAndFamilyAssessment),
  AssessorsAllocated: evx(
    C.AllocateAssessors,
    t.strict({ leadAgency: LeadAgency, leadAgencyReason: NonEmptyString }),
  ),
  HomeVisitCompleted: ev(C.RecordHomeVisit),
  HomeSafetyPlanAgreed: ev(C.AgreeHomeSafetyPlan),
  SupervisionHeld: ev(C.HoldSupervision),
  InitialAimMeetingBooked: ev(C.BookInitialAimMeeting),
  ReportSubmitted: ev(C.SubmitReport),
  AssessmentSharedWithFamily: ev(C.ShareAssessmentWithFamily),
  ConsentRefused: ev(C.RecordConsentRefused),
  EmergingRiskRaised: ev(C.RaiseEmergingRisk),
  RiskManagementMeetingHeld: ev(C.HoldRiskManagementMeeting),
  InitialAimMeetingHeld: ev(C.HoldInitialAimMeeting),
  ContactRecorded: ev(C.RecordContact),
  PractitionerSupervised: ev(C.RecordPractitionerSupervision),
  IntensityChanged: ev(C.ChangeIntensity),
  ReviewHeld: ev(C.HoldReview),
  ExitPlanAgreed: ev(C.AgreeExitPlan),
  CaseClosed: ev(C.CloseCase),
  CaseReopened: ev(C.ReopenCase),
  AdmissionRecorded: ev(C.RecordAdmission),
  BailRecorded: evx(C.RecordBail, t.strict({ until: DateOnly })),
  AssessmentTriggeredByPolice: ev(C.PoliceTriggerAssessment),
  PoliceDecisionRecorded: ev(C.RecordPoliceDecision),
  Charged: ev(C.RecordCharge),
  PleaEntered: ev(C.EnterPlea),
  FindingRecorded: ev(C.RecordFinding),
  CourtTimeRequested: ev(C.RequestCourtTime),
  ReferredBackToChildProtection: ev(C.ReferBackToChildProtection),
  ProceedingsWithdrawn: ev(C.RecordWithdrawal),
  RouteChanged: defineEvent(RouteChangedData),
  CustodyStarted: ev(C.StartCustody),
  ReleasedFromCustody: ev(C.RecordRelease),
  DisagreementEscalated: ev(C.EscalateDisagreement),
  DisagreementResolved: ev(C.ResolveDisagreement),
} as const;

/** The event union, derived from the definitions. */
export type HsbEvent = EventOf<typeof hsbEventDefinitions>;

export const hsbEvents: EventCatalogue<HsbEvent> = eventCatalogue(hsbEventDefinitions);
export type HsbEventType = HsbEvent['type'];
export type EventData<K extends HsbEventType> = Extract<HsbEvent, { type: K }>['data'];
