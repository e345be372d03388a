/**
 * Events as an HSB case records them: the "given" of the specifications (given events, when a
 * command, then events or a rejection). Each mirrors a command builder of fixtures.ts with the
 * data the decider adds (`at`, warnings, the lead agency). Every name here is fictional.
 */
import type { EventData, HsbEvent, HsbEventType } from '../src/index.js';
import {
  CASE,
  aim2Scores,
  alleged,
  arrangements,
  assessors,
  cscManager,
  fullPlan,
  people,
  safetyPlan,
  victim,
} from './fixtures.js';

export const recorded = <K extends HsbEventType>(
  type: K,
  at: string,
  data: Omit<EventData<K>, 'caseId' | 'at'>,
  caseId = CASE,
): HsbEvent => ({ type, data: { caseId, at, ...data } }) as unknown as HsbEvent;

export const concernReported = (
  at = '2026-06-01T09:00:00Z',
  overrides: Record<string, unknown> = {},
) =>
  recorded('ConcernReported', at, {
    disclosedAt: '2026-06-01T08:00:00Z',
    behaviourDate: '2026-05-30',
    child: alleged,
    victim,
    notifications: { childrensSocialCare: '2026-06-01T08:30:00Z', police: '2026-06-01T08:40:00Z' },
    summary: 'Invented summary of a concern.',
    ...overrides,
  });

export const strategyDiscussionHeld = (
  at = '2026-06-01T15:00:00Z',
  participants: unknown[] = [people.police, people.csc, people.yos],
  forChild = 'alleged-child',
  discussionId = 'sd-1',
  warnings: unknown[] = [],
) =>
  recorded('StrategyDiscussionHeld', at, {
    discussionId,
    forChild,
    participants,
    warnings,
  } as never);

export const routeDecided = (
  r: string,
  at = '2026-06-01T16:00:00Z',
  extra: Record<string, unknown> = {},
) =>
  recorded('RouteDecided', at, {
    route: r,
    temporaryRiskStrategy: 'Invented interim plan.',
    ...extra,
  } as never);

export const section47Decided = (
  at = '2026-06-01T16:30:00Z',
  extra: Record<string, unknown> = {},
) => recorded('Section47Decided', at, { section47: true, assessmentCommissioned: true, ...extra });

export const assessorsAllocated = (
  at = '2026-06-03T10:00:00Z',
  list: unknown[] = [assessors.cscAim2, assessors.yosAim2],
  model = 'AIM2',
  lead = { leadAgency: 'childrens-social-care', leadAgencyReason: 'child-protection route' },
) => recorded('AssessorsAllocated', at, { model, assessors: list, ...lead } as never);

export const homeVisitCompleted = (at = '2026-06-04T10:00:00Z') =>
  recorded('HomeVisitCompleted', at, { setting: 'family-home' });

export const homeSafetyPlanAgreed = (
  at = '2026-06-04T15:00:00Z',
  extra: Record<string, unknown> = {},
) =>
  recorded('HomeSafetyPlanAgreed', at, {
    setting: 'family-home',
    plan: safetyPlan,
    typed: true,
    signedBy: ['parent-1', 'as-1'],
    agreedByManagers: [cscManager],
    ...extra,
  });

export const supervisionHeld = (
  kind: 'initial' | 'second' | 'final',
  at: string,
  extra: Record<string, unknown> = {},
) =>
  recorded('SupervisionHeld', at, {
    kind,
    attendees: ['as-1', 'as-2', 'mgr-csc', 'mgr-yos'],
    overseeingManager: cscManager,
    ...(kind === 'initial' ? { rolesAgreed: 'Invented: roles agreed.' } : {}),
    ...(kind === 'final' ? { scores: aim2Scores() } : {}),
    ...extra,
  });

export const initialAimMeetingBooked = (at: string, start: string, meetingId = 'mtg-1') =>
  recorded('InitialAimMeetingBooked', at, {
    meetingId,
    start,
    arrangements: arrangements(start),
  });

/** A booking stored before bookings named their arrangements: no meeting stream tracks it. */
export const untrackedMeetingBooked = (at: string, start: string, meetingId = 'mtg-1') =>
  recorded('InitialAimMeetingBooked', at, { meetingId, start });

export const attendanceNoted = (at = '2026-07-17T11:50:00Z', extra: Record<string, unknown> = {}) =>
  recorded('InitialAimMeetingAttendanceNoted', at, {
    meetingId: 'mtg-1',
    parentsCarersInvited: true,
    youngPersonInvited: true,
    iroPresent: true,
    ...extra,
  });

export const assessmentSharedWithFamily = (at = '2026-07-14T16:00:00Z') =>
  recorded('AssessmentSharedWithFamily', at, {
    sharedWith: ['young-person', 'parents-carers'],
    disagreements: [],
    copyRetained: true,
    childFriendlyVersion: true,
  } as never);

export const initialAimMeetingHeld = (at: string, extra: Record<string, unknown> = {}) =>
  recorded('InitialAimMeetingHeld', at, {
    meetingId: 'mtg-1',
    parentsCarers: { invited: true },
    youngPerson: { invited: true },
    iroPresent: true,
    scores: aim2Scores(),
    plan: fullPlan,
    intensive: false,
    ...extra,
  });

export const emergingRiskRaised = (at = '2026-06-10T10:00:00Z', riskId = 'risk-1') =>
  recorded('EmergingRiskRaised', at, {
    riskId,
    description: 'Invented: a cousin may be at risk.',
  });

export const riskManagementMeetingHeld = (at = '2026-06-10T15:00:00Z', riskId = 'risk-1') =>
  recorded('RiskManagementMeetingHeld', at, {
    riskId,
    writtenPlan: 'Invented written plan.',
  });

export const consentRefused = (at = '2026-06-02T10:00:00Z') =>
  recorded('ConsentRefused', at, {
    refusedBy: 'parents-carers',
    concernRemains: true,
  } as never);

export const exitPlanAgreed = (concerns: unknown[], at = '2026-11-30T10:00:00Z') =>
  recorded('ExitPlanAgreed', at, {
    remainingConcerns: concerns,
    signposting: ['early-help'],
  } as never);

export const caseClosed = (at = '2026-12-01T10:00:00Z', reason = 'intervention complete') =>
  recorded('CaseClosed', at, { reason });

/** Recorded: an accepted child-protection case with the assessment commissioned (HSB-1 … HSB-7). */
export const commissionedEvents = () => [
  concernReported(),
  strategyDiscussionHeld(),
  routeDecided('child-protection'),
  section47Decided(),
];

/** Recorded: the events of upToAllocation() in fixtures.ts. */
export const allocatedEvents = () => [...commissionedEvents(), assessorsAllocated()];

/** Recorded: the events of upToMeeting() in fixtures.ts. */
export const readyForMeetingEvents = () => [
  ...allocatedEvents(),
  homeVisitCompleted(),
  homeSafetyPlanAgreed(),
  supervisionHeld('initial', '2026-06-05T10:00:00Z'),
  initialAimMeetingBooked('2026-06-05T10:30:00Z', '2026-07-17T10:00:00Z'),
  supervisionHeld('second', '2026-06-24T10:00:00Z'),
  supervisionHeld('final', '2026-07-08T10:00:00Z'),
  assessmentSharedWithFamily(),
  attendanceNoted(),
];

/** Recorded: the events of upToIntervention() in fixtures.ts. */
export const interventionEvents = () => [
  ...readyForMeetingEvents(),
  initialAimMeetingHeld('2026-07-17T12:00:00Z'),
];
