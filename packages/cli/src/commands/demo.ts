import type { Command } from 'commander';
import { ExitCode } from '../exit-codes.js';
import { instantFlag, positiveIntFlag, wholeNumberFlag } from '../flags.js';
import type { Run } from '../lifecycle-commands.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';
import { progress } from '../progress.js';
import { demoDirectory, demoSteps, richestCase, runScenarios } from '@aimline/demo';
import { defaultPrincipalsPath } from '../principals.js';
import { writeOwnerOnly } from '../owner-only-file.js';

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
  const { steps, perProcess } = demoSteps({
    seed: o.seed,
    policy: rt.policy,
    modules: rt.registry.modules,
    from: o.from,
    years: o.years,
    cases: o.cases,
  });
  // The invented council directory: every demo writer is one of its principals, allocated to
  // the streams they write in; it is written (owner-only) where later commands find it.
  const directory = demoDirectory(steps);
  const principalsFile = rt.principalsFile ?? defaultPrincipalsPath(rt.location);
  // The demo writes its own directory afresh on every run, so it replaces the file, and leaves
  // it readable by its owner only even where an earlier file was not.
  if (principalsFile !== undefined)
    writeOwnerOnly(
      { path: principalsFile, flag: '--principals', overwrite: true },
      `${JSON.stringify(directory, null, 2)}\n`,
    );
  const bar = progress('recording demo history', steps.length, !rt.output.json);
  // The process managers run between the steps, so the hand-offs happen (panel decision →
  // HSB case → its meeting stream → the case), as they do live beside an application.
  // eslint-disable-next-line no-restricted-syntax -- writes the invented demo history; reads nothing
  const result = await runScenarios(rt.store, steps, (n) => bar.update(n), {
    modules: rt.registry.modules,
    directory,
  });
  bar.stop();
  // Governance on purpose: the refusal by the command policy is among the planned rejections.
  const forbidden = result.expectedRejections.find((r) => r.ruleId === 'FORBIDDEN');
  // Suggest the richest case of each kind: the one with the most commands.
  const caseId = richestCase(steps, 'hsb-case');
  const attendanceId = richestCase(steps, 'attendance-aim');
  // The child whose details the demo corrects: a subject access response shows the history.
  const corrected = steps.find((st) => st.command.type === 'CorrectChildDetails')?.command.data as
    { readonly childId: string } | undefined;
  // Reads are need-to-know: suggest them as a professional allocated to the case (its social
  // worker where it has one), else as the auditor, who may read everything.
  const auditor = directory.principals.find((p) => p.role === 'auditor')?.id;
  const recordsManager = directory.principals.find((p) => p.role === 'records-manager')?.id;
  // The erasure the tour suggests (issue 13 item 4): a victim, erased by the records manager.
  const concerns = steps
    .filter((st) => st.command.type === 'ReportConcern')
    .map((st) => st.command.data as { caseId: string; victim?: { childId: string } });
  const victim = (
    concerns.find((d) => d.caseId === caseId && d.victim) ?? concerns.find((d) => d.victim)
  )?.victim?.childId;
  // The child of the suggested case: the access log answers who has looked at their record
  // (the reads suggested before it are recorded there).
  const child = steps
    .filter((st) => st.command.type === 'ReportConcern')
    .map((st) => st.command.data as { caseId: string; child: { childId: string } })
    .find((d) => d.caseId === caseId)?.child.childId;
  const readerOf = (moduleName: string, id: string): string | undefined => {
    const stream = steps
      .filter((st) => st.module.name === moduleName)
      .map((st) => st.module.streamOf(st.command))
      .find((name) => name.endsWith(id));
    const allocated = directory.principals.filter(
      (p) => p.role !== 'auditor' && stream !== undefined && p.streams.includes(stream),
    );
    return (allocated.find((p) => p.role === 'social-worker') ?? allocated[0])?.id ?? auditor;
  };
  const as = (who: string | undefined) => (who === undefined ? '' : `--as ${who} `);
  const next = [
    caseId ? `aimline ${as(readerOf('hsb-case', caseId))}timeline ${caseId}` : undefined,
    caseId
      ? `aimline ${as(readerOf('hsb-case', caseId))}report ${caseId} --html case.html`
      : undefined,
    attendanceId
      ? `aimline ${as(readerOf('attendance-aim', attendanceId))}timeline ${attendanceId}`
      : undefined,
    auditor && caseId ? `aimline --as ${auditor} timeline ${caseId}` : undefined,
    auditor && child ? `aimline --as ${auditor} access-log --person ${child}` : undefined,
    // Every read is need to know: as the auditor, who sees every record (and is logged).
    `aimline ${as(auditor)}deadlines --overdue`,
    `aimline ${as(auditor)}panel scorecard`,
    `aimline ${as(auditor)}attendance`,
    'aimline audit --verify',
    `aimline ${as(auditor)}replay event-counts --as-of 2024-06-30`,
    `aimline ${as(recordsManager)}retention --as-of 2045-01-01`,
    corrected
      ? `aimline ${as(auditor)}sar --person ${corrected.childId} --out sar.html`
      : undefined,
    // Erasure by crypto-shredding as the records manager (anyone else: FORBIDDEN); then what is
    // held about the person reads [erased:<category>], and every chain is still intact.
    ...(victim !== undefined && recordsManager !== undefined
      ? [
          `aimline --as ${recordsManager} erase --person ${victim} --reason erasure-request-article-17`,
          `aimline ${as(auditor)}sar --person ${victim} --out erased.json`,
          'aimline audit --verify',
        ]
      : []),
  ].filter((x): x is string => x !== undefined);
  rt.output.result(
    {
      seed: o.seed,
      ...result,
      perProcess: Object.fromEntries(perProcess),
      sampleCases: { hsb: caseId, attendance: attendanceId },
      forbidden: forbidden ?? null,
      principals: principalsFile ?? null,
      next,
    },
    () =>
      [
        `Recorded ${result.events} events in ${result.streams} streams from ${result.commands} commands (seed ${o.seed}).`,
        table(['process', 'commands'], perProcess),
        `Hand-offs between the processes: ${result.handOffs.accepted} (panel decisions that opened HSB cases, meeting streams scheduled from bookings, reports and attendance told to the cases)${result.handOffs.refused.length ? `; ${result.handOffs.refused.length} refused and logged` : ''}.`,
        `Typed rejections shown on purpose: ${result.expectedRejections.length}${exampleRejection(result.expectedRejections)}`,
        result.rejected.length || result.failed.length
          ? `UNEXPECTED: ${result.rejected.length} rejections, ${result.failed.length} failures:\n${[
              ...result.rejected,
              ...result.failed,
            ]
              .slice(0, 10)
              .map((r) => `  ${JSON.stringify(r)}`)
              .join('\n')}`
          : 'Every other command was accepted.',
        ...(forbidden === undefined
          ? []
          : [`Refused by the command policy on purpose, nothing recorded: ${forbidden.reason}`]),
        '',
        'Where to look next:',
        ...next.map((n) => `  ${n}`),
      ].join('\n'),
  );
  return result.rejected.length === 0 && result.failed.length === 0 ? ExitCode.Ok : ExitCode.Failed;
};

