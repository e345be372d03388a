import type { Deadline } from '@aimline/calendar';
import type { AnyDomainModule } from '@aimline/kernel';
import { hsbCaseModule, deadlines as hsbDeadlines, type HsbState } from '@aimline/hsb-aim';
import { meetingModule, deadlines as meetingDeadlines, type MeetingState } from '@aimline/meetings';
import {
  panelReferralModule,
  panelSittingModule,
  referralDeadlines,
  sittingDeadlines,
  type ReferralState,
  type SittingState,
} from '@aimline/panel';
import {
  attendanceAimModule,
  deadlines as attendanceDeadlines,
  type AttendanceAimState,
} from '@aimline/attendance-aim';
import {
  attendancePhaseOf,
  hsbPhaseOf,
  panelReferralPhaseOf,
  type DeadlineSource,
  type PhaseOf,
} from '@aimline/projections';
import { schoolCalendarFor, type CouncilPolicy } from './council-policy.js';

export interface DomainEntry {
  readonly module: AnyDomainModule;
  readonly source: DeadlineSource;
  readonly phaseOf: PhaseOf;
}

export interface DomainRegistry {
  readonly entries: ReadonlyArray<DomainEntry>;
  readonly modules: ReadonlyArray<AnyDomainModule>;
  readonly sources: ReadonlyArray<DeadlineSource>;
  /** The modules that accept a command type (usually one; a wire command may name its module). */
  modulesFor(commandType: string): ReadonlyArray<AnyDomainModule>;
  entryForStream(stream: string): DomainEntry | undefined;
}

/** Every Aimline module with the council's policy bound in. */
export const domainRegistry = (policy: CouncilPolicy): DomainRegistry => {
  const cal = policy.calendar;
  const entry = (
    module: AnyDomainModule,
    deadlines: (state: unknown) => ReadonlyArray<Deadline>,
    phaseOf: PhaseOf,
  ): DomainEntry => ({
    module,
    source: { module, deadlines },
    phaseOf,
  });
  const entries: DomainEntry[] = [
    entry(
      hsbCaseModule(policy.hsb, cal),
      (s) => hsbDeadlines(s as HsbState, policy.hsb, cal),
      hsbPhaseOf,
    ),
    entry(
      meetingModule(policy.meetings),
      (s) => meetingDeadlines(s as MeetingState, policy.meetings, cal),
      () => 'meeting',
    ),
    entry(
      panelSittingModule(policy.panel, cal),
      (s) => sittingDeadlines(s as SittingState, policy.panel, cal),
      () => 'sitting',
    ),
    entry(
      panelReferralModule(policy.panel, cal),
      (s) => referralDeadlines(s as ReferralState, policy.panel, cal),
      panelReferralPhaseOf,
    ),
    entry(
      attendanceAimModule(policy.attendance),
      (s) => {
        const state = s as AttendanceAimState;
        return attendanceDeadlines(
          state,
          policy.attendance,
          schoolCalendarFor(policy, state.status === 'none' ? undefined : state.school.schoolId),
        );
      },
      attendancePhaseOf,
    ),
  ];
  const sorted = [...entries].sort(
    (a, b) => b.module.streamPrefix.length - a.module.streamPrefix.length,
  );
  return {
    entries,
    modules: entries.map((e) => e.module),
    sources: entries.map((e) => e.source),
    modulesFor: (type) => entries.filter((e) => e.module.commands.has(type)).map((e) => e.module),
    entryForStream: (stream) => sorted.find((e) => stream.startsWith(e.module.streamPrefix)),
  };
};
