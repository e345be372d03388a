import type { AttendancePolicy } from '@aimline/attendance-aim';
import type { Calendar } from '@aimline/calendar';
import type { HsbPolicy } from '@aimline/hsb-aim';
import type { AnyDomainModule, Command } from '@aimline/kernel';
import type { PanelPolicy } from '@aimline/panel';
import type { Rng } from './rng.js';

/** One command of a generated case, in the order the world would produce it. */
export interface ScenarioStep {
  readonly module: AnyDomainModule;
  readonly commandId: string;
  readonly command: Command;
  /** When it is recorded (default: shortly after `command.at`; sometimes days later, to show late recording). */
  readonly recordedAt?: string;
  readonly correlationId?: string;
  /** Set on a step generated on purpose to be refused (to show typed rejections): the rule id expected. */
  readonly expectRejection?: string;
}

/** The parts of a council's policy the generators plan with (a CLI `CouncilPolicy` is one). */
export interface DemoPolicy {
  readonly calendar: Calendar;
  readonly hsb: HsbPolicy;
  readonly panel: PanelPolicy;
  readonly attendance: AttendancePolicy;
}

export interface ScenarioContext {
  readonly rng: Rng;
  readonly policy: DemoPolicy;
  /** The council's modules, policy bound in (`hsb-case`, `panel-sitting`, `panel-referral`, `attendance-aim`). */
  readonly modules: ReadonlyArray<AnyDomainModule>;
  /** The first instant of the simulated calendar and how many years the cases spread over. */
  readonly from: string;
  readonly years: number;
  /** How many cases of this process to generate. */
  readonly cases: number;
}

/** A generator of synthetic cases for one process: pure apart from its seeded Rng. */
export type ScenarioGenerator = (ctx: ScenarioContext) => ReadonlyArray<ScenarioStep>;

/** Finds a module by name (the generators use the council's policy-bound modules). */
export const moduleNamed = (
  modules: ReadonlyArray<AnyDomainModule>,
  name: string,
): AnyDomainModule => {
  const m = modules.find((x) => x.name === name);
  if (m === undefined) throw new Error(`demo: no module named ${name}`);
  return m;
};