/**
 * One rule-based rejection as an example (the FORBIDDEN refusal has its own line), said once:
 * a reason that already starts with its rule id is not prefixed again.
 */
const exampleRejection = (
  rejections: ReadonlyArray<{ readonly ruleId: string; readonly reason: string }>,
): string => {
  const r = rejections.find((x) => x.ruleId !== 'FORBIDDEN') ?? rejections[0];
  if (r === undefined) return '';
  return ` (e.g. ${r.reason.startsWith(r.ruleId) ? r.reason : `${r.ruleId}: ${r.reason}`})`;
};

/** Registers `aimline demo` on the program; its counts are bounded (an absurd one is exit 2). */
export const addDemoCommand = (program: Command, run: Run): void => {
  program
    .command('demo')
    .description(
      'generate realistic synthetic cases (invented people) through every path of the three processes, via the real deciders, into the store',
    )
    .option('--cases <n>', 'cases per process (1-1000)', wholeNumberFlag(1000), 12)
    .option(
      '--seed <s>',
      'seed of the generator (same seed, same history)',
      positiveIntFlag,
      20261123,
    )
    .option(
      '--from <date>',
      'first day of the simulated calendar',
      instantFlag,
      '2023-09-04T09:00:00Z',
    )
    .option(
      '--years <n>',
      'years of calendar to spread the cases over (1-50)',
      wholeNumberFlag(50),
      3,
    )
    .action(run((rt, o: DemoOptions) => demo(rt, o), 'create'));
};
