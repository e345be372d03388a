/**
 * evolve(state, event): folds one event into the state, one fold per event type (the kernel's
 * `evolveBy`). Never fails, never validates:
 * events are facts. An event for a case that does not exist yet (other than
 * ConcernReported) leaves the state unchanged.
 */
import { appended, evolveBy, onceOpened, type EvolveTable } from '@aimline/kernel';
import type { Child } from './values.js';
import type { HsbEvent } from './events.js';
import { withCorrectedDetails } from './rectification.js';
import {
  currentStay,
  emptyAssessment,
  emptyIntervention,
  isCase,
  type ChildFacts,
  type HsbState,
  type OpenCase,
  type SettingStay,
} from './state.js';

/** Applies `change` to the running stay in `setting`, if there is one. */
const onStay = (
  s: OpenCase,
  setting: string,
  change: (x: SettingStay) => SettingStay,
): OpenCase => {
  const stay = currentStay(s.settings, setting);
  return stay === undefined
    ? s
    : { ...s, settings: s.settings.map((x) => (x === stay ? change(x) : x)) };
};

const facts = (c: Child): ChildFacts => ({
  childId: c.childId,
  dateOfBirth: c.dateOfBirth,
  ...(c.school === undefined ? {} : { school: c.school }),
  ...(c.socialWorker === undefined ? {} : { socialWorkerId: c.socialWorker.id }),
  lookedAfter: c.lookedAfter ?? false,
  learningDisability: c.learningDisability ?? false,
  openToYosForSexualOffence: c.openToYosForSexualOffence ?? false,
});

const commission = (
  s: OpenCase,
  by: 'section-47' | 'police' | 'court' | 'referral-back',
  at: string,
): OpenCase =>
  s.assessment.commissioned
    ? s
    : { ...s, assessment: { ...s.assessment, commissioned: { by, at } } };

type Part = 'assessment' | 'intervention' | 'criminal' | 'conferences';

/** The case with `patch` over one of its parts: `patched(s, 'criminal', { chargedAt: at })`. */
const patched = <K extends Part>(s: OpenCase, part: K, patch: Partial<OpenCase[K]>): OpenCase => ({
  ...s,
  [part]: { ...s[part], ...patch },
});

/** A score of the case (HSB-22): at an occasion, with its outcome. */
const scored = (s: OpenCase, score: OpenCase['scores'][number]): OpenCase =>
  appended(s, 'scores', score);

/** The folds of the events after ConcernReported, over the open (or closed) case. */
const onOpenCase: EvolveTable<
  Exclude<HsbEvent, { type: 'ConcernReported' }>,
  OpenCase,
  HsbState
