import { isOutstanding, type Instant } from '@aimline/calendar';
import { obligationsOf } from '@aimline/aimline';
import { entitledDeadlines } from '@aimline/governance';
import {
  deadlineReport,
  deadlineTracker,
  locateUnreadable,
  replayAsOf,
  type DeadlineReport,
  type TrackedDeadline,
} from '@aimline/projections';
import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';
import { lateBy, londonTime } from '../views/human-time.js';
import { checkStreamsDamage } from '../views/visible-replay.js';

/**
 * The deadlines of `own` (worked out from what the principal may see) as the whole history
 * (`whole`) says they stand: a deadline met by an event the principal may not see is met, not
 * open; one only the whole history opens is not shown (`entitledDeadlines`). A stream whose
 * whole history cannot be worked out keeps the principal's own working (its unreadable events
 * are the principal's to hear of only through their own view).
 */
const asEntitled = (own: DeadlineReport, whole: DeadlineReport): DeadlineReport => {
  const unworkable = new Set(whole.unreadable.map((u) => u.stream));
  const deadlines: TrackedDeadline[] = [
    ...entitledDeadlines(own.deadlines, whole.deadlines).map(({ of, deadline }) => ({
      ...of,
      deadline,
      status: deadline.status,
    })),
    ...own.deadlines.filter((d) => unworkable.has(d.stream)),
  ];
  const byRule: DeadlineReport['byRule'] = {};
  for (const d of deadlines)
    (byRule[d.deadline.ruleId] ??= { open: 0, met: 0, breached: 0, waived: 0 })[d.status.kind]++;
  return { ...own, deadlines, byRule };
};

/**
 * `aimline deadlines [--as-of ISO] [--overdue]`: every open, met, breached and waived obligation
 * across all cases as known at `asOf` (default: now), with rule id and explanation; damage to
 * the history of a case it folded is reported as the reads of one case report it (exit 4).
 */
export const deadlines = async (
  rt: Runtime,
  options: { asOf?: Instant; overdue?: boolean; rule?: string },
): Promise<number> => {
  const asOf = options.asOf ?? rt.now();
  const modules = rt.registry.modules;
  // Need to know: the deadlines the principal's own view opens, standing as the whole history
  // of those cases says (a deadline met by an event they may not see is met, not open).
  const view = rt.visible('deadlines');
  const folded = new Set<string>();
  const replayed = await replayAsOf(view, rt.decode, deadlineTracker(modules), asOf, (e) =>
    folded.add(e.stream),
  );
  rt.unreadable.add(replayed.unreadable);
  // Damage to the history of each stream the principal's view folded, as it is told to them.
  await checkStreamsDamage(rt, folded, view);
  const own = deadlineReport(replayed.state, modules, asOf);
  rt.unreadable.add(await locateUnreadable(view, rt.decode, modules, own.unreadable, asOf));
  const whole = await replayAsOf(obligationsOf(view), rt.decode, deadlineTracker(modules), asOf);
  const report = asEntitled(own, deadlineReport(whole.state, modules, asOf));
  const rows = report.deadlines.filter(
    (d) =>
      (!options.overdue || (d.status.kind === 'breached' && isOutstanding(d.status))) &&
      (options.rule === undefined || d.deadline.ruleId === options.rule),
  );
  rt.output.result({ asOf: asOf.iso, byRule: report.byRule, deadlines: rows }, () =>
    [
      `Deadlines as known at ${londonTime(asOf.iso)}${options.overdue ? ' (overdue only)' : ''}: ${rows.length} (London time)`,
      table(
        ['rule', 'stream', 'status', 'due', 'late by', 'explanation'],
        rows
          .slice(0, 200)
          .map((d) => [
            d.deadline.ruleId,
            d.stream,
            d.status.kind,
            londonTime(d.deadline.due),
            lateBy(d.hoursLate),
            d.deadline.explanation,
          ]),
        { keep: [3] },
      ),
      rows.length > 200 ? `… ${rows.length - 200} more (use --json for all)` : '',
      '',
      'Per rule:',
      table(
        ['rule', 'open', 'met', 'breached', 'waived'],
        Object.entries(report.byRule)
          .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
          .map(([rule, c]) => [rule, c.open, c.met, c.breached, c.waived]),
      ),
    ].join('\n'),
  );
  return ExitCode.Ok;
};
