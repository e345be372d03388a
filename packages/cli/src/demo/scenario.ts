import type { AnyDomainModule, Command } from '@aimline/kernel';
import type { CouncilPolicy } from '../council-policy.js';
import type { DomainRegistry } from '../registry.js';
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

export interface ScenarioContext {
  readonly rng: Rng;
  readonly policy: CouncilPolicy;
  readonly registry: DomainRegistry;
  /** The first instant of the simulated calendar and how many years the cases spread over. */
  readonly from: string;
  readonly years: number;
  /** How many cases of this process to generate. */
  readonly cases: number;
}

/** A generator of synthetic cases for one process: pure apart from its seeded Rng. */
export type ScenarioGenerator = (ctx: ScenarioContext) => ReadonlyArray<ScenarioStep>;

/** Finds a module by name in the registry (the generators use the council's policy-bound modules). */
export const moduleNamed = (registry: DomainRegistry, name: string): AnyDomainModule => {
  const m = registry.modules.find((x) => x.name === name);
  if (m === undefined) throw new Error(`demo: no module named ${name}`);
  return m;
};
