import type { AnyDomainModule } from '@aimline/kernel';
import { hsbCaseModule } from '@aimline/hsb-aim';
import { meetingModule } from '@aimline/meetings';
import { panelReferralModule, panelSittingModule } from '@aimline/panel';
import { attendanceAimModule } from '@aimline/attendance-aim';
import { schoolCalendarFor, type CouncilPolicy } from './council-policy.js';

export interface DomainRegistry {
  readonly modules: ReadonlyArray<AnyDomainModule>;
  /** The modules that accept a command type (usually one; a wire command may name its module). */
  modulesFor(commandType: string): ReadonlyArray<AnyDomainModule>;
  /** The module that owns a stream (by prefix, longest first). */
  moduleForStream(stream: string): AnyDomainModule | undefined;
}

/** Every Aimline module with the council's policy and calendars bound in. */
export const domainRegistry = (policy: CouncilPolicy): DomainRegistry => {
  const cal = policy.calendar;
  const modules: AnyDomainModule[] = [
    hsbCaseModule(policy.hsb, cal),
    meetingModule(policy.meetings, cal),
    panelSittingModule(policy.panel, cal),
    panelReferralModule(policy.panel, cal),
    attendanceAimModule(policy.attendance, (schoolId) => schoolCalendarFor(policy, schoolId)),
  ];
  const byPrefixLength = [...modules].sort((a, b) => b.streamPrefix.length - a.streamPrefix.length);
  return {
    modules,
    modulesFor: (type) => modules.filter((m) => m.commands.has(type)),
    moduleForStream: (stream) => byPrefixLength.find((m) => stream.startsWith(m.streamPrefix)),
  };
};
