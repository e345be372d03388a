import { instantMs, isBefore, londonTime, type Instant } from '@aimline/calendar';
import type { CaseTimeline } from '@aimline/projections';
import { el, esc } from './svg.js';
import { timeAxis, timeTicks } from './time-axis.js';

const W = 960;
const LANE = 46;
const LEFT = 150;
const RIGHT = W - 20;
const TOP = 30;

const statusColour = (kind: string, late: boolean): string =>
  kind === 'waived'
    ? '#7a7a7a'
    : late || kind === 'breached'
      ? '#c62828'
      : kind === 'met'
        ? '#2e7d32'
        : '#ef6c00';

/**
 * The phase timeline: one lane per phase (the y axis, labelled), a dot per event, and a diamond
 * per deadline at its due instant — green met, red missed (or met late), orange open, grey
 * waived — over a time axis of London dates. Every mark's tooltip gives London time.
 */
export const timelineChart = (t: CaseTimeline, asOf: Instant): string => {
  const phases = t.phaseOrder.filter((p) => t.phases[p]);
  const times = [
    ...t.entries.map((e) => instantMs(e.occurredAt)),
    ...t.deadlines.map((d) => instantMs(d.due)),
  ];
  const min = Math.min(...times);
  const max = Math.max(...times, min + 86_400_000);
  const x = (ms: number) => LEFT + ((ms - min) / (max - min)) * (RIGHT - LEFT);
  const laneOf = (phase: string) => phases.indexOf(phase);
  const dy = TOP + phases.length * LANE;
  const axisY = dy + 24;
  const height = axisY + 44;
  const lanes = [...phases, 'deadlines'];
  const parts: string[] = [
    el(
      'g',
      { class: 'y-axis', 'data-axis': 'y' },
      lanes
        .map(
          (p, i) =>
            el('text', { x: 8, y: TOP + i * LANE + 4, class: 'lane' }, esc(p)) +
            el('line', {
              x1: LEFT,
              x2: RIGHT,
              y1: TOP + i * LANE,
              y2: TOP + i * LANE,
              stroke: '#ddd',
            }),
        )
        .join(''),
    ),
    timeAxis(timeTicks(min, max), x, axisY, LEFT, RIGHT, 'Date (London)'),
  ];
  const now = instantMs(asOf.iso);
  if (now >= min && now <= max)
    parts.push(
      el('line', {
        x1: x(now).toFixed(1),
        x2: x(now).toFixed(1),
        y1: TOP - 14,
        y2: axisY,
        stroke: '#888',
        'stroke-dasharray': '4 3',
        'data-as-of': asOf.iso,
      }) +
        el(
          'text',
          { x: x(now).toFixed(1), y: TOP - 18, class: 'axis', 'text-anchor': 'middle' },
          esc(`as of ${londonTime(asOf.iso)}`),
        ),
    );
  for (const e of t.entries) {
    const cx = x(instantMs(e.occurredAt));
    const cy = TOP + laneOf(e.phase) * LANE;
    parts.push(
      el(
        'circle',
        { cx: cx.toFixed(1), cy, r: 5, fill: '#1565c0', 'data-event': e.type },
        el(
          'title',
          {},
          esc(`${londonTime(e.occurredAt)}: ${e.type} — ${e.actor.role} (${e.actor.agency})`),
        ),
      ),
    );
  }
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
        el(
          'title',
          {},
          esc(`${d.ruleId} ${d.status.kind}, due ${londonTime(d.due)}: ${d.explanation}`),
        ),
      ),
    );
  }
  return el(
    'svg',
    {
      id: 'phase-timeline',
      width: W,
      height,
      viewBox: `0 0 ${W} ${height}`,
      role: 'img',
      'aria-label': 'Phase timeline with deadlines, by London date',
    },
    parts.join(''),
  );
};
