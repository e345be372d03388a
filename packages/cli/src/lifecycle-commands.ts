/**
 * The information-lifecycle commands (issue 13 items 5–7): retention, legal holds and subject
 * access. Registered on the program by `buildProgram`, with its `run` (runtime, exit code).
 */
import type { Command } from 'commander';
import type { StoreAccess } from './store-url.js';
import type { Runtime } from './runtime.js';
import { instantFlag, personFlag } from './flags.js';
import { dateFlag, retention, type RetentionOptions } from './commands/retention.js';
import { applyRetention } from './commands/retention-apply.js';
import { sar, sarOutFlag, type SarOptions } from './commands/sar.js';

/** The program's `run`: opens the runtime, runs the action, sets the exit code, disposes. */
export type Run = <A extends unknown[]>(
  action: (rt: Runtime, ...args: A) => Promise<number>,
  access?: StoreAccess,
) => (...args: A) => Promise<void>;

export const addLifecycleCommands = (program: Command, run: Run): void => {
  const list = run((rt, o: RetentionOptions) => retention(rt, o));
  const apply = run((rt, o: RetentionOptions) => applyRetention(rt, o), 'write');
  program
    .command('retention')
    .option(
      '--as-of <date>',
      'the day to judge on, YYYY-MM-DD in London (default: today)',
      dateFlag,
    )
    .option(
      '--retention-policy <file>',
      "the records manager's retention schedule (JSON; default: the placeholder schedule, every rule unconfirmed)",
    )
    .option(
      '--apply',
      'erase (crypto-shred) everyone due under a confirmed rule, as the records manager (--as); finish half-finished erasures first',
    )
    .description(
      'who is due for erasure on a date and under which rule, which records legal holds keep, and half-finished erasures',
    )
    .action((o: RetentionOptions) => (o.apply === true ? apply(o) : list(o)));

  program
    .command('sar')
    .requiredOption('--person <id>', 'the person (data subject) id, e.g. a child id', personFlag)
    .requiredOption(
      '--out <file>',
      'where to write the response: FILE.json or FILE.html',
      sarOutFlag,
    )
    .option('--overwrite', 'replace the --out file if it exists (refused otherwise)')
    .option('--as-of <iso>', 'as recorded by this instant', instantFlag)
    .description(
      "a subject access response (UK GDPR Art. 15): everything held about a person, other people's data withheld",
    )
    .action(run((rt, o: SarOptions) => sar(rt, o)));
};
