/**
 * evolve(state, event): folds one event into the state. Never fails, never validates:
 * events are facts. An event for a case that does not exist yet (other than
 * ConcernReported) leaves the state unchanged.
 */
import { appended } from '@aimline/kernel';
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

export const evolve = (state: HsbState, event: HsbEvent): HsbState => {
  if (event.type === 'ConcernReported') {
    if (isCase(state)) return state;
    const d = event.data;
    return {
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
    };
  }
  if (!isCase(state)) return state;
  const s = state;
  const a = s.assessment;
  switch (event.type) {
    case 'CaseLinked': {
      const { linkedCaseId, relationship } = event.data;
      return appended(s, 'links', { linkedCaseId, relationship });
    }
    case 'StrategyDiscussionHeld': {
      const { discussionId, at, forChild, warnings } = event.data;
      return appended(s, 'strategy', { discussionId, at, forChild, warnings });
    }
    case 'RouteDecided':
      return { ...s, route: { route: event.data.route, at: event.data.at } };
    case 'Section47Decided': {
      const d = event.data;
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
    }
    case 'ConferenceHeld':
      return event.data.kind === 'initial'
        ? { ...s, conferences: { ...s.conferences, initialAt: event.data.at } }
        : {
            ...s,
            conferences: { ...s.conferences, reviews: [...s.conferences.reviews, event.data.at] },
          };
    case 'ChildAndFamilyAssessmentCompleted':
      return { ...s, childAndFamilyAssessmentAt: event.data.at };
    case 'AssessorsAllocated': {
      const d = event.data;
      return {
        ...s,
        assessment: {
          ...a,
          model: d.model,
          leadAgency: d.leadAgency,
          allocatedAt: d.at,
          assessors: d.assessors,
        },
      };
    }
    case 'SettingRecorded': {
      const { setting, kind, at } = event.data;
      return appended(s, 'settings', { setting, kind, from: at });
    }
    case 'SettingEnded':
      return onStay(s, event.data.setting, (x) => ({ ...x, endedAt: event.data.at }));
    case 'HomeVisitCompleted':
      return onStay(
        { ...s, assessment: { ...a, homeVisitAt: a.homeVisitAt ?? event.data.at } },
        event.data.setting,
        (x) => ({ ...x, visitAt: x.visitAt ?? event.data.at }),
      );
    case 'HomeSafetyPlanAgreed':
      return onStay(
        { ...s, assessment: { ...a, safetyPlanAt: a.safetyPlanAt ?? event.data.at } },
        event.data.setting,
        (x) => ({ ...x, planAt: x.planAt ?? event.data.at }),
      );
    case 'SupervisionHeld': {
      const d = event.data;
      const withSupervision: OpenCase = {
        ...s,
        assessment: { ...a, supervisions: { ...a.supervisions, [d.kind]: d.at } },
      };
      return d.scores === undefined
        ? withSupervision
        : {
            ...withSupervision,
            scores: [...s.scores, { at: d.at, occasion: 'final-supervision', outcome: d.scores }],
          };
    }
    case 'InitialAimMeetingBooked':
      return {
        ...s,
        assessment: {
          ...a,
          meeting: {
            meetingId: event.data.meetingId,
            start: event.data.start,
            bookedAt: event.data.at,
            tracked: event.data.arrangements !== undefined,
          },
        },
      };
    case 'ReportToChairNoted':
      return { ...s, assessment: { ...a, reports: { ...a.reports, chair: event.data.at } } };
    case 'InitialAimMeetingAttendanceNoted': {
      const { meetingId: _, caseId: __, ...attendance } = event.data;
      return a.meeting === undefined
        ? s
        : { ...s, assessment: { ...a, meeting: { ...a.meeting, attendance } } };
    }
    case 'ReportSubmitted':
      return {
        ...s,
        assessment: { ...a, reports: { ...a.reports, [event.data.recipient]: event.data.at } },
      };
    case 'AssessmentSharedWithFamily':
      return { ...s, assessment: { ...a, sharedWithFamilyAt: event.data.at } };
    case 'ConsentRefused':
      return { ...s, assessment: { ...a, consentRefusedAt: event.data.at } };
    case 'EmergingRiskRaised':
      return appended(s, 'emergingRisks', { riskId: event.data.riskId, raisedAt: event.data.at });
    case 'RiskManagementMeetingHeld':
      return {
        ...s,
        emergingRisks: s.emergingRisks.map((r) =>
          r.riskId === event.data.riskId && r.meetingAt === undefined
            ? { ...r, meetingAt: event.data.at }
            : r,
        ),
      };
    case 'InitialAimMeetingHeld': {
      const d = event.data;
      return {
        ...s,
        initialMeetingAt: d.at,
        scores: [...s.scores, { at: d.at, occasion: 'initial-aim-meeting', outcome: d.scores }],
        intervention: { ...s.intervention, planAgreedAt: d.at, intensive: d.intensive },
      };
    }
    case 'ContactRecorded':
      return {
        ...s,
        intervention: {
          ...s.intervention,
          contacts: [
            ...s.intervention.contacts,
            { at: event.data.at, intensive: s.intervention.intensive },
          ],
        },
      };
    case 'PractitionerSupervised':
      return {
        ...s,
        intervention: {
          ...s.intervention,
          practitionerSupervisions: [...s.intervention.practitionerSupervisions, event.data.at],
        },
      };
    case 'IntensityChanged':
      return { ...s, intervention: { ...s.intervention, intensive: event.data.intensive } };
    case 'ReviewHeld': {
      const d = event.data;
      return {
        ...s,
        scores: [...s.scores, { at: d.at, occasion: 'review', outcome: d.rescored }],
        intervention: {
          ...s.intervention,
          reviews: [...s.intervention.reviews, d.at],
          ...(d.interventionEnds ? { endedAt: d.at } : {}),
        },
      };
    }
    case 'ExitPlanAgreed':
      return { ...s, exitPlanAt: event.data.at };
    case 'CaseClosed':
      return { ...s, status: 'closed', closedAt: event.data.at };
    case 'CaseReopened': {
      const { exitPlanAt: _dropped, ...rest } = s;
      const { endedAt: _ended, ...intervention } = s.intervention;
      return {
        ...rest,
        status: 'open',
        reopenings: [...s.reopenings, event.data.at],
        intervention,
      };
    }
    case 'AdmissionRecorded':
      return { ...s, criminal: { ...s.criminal, admissionAt: event.data.at } };
    case 'BailRecorded':
      return {
        ...s,
        criminal: {
          ...s.criminal,
          bail: { kind: event.data.kind, at: event.data.at, until: event.data.until },
        },
      };
    case 'AssessmentTriggeredByPolice':
      return commission(
        { ...s, criminal: { ...s.criminal, triggeredAt: event.data.at } },
        'police',
        event.data.at,
      );
    case 'PoliceDecisionRecorded': {
      const d = event.data;
      const nfa = d.decision === 'no-further-action';
      return {
        ...s,
        criminal: {
          ...s.criminal,
          policeDecision: { decision: d.decision, at: d.at },
          ...(nfa ? { ended: { ending: 'no-further-action' as const, at: d.at } } : {}),
        },
      };
    }
    case 'Charged':
      return { ...s, criminal: { ...s.criminal, chargedAt: event.data.at } };
    case 'PleaEntered':
      return { ...s, criminal: { ...s.criminal, plea: event.data.plea } };
    case 'FindingRecorded': {
      const d = event.data;
      return {
        ...s,
        criminal: {
          ...s.criminal,
          finding: d.finding,
          ...(d.finding === 'not-guilty'
            ? { ended: { ending: 'not-guilty' as const, at: d.at } }
            : {}),
        },
      };
    }
    case 'ProceedingsWithdrawn':
      return {
        ...s,
        criminal: { ...s.criminal, ended: { ending: 'withdrawn', at: event.data.at } },
      };
    case 'RouteChanged': {
      const d = event.data;
      return {
        ...s,
        route: { route: d.to, at: d.at },
        routeChanges: [...s.routeChanges, { from: d.from, to: d.to, at: d.at }],
        assessment: a.allocatedAt === undefined ? a : { ...a, leadAgency: d.leadAgency },
      };
    }
    case 'CourtTimeRequested':
      return commission(
        {
          ...s,
          criminal: {
            ...s.criminal,
            courtTimeRequestedAt: event.data.at,
            adjournedUntil: event.data.untilDate,
          },
        },
        'court',
        event.data.at,
      );
    case 'ReferredBackToChildProtection':
      return commission(
        { ...s, criminal: { ...s.criminal, referredBackAt: event.data.at } },
        'referral-back',
        event.data.at,
      );
    case 'CustodyStarted':
      return {
        ...s,
        criminal: {
          ...s.criminal,
          custody: { kind: event.data.kind, from: event.data.at },
          custodyPeriods: [...(s.criminal.custodyPeriods ?? []), { from: event.data.at }],
        },
      };
    case 'ReleasedFromCustody':
      return {
        ...s,
        criminal: {
          ...s.criminal,
          releasedAt: event.data.at,
          custodyPeriods: (s.criminal.custodyPeriods ?? []).map((p) =>
            p.to === undefined ? { ...p, to: event.data.at } : p,
          ),
        },
      };
    case 'DisagreementEscalated': {
      const d = event.data;
      const known = s.disagreements.some((x) => x.disagreementId === d.disagreementId);
      return {
        ...s,
        disagreements: known
          ? s.disagreements.map((x) =>
              x.disagreementId === d.disagreementId
                ? { ...x, stages: [...x.stages, { stage: d.stage, at: d.at }] }
                : x,
            )
          : [
              ...s.disagreements,
              { disagreementId: d.disagreementId, stages: [{ stage: d.stage, at: d.at }] },
            ],
      };
    }
    case 'DisagreementResolved':
      return {
        ...s,
        disagreements: s.disagreements.map((x) =>
          x.disagreementId === event.data.disagreementId ? { ...x, resolvedAt: event.data.at } : x,
        ),
      };
    case 'ChildDetailsCorrected':
      return withCorrectedDetails(s, event.data);
  }
};
