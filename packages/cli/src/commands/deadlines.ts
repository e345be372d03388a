import type { Instant } from '@aimline/calendar';
import {
  deadlineReport,
  deadlineTracker,
  locateUnreadable,
  replayAsOf,
} from '@aimline/projections';
import { ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';
import { lateBy, londonTime } from '../views/human-time.js';

/**
 * `aimline deadlines [--as-of ISO] [--overdue]`: every open, met, breached and waived obligation
 * across all cases as known at `asOf` (default: now), with rule id and explanation.
 */
export const deadlines = async (
  rt: Runtime,
  options: { asOf?: Instant; overdue?: boolean; rule?: string },
): Promise<number> => {
  const asOf = options.asOf ?? rt.now();
  const tracker = deadlineTracker(rt.registry.modules);
  // Need to know: the deadlines of what the principal may see, folded from it.
  const view = rt.visible('deadlines');
  const replayed = await replayAsOf(view, rt.decode, tracker, asOf);
  rt.unreadable.add(replayed.unreadable);
  const report = deadlineReport(replayed.state, rt.registry.modules, asOf);
  rt.unreadable.add(
    await locateUnreadable(view, rt.decode, rt.registry.modules, report.unreadable, asOf),
  );
  const rows = report.deadlines.filter(
    (d) =>
      (!options.overdue ||
        (d.status.kind === 'breached' && !('metAt' in d.status && d.status.metAt))) &&
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
