import * as E from 'fp-ts/lib/Either.js';
import type { Instant } from '@aimline/calendar';
import type { RecordedEvent } from '@aimline/kernel';
import {
  deadlineReport,
  deadlineTracker,
  guarded,
  locateUnreadable,
  recordedBy,
  replayAsOf,
  initialChainVerification,
  verifyNext,
  type Projection,
} from '@aimline/projections';
import { CliError, ExitCode } from '../exit-codes.js';
import type { Runtime } from '../runtime.js';
import { table } from '../output.js';
import { londonTime } from '../views/human-time.js';
import { eventCounts } from './event-counts.js';
import { progress } from '../progress.js';
import { panelScorecardProjection, panelScorecards } from '../views/panel-views.js';
import { attendanceOverview, attendanceOverviewProjection } from '../views/attendance-views.js';
import { attendanceText, scorecardText } from '../views/text.js';

/** The projections `aimline replay` can rebuild, by name. */
export const projectionNames = [
  'event-counts',
  'deadline-tracker',
  'panel-scorecard',
  'attendance-overview',
  'chain-verification',
] as const;

/**
 * `aimline replay [PROJECTION] [--as-of ISO]`: rebuilds a projection from zero from the events
 * recorded by `asOf` ("what did the panel know when it decided?").
 */
export const replay = async (
  rt: Runtime,
  name: string | undefined,
  options: { asOf?: Instant },
): Promise<number> => {
  const chosen = name ?? 'event-counts';
  const bar = progress(`replaying ${chosen}`, undefined, !rt.output.json);
  const onEvent = (_e: unknown, n: number) => {
    if (n % 1000 === 0) bar.update(n);
  };
  const asOf = options.asOf;
  // Each projection's read opens only the personal data it declares (`Projection.personalData`).
  const view = () => rt.visible(`replay ${chosen}`);
  const run = async <S>(p: Projection<S>): Promise<S> => {
    const r = await replayAsOf(view(), rt.decode, p, asOf, onEvent);
    bar.stop();
    rt.unreadable.add(r.unreadable);
    return r.state;
  };
  switch (chosen) {
    case 'event-counts': {
      const s = await run(eventCounts);
      rt.output.result(
        s,
        () =>
          `${s.events} events${asOf ? ` recorded by ${londonTime(asOf.iso)}` : ''}\n${table(['module', 'events'], Object.entries(s.byStreamCategory))}\n\n${table(
            ['event type', 'count'],
            Object.entries(s.byType).sort((a, b) => b[1] - a[1]),
          )}`,
      );
      return ExitCode.Ok;
    }
    case 'deadline-tracker': {
      const s = await run(deadlineTracker(rt.registry.modules));
      const report = deadlineReport(s, rt.registry.modules, asOf ?? rt.now());
      rt.unreadable.add(
        await locateUnreadable(view(), rt.decode, rt.registry.modules, report.unreadable, asOf),
      );
      rt.output.result(report.byRule, () =>
        table(
          ['rule', 'open', 'met', 'breached', 'waived'],
          Object.entries(report.byRule).map(([r, c]) => [r, c.open, c.met, c.breached, c.waived]),
        ),
      );
      return ExitCode.Ok;
    }
    case 'panel-scorecard': {
      const s = await run(panelScorecardProjection(rt.registry));
      const cards = panelScorecards(rt, s);
      rt.output.result(cards, () => cards.map(scorecardText).join('\n\n'));
      return ExitCode.Ok;
    }
    case 'attendance-overview': {
      const s = await run(attendanceOverviewProjection(rt.registry));
      const overview = attendanceOverview(rt, s.cases, asOf ?? rt.now());
      rt.output.result(overview, () => attendanceText(overview));
      return ExitCode.Ok;
    }
    case 'chain-verification': {
      const s = initialChainVerification();
      const keep = recordedBy(asOf);
      // An event whose recording time is unreadable is verified rather than left out.
      const known = (e: RecordedEvent) =>
        E.getOrElse(() => true)(guarded(e, () => E.right(keep(e))));
      let n = 0;
      // Chains cover the events as stored (ciphertext): verified without reading personal data.
      // eslint-disable-next-line no-restricted-syntax -- integrity check on stored rows; shows counts and breaks only
      for await (const e of rt.storedEvents.readAll()) {
        if (!known(e)) continue;
        verifyNext(s, e);
        onEvent(e, ++n);
      }
      bar.stop();
      rt.output.result(
        { events: s.events, breaks: s.breaks },
        () => `${s.events} events, ${s.breaks.length} broken chains`,
      );
      return s.breaks.length === 0 ? ExitCode.Ok : ExitCode.Failed;
    }
    default:
      throw new CliError(
        `unknown projection "${chosen}"; known: ${projectionNames.join(', ')}`,
        ExitCode.Usage,
      );
  }
};