> = {
  CaseLinked: (s, { linkedCaseId, relationship }) =>
    appended(s, 'links', { linkedCaseId, relationship }),
  StrategyDiscussionHeld: (s, { discussionId, at, forChild, warnings }) =>
    appended(s, 'strategy', { discussionId, at, forChild, warnings }),
  RouteDecided: (s, { route, at }) => ({ ...s, route: { route, at } }),
  Section47Decided: (s, d) => {
    const firstStrategy = s.strategy[0]?.at;
    const next: OpenCase = {
      ...s,
      section47: { section47: d.section47, at: d.at },
      conferences:
        d.conferenceCalled === true
          ? {
              ...s.conferences,
              calledAt: d.at,
              ...(firstStrategy === undefined ? {} : { startedFrom: firstStrategy }),
            }
          : s.conferences,
    };
    return d.assessmentCommissioned ? commission(next, 'section-47', d.at) : next;
  },
  ConferenceHeld: (s, { kind, at }) =>
    kind === 'initial'
      ? patched(s, 'conferences', { initialAt: at })
      : patched(s, 'conferences', { reviews: [...s.conferences.reviews, at] }),
  ChildAndFamilyAssessmentCompleted: (s, { at }) => ({ ...s, childAndFamilyAssessmentAt: at }),
  AssessorsAllocated: (s, { model, leadAgency, at, assessors }) =>
    patched(s, 'assessment', { model, leadAgency, allocatedAt: at, assessors }),
  SettingRecorded: (s, { setting, kind, at }) =>
    appended(s, 'settings', { setting, kind, from: at }),
  SettingEnded: (s, { setting, at }) => onStay(s, setting, (x) => ({ ...x, endedAt: at })),
  HomeVisitCompleted: (s, { setting, at }) =>
    onStay(
      patched(s, 'assessment', { homeVisitAt: s.assessment.homeVisitAt ?? at }),
      setting,
      (x) => ({ ...x, visitAt: x.visitAt ?? at }),
    ),
  HomeSafetyPlanAgreed: (s, { setting, at }) =>
    onStay(
      patched(s, 'assessment', { safetyPlanAt: s.assessment.safetyPlanAt ?? at }),
      setting,
      (x) => ({ ...x, planAt: x.planAt ?? at }),
    ),
  SupervisionHeld: (s, { kind, at, scores }) => {
    const supervisions = { ...s.assessment.supervisions, [kind]: at };
    const withSupervision = patched(s, 'assessment', { supervisions });
    return scores === undefined
      ? withSupervision
      : scored(withSupervision, { at, occasion: 'final-supervision', outcome: scores });
  },
  InitialAimMeetingBooked: (s, { meetingId, start, at, arrangements }) =>
    patched(s, 'assessment', {
      meeting: { meetingId, start, bookedAt: at, tracked: arrangements !== undefined },
    }),
  ReportToChairNoted: (s, { at }) =>
    patched(s, 'assessment', { reports: { ...s.assessment.reports, chair: at } }),
  InitialAimMeetingAttendanceNoted: (s, { meetingId: _, caseId: __, ...attendance }) => {
    const meeting = s.assessment.meeting;
    return meeting === undefined
      ? s
      : patched(s, 'assessment', { meeting: { ...meeting, attendance } });
  },
  ReportSubmitted: (s, { recipient, at }) =>
    patched(s, 'assessment', { reports: { ...s.assessment.reports, [recipient]: at } }),
  AssessmentSharedWithFamily: (s, { at }) => patched(s, 'assessment', { sharedWithFamilyAt: at }),
  ConsentRefused: (s, { at }) => patched(s, 'assessment', { consentRefusedAt: at }),
  EmergingRiskRaised: (s, { riskId, at }) => appended(s, 'emergingRisks', { riskId, raisedAt: at }),
  RiskManagementMeetingHeld: (s, { riskId, at }) => ({
    ...s,
    emergingRisks: s.emergingRisks.map((r) =>
      r.riskId === riskId && r.meetingAt === undefined ? { ...r, meetingAt: at } : r,
    ),
  }),
  InitialAimMeetingHeld: (s, { at, scores, intensive }) => ({
    ...patched(
      scored(s, { at, occasion: 'initial-aim-meeting', outcome: scores }),
      'intervention',
      {
        planAgreedAt: at,
        intensive,
      },
    ),
    initialMeetingAt: at,
  }),
  ContactRecorded: (s, { at }) =>
    patched(s, 'intervention', {
      contacts: [...s.intervention.contacts, { at, intensive: s.intervention.intensive }],
    }),
  PractitionerSupervised: (s, { at }) =>
    patched(s, 'intervention', {
      practitionerSupervisions: [...s.intervention.practitionerSupervisions, at],
    }),
  IntensityChanged: (s, { intensive }) => patched(s, 'intervention', { intensive }),
  ReviewHeld: (s, { at, rescored, interventionEnds }) =>
    patched(scored(s, { at, occasion: 'review', outcome: rescored }), 'intervention', {
      reviews: [...s.intervention.reviews, at],
      ...(interventionEnds ? { endedAt: at } : {}),
    }),
  ExitPlanAgreed: (s, { at }) => ({ ...s, exitPlanAt: at }),
  CaseClosed: (s, { at }) => ({ ...s, status: 'closed', closedAt: at }),
  CaseReopened: (s, { at }) => {
    const { exitPlanAt: _dropped, ...rest } = s;
    const { endedAt: _ended, ...intervention } = s.intervention;
    return { ...rest, status: 'open', reopenings: [...s.reopenings, at], intervention };
  },
  AdmissionRecorded: (s, { at }) => patched(s, 'criminal', { admissionAt: at }),
  BailRecorded: (s, { kind, at, until }) => patched(s, 'criminal', { bail: { kind, at, until } }),
  AssessmentTriggeredByPolice: (s, { at }) =>
    commission(patched(s, 'criminal', { triggeredAt: at }), 'police', at),
  PoliceDecisionRecorded: (s, { decision, at }) =>
    patched(s, 'criminal', {
      policeDecision: { decision, at },
      ...(decision === 'no-further-action'
        ? { ended: { ending: 'no-further-action' as const, at } }
        : {}),
    }),
  Charged: (s, { at }) => patched(s, 'criminal', { chargedAt: at }),
  PleaEntered: (s, { plea }) => patched(s, 'criminal', { plea }),
  FindingRecorded: (s, { finding, at }) =>
    patched(s, 'criminal', {
      finding,
      ...(finding === 'not-guilty' ? { ended: { ending: 'not-guilty' as const, at } } : {}),
    }),
  ProceedingsWithdrawn: (s, { at }) =>
    patched(s, 'criminal', { ended: { ending: 'withdrawn', at } }),
  RouteChanged: (s, { from, to, at, leadAgency }) => ({
    ...appended(s, 'routeChanges', { from, to, at }),
    route: { route: to, at },
    assessment:
      s.assessment.allocatedAt === undefined ? s.assessment : { ...s.assessment, leadAgency },
  }),
  CourtTimeRequested: (s, { at, untilDate }) =>
    commission(
      patched(s, 'criminal', { courtTimeRequestedAt: at, adjournedUntil: untilDate }),
      'court',
      at,
    ),
  ReferredBackToChildProtection: (s, { at }) =>
    commission(patched(s, 'criminal', { referredBackAt: at }), 'referral-back', at),
  CustodyStarted: (s, { kind, at }) =>
    patched(s, 'criminal', {
      custody: { kind, from: at },
      custodyPeriods: [...(s.criminal.custodyPeriods ?? []), { from: at }],
    }),
  ReleasedFromCustody: (s, { at }) =>
    patched(s, 'criminal', {
      releasedAt: at,
      custodyPeriods: (s.criminal.custodyPeriods ?? []).map((p) =>
        p.to === undefined ? { ...p, to: at } : p,
      ),
    }),
  DisagreementEscalated: (s, { disagreementId, stage, at }) => {
    const known = s.disagreements.some((x) => x.disagreementId === disagreementId);
    return known
      ? {
          ...s,
          disagreements: s.disagreements.map((x) =>
            x.disagreementId === disagreementId
              ? { ...x, stages: [...x.stages, { stage, at }] }
              : x,
          ),
        }
      : appended(s, 'disagreements', { disagreementId, stages: [{ stage, at }] });
  },
  DisagreementResolved: (s, { disagreementId, at }) => ({
    ...s,
    disagreements: s.disagreements.map((x) =>
      x.disagreementId === disagreementId ? { ...x, resolvedAt: at } : x,
    ),
  }),
  ChildDetailsCorrected: withCorrectedDetails,
};

export const evolve = evolveBy<HsbEvent, HsbState>({
  ConcernReported: (state, d) =>
    isCase(state)
      ? state
      : {
          status: 'open',
          caseId: d.caseId,
          reportedAt: d.at,
          disclosedAt: d.disclosedAt,
          behaviourDate: d.behaviourDate,
          child: facts(d.child),
          ...(d.victim === undefined ? {} : { victim: facts(d.victim) }),
          links: [],
          settings: [],
          strategy: [],
          routeChanges: [],
          conferences: { reviews: [] },
          assessment: emptyAssessment,
          scores: [],
          emergingRisks: [],
          intervention: emptyIntervention,
          criminal: {},
          disagreements: [],
          reopenings: [],
        },
  ...onceOpened(isCase, onOpenCase),
});
