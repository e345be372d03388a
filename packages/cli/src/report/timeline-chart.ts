import { formatInstant, instantMs, isBefore, type Instant } from '@aimline/calendar';
import type { CaseTimeline } from '@aimline/projections';
import { dayLabel, el, esc } from './svg.js';

const W = 960;
const LANE = 46;
const LEFT = 150;

const statusColour = (kind: string, late: boolean): string =>
  kind === 'waived'
    ? '#7a7a7a'
    : late || kind === 'breached'
      ? '#c62828'
      : kind === 'met'
        ? '#2e7d32'
        : '#ef6c00';

/**
 * The phase timeline: one lane per phase, a dot per event, and a diamond per deadline at its
 * due instant — green met, red missed (or met late), orange open, grey waived.
 */
export const timelineChart = (t: CaseTimeline, asOf: Instant): string => {
  const phases = t.phaseOrder.filter((p) => t.phases[p]);
  const times = [
    ...t.entries.map((e) => instantMs(e.occurredAt)),
    ...t.deadlines.map((d) => instantMs(d.due)),
  ];
  const min = Math.min(...times);
  const max = Math.max(...times, min + 86_400_000);
  const x = (ms: number) => LEFT + ((ms - min) / (max - min)) * (W - LEFT - 20);
  const laneOf = (phase: string) => phases.indexOf(phase);
  const height = (phases.length + 1) * LANE + 40;
  const parts: string[] = [];
  phases.forEach((p, i) => {
    parts.push(el('text', { x: 8, y: 30 + i * LANE + 5, class: 'lane' }, esc(p)));
    parts.push(
      el('line', { x1: LEFT, x2: W - 10, y1: 30 + i * LANE, y2: 30 + i * LANE, stroke: '#ddd' }),
    );
  });
  for (const e of t.entries) {
    const cx = x(instantMs(e.occurredAt));
    const cy = 30 + laneOf(e.phase) * LANE;
    parts.push(
      el(
        'circle',
        { cx: cx.toFixed(1), cy, r: 5, fill: '#1565c0', 'data-event': e.type },
        el(
          'title',
          {},
          esc(`${dayLabel(e.occurredAt)} ${e.type} — ${e.actor.role} (${e.actor.agency})`),
        ),
      ),
    );
  }
  const dy = 30 + phases.length * LANE;
  parts.push(el('text', { x: 8, y: dy + 5, class: 'lane' }, 'deadlines'));
  for (const d of t.deadlines) {
    const late =
      d.status.kind === 'breached' || (d.status.kind === 'open' && isBefore(d.due, asOf));
    const cx = x(instantMs(d.due));
    parts.push(
      el(
        'path',
        {
          d: `M${cx.toFixed(1)},${dy - 7} l7,7 l-7,7 l-7,-7 z`,
          fill: statusColour(d.status.kind, late),
          'data-deadline': d.ruleId,
          'data-status': late && d.status.kind === 'open' ? 'overdue' : d.status.kind,
        },
        el('title', {}, esc(`${d.ruleId} ${d.status.kind}: ${d.explanation}`)),
      ),
    );
  }
  parts.push(
    el('text', { x: LEFT, y: height - 8, class: 'axis' }, esc(dayLabel(formatInstant(min)))),
  );
  parts.push(
    el('text', { x: W - 110, y: height - 8, class: 'axis' }, esc(dayLabel(formatInstant(max)))),
  );
  return el(
    'svg',
    {
      id: 'phase-timeline',
      width: W,
      height,
      viewBox: `0 0 ${W} ${height}`,
      role: 'img',
      'aria-label': 'Phase timeline with deadlines',
    },
    parts.join(''),
  );
};
