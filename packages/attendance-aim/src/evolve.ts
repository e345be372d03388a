/** evolve(state, event): folds one event into the state. Never fails, never validates. */
import { appended } from '@aimline/kernel';
import { sessionKey } from './attendance.js';
import type { AttendanceAimEvent } from './events.js';
import type { AimMeeting, AttendanceAimState, OpenCase } from './state.js';

const updateMeeting = (
  s: OpenCase,
  meetingId: string,
  f: (m: AimMeeting) => AimMeeting,
): OpenCase => {
  const m = s.meetings[meetingId];
  return m === undefined ? s : { ...s, meetings: { ...s.meetings, [meetingId]: f(m) } };
};

export const evolve = (
  state: AttendanceAimState,
  event: AttendanceAimEvent,
): AttendanceAimState => {
  if (event.type === 'AttendanceCaseOpened') {
    const d = event.data;
    return {
      status: 'open',
      caseId: d.caseId,
      openedAt: d.at,
      pupil: d.pupil,
      school: d.school,
      parents: Object.fromEntries(d.parents.map((p) => [p.parentId, p])),
      marks: {},
      importedPeriods: [],
      supportEvidence: [],
      meetings: {},
      meetingOrder: [],
      interactions: [],
      directQuotes: 0,
      documents: [],
      noEngagementAt: undefined,
      inclusionOfficerConsultedAt: undefined,
      legalMeetingAt: undefined,
      legalRequests: [],
      prosecutionConsideredAt: undefined,
      legalSteps: {},
      stepOrder: [],
      closedAt: undefined,
    };
  }
  if (state.status === 'none') return state;
  const s = state;
  switch (event.type) {
    case 'ParentCarerAdded':
      return { ...s, parents: { ...s.parents, [event.data.parent.parentId]: event.data.parent } };
    case 'AttendanceImported': {
      const marks = { ...s.marks };
      for (const m of event.data.sessions) marks[sessionKey(m)] = m;
      return { ...s, marks, importedPeriods: [...s.importedPeriods, event.data.period] };
    }
    case 'AttendanceMarkCorrected': {
      const d = event.data;
      return {
        ...s,
        marks: { ...s.marks, [sessionKey(d)]: { date: d.date, session: d.session, code: d.to } },
      };
    }
    case 'SupportEvidenceAttached':
      return {
        ...s,
        supportEvidence: [
          ...s.supportEvidence,
          { documentRef: event.data.documentRef, at: event.data.at },
        ],
        documents: [...s.documents, event.data.documentRef],
      };
    case 'AimScheduled': {
      const d = event.data;
      const meeting: AimMeeting = {
        meetingId: d.meetingId,
        start: d.start,
        venue: d.venue,
        scheduledAt: d.at,
        status: 'scheduled',
        letters: {},
        cannotAttend: [],
        decidedAt: undefined,
        notHeldAction: undefined,
        outcome: undefined,
        reviewedAt: undefined,
      };
      return {
        ...s,
        meetings: { ...s.meetings, [d.meetingId]: meeting },
        meetingOrder: [...s.meetingOrder, d.meetingId],
      };
    }
    case 'AimRearranged':
      return updateMeeting(s, event.data.meetingId, (m) => ({
        ...m,
        start: event.data.start,
        venue: event.data.venue,
        cannotAttend: [],
      }));
    case 'AimLetterSent': {
      const d = event.data;
      return {
        ...updateMeeting(s, d.meetingId, (m) => ({
          ...m,
          letters: {
            ...m.letters,
            [d.parentId]: {
              parentId: d.parentId,
              sentAt: d.at,
              documentRef: d.documentRef,
              forStart: m.start,
            },
          },
        })),
        documents: [
          ...s.documents,
          d.documentRef,
          ...(d.coverLetterRef === undefined ? [] : [d.coverLetterRef]),
        ],
      };
    }
    case 'InteractionRecorded': {
      const d = event.data;
      const next = appended(s, 'interactions', { interactionId: d.interactionId, at: d.at });
      if (d.response?.answer !== 'cannot-attend' || d.with.kind !== 'parent') return next;
      const parentId = d.with.parentId;
      return updateMeeting(next, d.response.meetingId, (m) => ({
        ...m,
        cannotAttend: [...m.cannotAttend, { parentId, at: d.at }],
      }));
    }
    case 'VoiceCaptured':
      return { ...s, directQuotes: s.directQuotes + 1 };
    case 'DocumentFiled':
      return appended(s, 'documents', event.data.documentRef);
    case 'AimHeld':
      return updateMeeting(s, event.data.meetingId, (m) => ({
        ...m,
        status: 'held',
        decidedAt: event.data.at,
      }));
    case 'AimNotHeld':
      return updateMeeting(s, event.data.meetingId, (m) => ({
        ...m,
        status: 'not-held',
        decidedAt: event.data.at,
        notHeldAction: event.data.nextStep.action,
      }));
    case 'AimOutcomeRecorded':
      return updateMeeting(s, event.data.meetingId, (m) => ({
        ...m,
        outcome: {
          targets: event.data.targets,
          reviewDueOn: event.data.reviewDueOn,
          at: event.data.at,
        },
      }));
    case 'TargetsReviewed':
      return updateMeeting(s, event.data.reviewOf, (m) => ({ ...m, reviewedAt: event.data.at }));
    case 'NoEngagementRecorded':
      return { ...s, noEngagementAt: event.data.at };
    case 'InclusionOfficerConsulted':
      return { ...s, inclusionOfficerConsultedAt: event.data.at };
    case 'LegalInterventionMeetingHeld':
      return { ...s, legalMeetingAt: event.data.at };
    case 'LegalProceedingsRequested': {
      const { requestId, at } = event.data;
      return appended(s, 'legalRequests', { requestId, at });
    }
    case 'ProsecutionConsidered':
      return { ...s, prosecutionConsideredAt: event.data.at };
    case 'LegalStepRecorded': {
      const d = event.data;
      return {
        ...s,
        legalSteps: {
          ...s.legalSteps,
          [d.stepId]: {
            stepId: d.stepId,
            step: d.step,
            at: d.at,
            penalty: d.penalty,
            improvementPeriodEnds: d.improvementPeriodEnds,
            paidOn: undefined,
          },
        },
        stepOrder: [...s.stepOrder, d.stepId],
      };
    }
    case 'PenaltyPaid': {
      const step = s.legalSteps[event.data.stepId];
      return step === undefined
        ? s
        : {
            ...s,
            legalSteps: { ...s.legalSteps, [step.stepId]: { ...step, paidOn: event.data.paidOn } },
          };
    }
    case 'CaseClosed':
      return { ...s, status: 'closed', closedAt: event.data.at };
  }
};
