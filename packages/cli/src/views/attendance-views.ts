import {
  caseRollingWindow,
  caseWarnings,
  pupilStage,
  type OpenCase,
} from '@aimline/attendance-aim';
import { localDate, type Instant } from '@aimline/calendar';
import {
  memoryStreamTable,
  streamValues,
  type Projection,
  type StreamTable,
} from '@aimline/projections';
import type { Runtime } from '../runtime.js';
import { eventOf, type DomainRegistry, type StateOf, type TypedModules } from '@aimline/aimline';

type AttendanceAimState = StateOf<TypedModules['attendanceAim']>;

export interface AttendanceOverview {
  readonly asOf: string;
  readonly byStage: Record<string, number>;
  readonly reviewsDue: ReadonlyArray<{
    caseId: string;
    meetingId: string;
    dueOn: string;
    overdue: boolean;
  }>;
  readonly penaltyThresholdMet: ReadonlyArray<{
    caseId: string;
    unauthorisedSessions: number;
    weeks: number;
  }>;
  readonly nearEndOfCompulsorySchoolAge: ReadonlyArray<{
    caseId: string;
    ends: string;
    message: string;
  }>;
}

/** Where a case stands: the furthest step of the process it has reached. */
export const stageOf = (s: OpenCase): string => {
  if (s.status === 'closed') return 'closed';
  if (s.stepOrder.length > 0) return 'legal steps';
  if (s.legalRequests.length > 0) return 'legal proceedings requested';
  if (s.legalMeetingAt !== undefined) return 'lead officer meeting';
  if (s.inclusionOfficerConsultedAt !== undefined) return 'inclusion officer consulted';
  if (s.noEngagementAt !== undefined) return 'no engagement';
  if (Object.values(s.meetings).some((m) => m.status === 'held')) return 'meetings and reviews';
  if (s.meetingOrder.length > 0) return 'meeting arranged';
  return 'support and evidence';
};

/**
 * Folds attendance cases, then answers the attendance questions as of `asOf`. `cases`: where
 * each case's state is kept (default: in memory; a bounded `spillingStreamTable` keeps replay
 * memory flat in the number of cases).
 */
export const attendanceOverviewProjection = (
  registry: DomainRegistry,
  cases: () => StreamTable<AttendanceAimState> = () => memoryStreamTable(),
): Projection<{
  cases: StreamTable<AttendanceAimState>;
}> => {
  const { attendanceAim } = registry.typed;
  return {
    name: 'attendance-overview',
    streamPrefixes: [attendanceAim.streamPrefix],
    // Each pupil's stage and the end of compulsory school age (NAT-8) come from the date of birth.
    personalData: [{ eventType: 'AttendanceCaseOpened', path: 'pupil.dateOfBirth' }],
    initialState: () => ({ cases: cases() }),
    apply: (s, e) => {
      const event = eventOf(attendanceAim, e);
      if (event === undefined) return s;
      const before = s.cases.get(e.recorded.stream) ?? attendanceAim.decider.initialState;
      s.cases.set(e.recorded.stream, attendanceAim.decider.evolve(before, event));
      return s;
    },
  };
};

export const attendanceOverview = (
  rt: Runtime,
  cases: StreamTable<AttendanceAimState>,
  asOf: Instant,
): AttendanceOverview => {
  const today = localDate(asOf);
  const byStage: Record<string, number> = {};
  const reviewsDue: AttendanceOverview['reviewsDue'][number][] = [];
  const penalty: AttendanceOverview['penaltyThresholdMet'][number][] = [];
  const nearEnd: AttendanceOverview['nearEndOfCompulsorySchoolAge'][number][] = [];
  for (const state of streamValues(cases)) {
    if (state.status === 'none') continue;
    const stage = stageOf(state);
    byStage[stage] = (byStage[stage] ?? 0) + 1;
    if (state.status === 'closed') continue;
    for (const m of Object.values(state.meetings))
      if (m.outcome !== undefined && m.reviewedAt === undefined)
        reviewsDue.push({
          caseId: state.caseId,
          meetingId: m.meetingId,
          dueOn: m.outcome.reviewDueOn,
          overdue: m.outcome.reviewDueOn < today,
        });
    const window = caseRollingWindow(state, rt.policy.attendance, today);
    if (window.thresholdMet)
      penalty.push({
        caseId: state.caseId,
        unauthorisedSessions: window.unauthorisedSessions,
        weeks: window.weeks.length,
      });
    const nat8 = caseWarnings(state, rt.policy.attendance, today).find((w) => w.ruleId === 'NAT-8');
    if (nat8)
      nearEnd.push({
        caseId: state.caseId,
        ends: pupilStage(state, rt.policy.attendance, today)?.compulsorySchoolAgeEnds ?? '',
        message: nat8.message,
      });
  }
  reviewsDue.sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return {
    asOf: asOf.iso,
    byStage,
    reviewsDue,
    penaltyThresholdMet: penalty,
    nearEndOfCompulsorySchoolAge: nearEnd,
  };
};
