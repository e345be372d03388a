import type { PhaseOf } from './case-timeline.js';

/** Phases of an HSB case timeline: strategy, assessment, intervention, exit, with the criminal-justice path beside them. */
const HSB_PHASES: Record<string, string> = {
  ConcernReported: 'strategy',
  CaseLinked: 'strategy',
  StrategyDiscussionHeld: 'strategy',
  RouteDecided: 'strategy',
  Section47Decided: 'strategy',
  ConferenceHeld: 'strategy',
  ChildAndFamilyAssessmentCompleted: 'assessment',
  AssessorsAllocated: 'assessment',
  HomeVisitCompleted: 'assessment',
  HomeSafetyPlanAgreed: 'assessment',
  SupervisionHeld: 'assessment',
  InitialAimMeetingBooked: 'assessment',
  ReportSubmitted: 'assessment',
  AssessmentSharedWithFamily: 'assessment',
  ConsentRefused: 'assessment',
  EmergingRiskRaised: 'assessment',
  RiskManagementMeetingHeld: 'assessment',
  InitialAimMeetingHeld: 'intervention',
  ContactRecorded: 'intervention',
  PractitionerSupervised: 'intervention',
  IntensityChanged: 'intervention',
  ReviewHeld: 'intervention',
  ExitPlanAgreed: 'exit',
  CaseClosed: 'exit',
  CaseReopened: 'exit',
  AdmissionRecorded: 'criminal-justice',
  BailRecorded: 'criminal-justice',
  AssessmentTriggeredByPolice: 'criminal-justice',
  PoliceDecisionRecorded: 'criminal-justice',
  Charged: 'criminal-justice',
  PleaEntered: 'criminal-justice',
  FindingRecorded: 'criminal-justice',
  CourtTimeRequested: 'criminal-justice',
  ReferredBackToChildProtection: 'criminal-justice',
  CustodyStarted: 'criminal-justice',
  ReleasedFromCustody: 'criminal-justice',
  DisagreementEscalated: 'assessment',
  DisagreementResolved: 'assessment',
};

export const HSB_PHASE_ORDER = [
  'strategy',
  'assessment',
  'intervention',
  'exit',
  'criminal-justice',
] as const;

export const hsbPhaseOf: PhaseOf = (type) => HSB_PHASES[type] ?? 'other';

/** Attendance AIM phases: attendance record, before the meeting, meetings and reviews, escalation. */
export const attendancePhaseOf: PhaseOf = (type) => {
  if (/Attendance(Imported|Recorded)|Session/.test(type)) return 'attendance';
  if (/Letter|Evidence|Support|Interaction|Opened/.test(type)) return 'before-meeting';
  if (/Meeting|Target|Review|Voice|Minutes/.test(type)) return 'meetings';
  if (
    /Legal|Inclusion|Engagement|Prosecution|Penalty|Contract|Notice|Escalat|Supervision|Closed/.test(
      type,
    )
  )
    return 'escalation';
  return 'other';
};

/** Panel referral phases: referral and booking, decision, review. */
export const panelReferralPhaseOf: PhaseOf = (type) => {
  if (/Received|Booked|Rebooked|Papers|Contact|Referr/.test(type)) return 'referral';
  if (/Decid|Decision|Rated|HandOff|Handoff/.test(type)) return 'decision';
  if (/Review|Escalat|Deescalat|DeEscalat/.test(type)) return 'review';
  return 'other';
};
