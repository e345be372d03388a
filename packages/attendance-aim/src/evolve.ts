/**
 * evolve(state, event): folds one event into the state, one fold per event type. Never fails,
 * never validates.
 */
import { appended, evolveBy, onceOpened, type EvolveTable } from '@aimline/kernel';
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

const isOpened = (s: AttendanceAimState): s is OpenCase => s.status !== 'none';

/** The folds of the events after the opening, over the open (or closed) case. */
const onOpenCase: EvolveTable<
  Exclude<AttendanceAimEvent, { type: 'AttendanceCaseOpened' }>,
  OpenCase,
  AttendanceAimState
> = {
  ParentCarerAdded: (s, { parent }) => ({
    ...s,
    parents: { ...s.parents, [parent.parentId]: parent },
  }),
  AttendanceImported: (s, { sessions, period }) => {
    const marks = { ...s.marks };
    for (const m of sessions) marks[sessionKey(m)] = m;
    return { ...appended(s, 'importedPeriods', period), marks };
  },
  AttendanceMarkCorrected: (s, d) => ({
    ...s,
    marks: { ...s.marks, [sessionKey(d)]: { date: d.date, session: d.session, code: d.to } },
  }),
  SupportEvidenceAttached: (s, { documentRef, at }) => ({
    ...appended(s, 'supportEvidence', { documentRef, at }),
    documents: [...s.documents, documentRef],
  }),
  AimScheduled: (s, { meetingId, start, venue, at }) => ({
    ...appended(s, 'meetingOrder', meetingId),
    meetings: {
      ...s.meetings,
      [meetingId]: {
        meetingId,
        start,
        venue,
        scheduledAt: at,
        status: 'scheduled',
        letters: {},
        cannotAttend: [],
        decidedAt: undefined,
        notHeldAction: undefined,
        outcome: undefined,
        reviewedAt: undefined,
      },
    },
  }),
  AimRearranged: (s, { meetingId, start, venue }) =>
    updateMeeting(s, meetingId, (m) => ({ ...m, start, venue, cannotAttend: [] })),
  AimLetterSent: (s, { meetingId, parentId, at, documentRef, coverLetterRef }) => ({
    ...updateMeeting(s, meetingId, (m) => ({
      ...m,
      letters: {
        ...m.letters,
        [parentId]: { parentId, sentAt: at, documentRef, forStart: m.start },
      },
    })),
    documents: [
      ...s.documents,
      documentRef,
      ...(coverLetterRef === undefined ? [] : [coverLetterRef]),
    ],
  }),
  InteractionRecorded: (s, d) => {
    const next = appended(s, 'interactions', { interactionId: d.interactionId, at: d.at });
    if (d.response?.answer !== 'cannot-attend' || d.with.kind !== 'parent') return next;
    const parentId = d.with.parentId;
    return updateMeeting(next, d.response.meetingId, (m) => ({
      ...m,
      cannotAttend: [...m.cannotAttend, { parentId, at: d.at }],
    }));
  },
  VoiceCaptured: (s) => ({ ...s, directQuotes: s.directQuotes + 1 }),
  DocumentFiled: (s, { documentRef }) => appended(s, 'documents', documentRef),
  AimHeld: (s, { meetingId, at }) =>
    updateMeeting(s, meetingId, (m) => ({ ...m, status: 'held', decidedAt: at })),
  AimNotHeld: (s, { meetingId, at, nextStep }) =>
    updateMeeting(s, meetingId, (m) => ({
      ...m,
      status: 'not-held',
      decidedAt: at,
      notHeldAction: nextStep.action,
    })),
  AimOutcomeRecorded: (s, { meetingId, targets, reviewDueOn, at }) =>
    updateMeeting(s, meetingId, (m) => ({ ...m, outcome: { targets, reviewDueOn, at } })),
  TargetsReviewed: (s, { reviewOf, at }) =>
    updateMeeting(s, reviewOf, (m) => ({ ...m, reviewedAt: at })),
  NoEngagementRecorded: (s, { at }) => ({ ...s, noEngagementAt: at }),
  InclusionOfficerConsulted: (s, { at }) => ({ ...s, inclusionOfficerConsultedAt: at }),
  LegalInterventionMeetingHeld: (s, { at }) => ({ ...s, legalMeetingAt: at }),
  LegalProceedingsRequested: (s, { requestId, at }) =>
    appended(s, 'legalRequests', { requestId, at }),
  ProsecutionConsidered: (s, { at }) => ({ ...s, prosecutionConsideredAt: at }),
  LegalStepRecorded: (s, { stepId, step, at, penalty, improvementPeriodEnds }) => ({
    ...appended(s, 'stepOrder', stepId),
    legalSteps: {
      ...s.legalSteps,
      [stepId]: { stepId, step, at, penalty, improvementPeriodEnds, paidOn: undefined },
    },
  }),
  PenaltyPaid: (s, { stepId, paidOn }) => {
    const step = s.legalSteps[stepId];
    return step === undefined
      ? s
      : { ...s, legalSteps: { ...s.legalSteps, [step.stepId]: { ...step, paidOn } } };
  },
  CaseClosed: (s, { at }) => ({ ...s, status: 'closed', closedAt: at }),
};

/** The opening event starts the case; before it, every other event leaves the state as it is. */
export const evolve = evolveBy<AttendanceAimEvent, AttendanceAimState>({
  AttendanceCaseOpened: (_state, d) => ({
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
  }),
  ...onceOpened(isOpened, onOpenCase),
});
