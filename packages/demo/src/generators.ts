import type { AnyDomainModule } from '@aimline/kernel';
import { attendanceScenarios } from './attendance/generator.js';
import { hsbScenarios } from './hsb/generator.js';
import { panelScenarios } from './panel/generator.js';
import { seededRng } from './rng.js';
import type { DemoPolicy, ScenarioGenerator, ScenarioStep } from './scenario.js';

/** Every process's demo generator, by name. */
export const generators: ReadonlyArray<readonly [string, ScenarioGenerator]> = [
  ['hsb-aim', hsbScenarios],
  ['panel', panelScenarios],
  ['attendance-aim', attendanceScenarios],
];

export interface DemoOptions {
  readonly seed: number;
  readonly policy: DemoPolicy;
  readonly modules: ReadonlyArray<AnyDomainModule>;
  /** The first instant of the simulated calendar and how many years the cases spread over. */
  readonly from: string;
  readonly years: number;
  /** How many cases of each process. */
  readonly cases: number;
}

/**
 * The whole demo history: every generator's steps, each process drawing from its own fork of
 * the seed (so one process's draws never shift another's), with how many commands each made.
 */
export const demoSteps = (
  o: DemoOptions,
): { readonly steps: ScenarioStep[]; readonly perProcess: Array<[string, number]> } => {
  const rng = seededRng(o.seed);
  const steps: ScenarioStep[] = [];
  const perProcess: Array<[string, number]> = [];
  for (const [name, generate] of generators) {
    const generated = generate({
      rng: rng.fork(name),
      policy: o.policy,
      modules: o.modules,
      from: o.from,
      years: o.years,
      cases: o.cases,
    });
    perProcess.push([name, generated.length]);
    steps.push(...generated);
  }
  return { steps, perProcess };
};

/** The case of a module with the most commands: the one worth opening first. */
export const richestCase = (
  steps: ReadonlyArray<ScenarioStep>,
  moduleName: string,
): string | undefined => {
  const counts = new Map<string, number>();
  for (const st of steps) {
    if (st.module.name !== moduleName) continue;
    const id = (st.command.data as { caseId?: unknown }).caseId;
    if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
};
