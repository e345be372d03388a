import { isBefore, type Instant } from '@aimline/calendar';
import { scoreHistory } from '@aimline/hsb-aim';
import { CliError, ExitCode } from '../exit-codes.js';
import { refuseExisting, writeOwnerOnly, type OutputFile } from '../owner-only-file.js';
import type { Runtime } from '../runtime.js';
import { htmlTable, page } from '../report/page.js';
import { scoreChart } from '../report/score-chart.js';
import { el, esc } from '../report/svg.js';
import { timelineChart } from '../report/timeline-chart.js';
import { londonTime, statusInWords } from '../views/human-time.js';
import { loadTimeline } from './timeline.js';
import { visibleScorecards } from '../views/panel-views.js';
import { moduleStates } from '../views/stream-states.js';

/**
 * `aimline report CASE --html FILE`: a self-contained page for one case — the phase timeline
 * with deadlines met and missed, and (for an HSB case) the AIM score graph. No personal data:
 * the case is named by its id. An existing `--html` file is refused (exit 2, before anything is
 * read) unless `--overwrite`.
 */
export const caseReport = async (
  rt: Runtime,
  caseId: string,
  out: OutputFile,
  options: { asOf?: Instant },
): Promise<number> => {
  refuseExisting(out);
  const file = out.path;
  const asOf = options.asOf ?? rt.now();
  const { timeline: t } = await loadTimeline(rt, caseId, options.asOf, 'report');
  const { hsbCase } = rt.registry.typed;
  const isHsbCase = rt.registry.owns(hsbCase, t.stream);
  let scores: ReturnType<typeof scoreHistory> = [];
  if (isHsbCase) {
    const state = (await moduleStates(rt, hsbCase, options.asOf, 'report', [t.stream])).get(
      t.stream,
    );
    if (state !== undefined) scores = scoreHistory(state);
  }
  const met = t.deadlines.filter((d) => d.status.kind === 'met').length;
  const missed = t.deadlines.filter(
    (d) => d.status.kind === 'breached' || (d.status.kind === 'open' && isBefore(d.due, asOf)),
  ).length;
  const body = [
    el('h1', {}, esc(`Case ${t.stream}`)),
    el(
      'p',
      { class: 'note' },
      esc(
        `Rebuilt from ${t.entries.length} recorded events as known at ${londonTime(asOf.iso)}. Deadlines: ${t.deadlines.length} (${met} met, ${missed} missed or overdue). Times are London local time.`,
      ),
    ),
    el('h2', {}, 'Phase timeline'),
    timelineChart(t, asOf),
    ...(isHsbCase
      ? [el('h2', {}, 'AIM scores over assessment and reviews (HSB-26)'), scoreChart(scores)]
      : []),
    el('h2', {}, 'Deadlines'),
    htmlTable(
      ['rule', 'status', 'due', 'explanation'],
      t.deadlines.map((d) => [
        d.ruleId,
        statusInWords(d, asOf.iso),
        londonTime(d.due),
        d.explanation,
      ]),
      'deadlines',
    ),
    el('h2', {}, 'Events'),
    htmlTable(
      ['when', 'recorded', 'phase', 'what', 'who'],
      t.entries.map((e) => [
        londonTime(e.occurredAt),
        londonTime(e.recordedAt),
        e.phase,
        e.type,
        `${e.actor.role} (${e.actor.agency})`,
      ]),
      'events',
    ),
  ].join('\n');
  writeOwnerOnly(
    out,
    page(`Aimline case report ${t.stream}`, body, {
      stream: t.stream,
      asOf: asOf.iso,
      deadlines: t.deadlines,
      scores,
      events: t.entries.length,
    }),
  );
  rt.output.result(
    {
      file,
      stream: t.stream,
      events: t.entries.length,
      deadlines: t.deadlines.length,
      scores: scores.length,
    },
    () =>
      `wrote ${file}: ${t.entries.length} events, ${t.deadlines.length} deadlines, ${scores.length} scorings`,
  );
  return ExitCode.Ok;
};

/**
 * `aimline report scorecard QUARTER --html FILE`: the PNL-11 scorecard page for a quarter (an
 * existing file refused unless `--overwrite`, as for a case page).
 */
export const scorecardReport = async (
  rt: Runtime,
  quarter: string,
  out: OutputFile,
): Promise<number> => {
  refuseExisting(out);
  const file = out.path;
  const [card] = await visibleScorecards(rt, 'report scorecard', quarter);
  if (card === undefined) throw new CliError(`no scorecard for ${quarter}`, ExitCode.Failed);
  const section = (title: string, r: Readonly<Record<string, number>>) =>
    el('h2', {}, esc(title)) + htmlTable(['', 'referrals'], Object.entries(r));
  const body = [
    el('h1', {}, esc(`AIM panel scorecard ${quarter} (PNL-11)`)),
    el(
      'p',
      {},
      esc(
        `Referrals: ${card.referrals}; repeat referrals: ${card.repeatReferrals}; escalations: ${card.escalations}; de-escalations: ${card.deEscalations}.`,
      ),
    ),
    el(
      'p',
      {},
      esc(
        `Papers on time: ${card.papers.onTime}, late: ${card.papers.late}. Minutes on time: ${card.minutes.onTime}, late: ${card.minutes.late}.`,
      ),
    ),
    section('By rating', card.byRating),
    section('By route', card.byRoute),
    section('By age band', card.byAgeBand),
    section('By gender', card.byGender),
    section('By behaviour type', card.byBehaviourType),
  ].join('\n');
  writeOwnerOnly(out, page(`Aimline scorecard ${quarter}`, body, card));
  rt.output.result(
    { file, quarter, referrals: card.referrals },
    () => `wrote ${file}: scorecard ${quarter}, ${card.referrals} referrals`,
  );
  return ExitCode.Ok;
};
