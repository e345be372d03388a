/**
 * One `defineEvent` per event (all at schema version 1). An event's data is what its command
 * said, plus `at` (the instant it happened: evolve and the deadline rules never need
 * metadata), plus anything the decider derived (warnings, the lead agency, a bail date).
 */
import * as t from 'io-ts';
import { defineEvent, eventCatalogue, type EventCatalogue, type EventOf } from '@aimline/kernel';
import * as C from './commands.js';
import { DateOnly, Instant, LeadAgency, NonEmptyString, Warning } from './values.js';

const At = t.strict({ at: Instant });
const ev = <A extends t.Mixed>(data: A) => defineEvent(t.intersection([data, At]));
const evx = <A extends t.Mixed, B extends t.Mixed>(data: A, extra: B) =>
  defineEvent(t.intersection([data, At, extra]));

const Warnings = t.strict({ warnings: t.array(Warning) });

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
