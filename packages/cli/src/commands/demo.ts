import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../container.js';
import { table } from '../output.js';
import { progress } from '../progress.js';
import { generators, runScenarios, seededRng, type ScenarioStep } from '@aimline/demo';

export interface DemoOptions {
  readonly cases: number;
  readonly seed: number;
  readonly from: string;
  readonly years: number;
}

/**
 * `aimline demo`: generates synthetic cases (invented people) through every path of the three
 * processes over several years of calendar, by sending commands through the real deciders.
 */
export const demo = async (rt: Runtime, o: DemoOptions): Promise<number> => {
  const rng = seededRng(o.seed);
  const steps: ScenarioStep[] = [];
  const perProcess: Array<[string, number]> = [];
  for (const [name, generate] of generators) {
    const generated = generate({
      rng: rng.fork(name),
      policy: rt.policy,
      modules: rt.registry.modules,
      from: o.from,
      years: o.years,
      cases: o.cases,
    });
    perProcess.push([name, generated.length]);
    steps.push(...generated);
  }
  const bar = progress('recording demo history', steps.length, !rt.output.json);
  const result = await runScenarios(rt.store, steps, (n) => bar.update(n));
  bar.stop();
  // Suggest the richest case of each kind: the one with the most commands.
  const richest = (prefix: string): string | undefined => {
    const counts = new Map<string, number>();
    for (const st of steps) {
      if (st.module.streamPrefix !== prefix) continue;
      const id = (st.command.data as { caseId?: unknown }).caseId;
      if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  };
  const caseId = richest('hsb-case-');
  const attendanceId = richest('attendance-aim-');
  const next = [
    caseId ? `aimline timeline ${caseId}` : undefined,
    caseId ? `aimline report ${caseId} --html case.html` : undefined,
    attendanceId ? `aimline timeline ${attendanceId}` : undefined,
    'aimline deadlines --overdue',
    'aimline panel scorecard',
    'aimline attendance',
    'aimline audit --verify',
    'aimline replay event-counts --as-of 2024-06-30',
  ].filter((x): x is string => x !== undefined);
  rt.output.result(
    {
      seed: o.seed,
      ...result,
      perProcess: Object.fromEntries(perProcess),
      sampleCases: { hsb: caseId, attendance: attendanceId },
      next,
    },
    () =>
      [
        `Recorded ${result.events} events in ${result.streams} streams from ${result.commands} commands (seed ${o.seed}).`,
        table(['process', 'commands'], perProcess),
        `Typed rejections shown on purpose: ${result.expectedRejections.length}${result.expectedRejections.length ? ` (e.g. ${result.expectedRejections[0]!.ruleId}: ${result.expectedRejections[0]!.reason})` : ''}`,
        result.rejected.length || result.failed.length
          ? `UNEXPECTED: ${result.rejected.length} rejections, ${result.failed.length} failures:\n${[
              ...result.rejected,
              ...result.failed,
            ]
              .slice(0, 10)
              .map((r) => `  ${JSON.stringify(r)}`)
              .join('\n')}`
          : 'Every other command was accepted.',
        '',
        'Where to look next:',
        ...next.map((n) => `  ${n}`),
      ].join('\n'),
  );
  return result.rejected.length === 0 && result.failed.length === 0 ? ExitCode.Ok : ExitCode.Failed;
};
