import type { ScorePoint } from '@aimline/hsb-aim';
import { dayLabel, el, esc } from './svg.js';

const LEVEL: Record<string, number> = { low: 1, medium: 2, high: 3 };
const SERIES = [
  ['staticConcerns', '#6a1b9a'],
  ['dynamicConcerns', '#c62828'],
  ['dynamicStrengths', '#2e7d32'],
  ['recommendedSupervision', '#1565c0'],
] as const;

/**
 * The AIM score graph over assessment and reviews (HSB-26): the levels the assessors agreed
 * (low / medium / high) at each scoring. AIM3 profiles have no band and are listed instead.
 */
export const scoreChart = (points: ReadonlyArray<ScorePoint>): string => {
  const W = 960;
  const H = 260;
  const L = 90;
  if (points.length === 0) return el('p', { id: 'score-graph-empty' }, 'No scores recorded yet.');
  const x = (i: number) =>
    L + (points.length === 1 ? (W - L - 40) / 2 : (i / (points.length - 1)) * (W - L - 40));
  const y = (level: number) => H - 40 - ((level - 1) / 2) * (H - 80);
  const parts: string[] = [];
  for (const [name, level] of Object.entries(LEVEL)) {
    parts.push(el('text', { x: 10, y: y(level) + 4, class: 'axis' }, name));
    parts.push(el('line', { x1: L, x2: W - 20, y1: y(level), y2: y(level), stroke: '#eee' }));
  }
  points.forEach((p, i) =>
    parts.push(
      el(
        'text',
        { x: x(i) - 30, y: H - 10, class: 'axis' },
        esc(`${dayLabel(p.at)} ${p.occasion}`),
      ),
    ),
  );
  // Series that agree would hide each other: each is drawn a few pixels apart.
  for (const [n, [key, colour]] of SERIES.entries()) {
    const dy = (n - 1.5) * 4;
    const pts = points
      .map((p, i) => [i, p[key]] as const)
      .filter((v): v is readonly [number, 'low' | 'medium' | 'high'] => v[1] !== undefined);
    if (pts.length === 0) continue;
    parts.push(
      el('polyline', {
        points: pts.map(([i, l]) => `${x(i).toFixed(1)},${y(LEVEL[l]!) + dy}`).join(' '),
        fill: 'none',
        stroke: colour,
        'stroke-width': 2,
        'data-series': key,
      }),
    );
    for (const [i, l] of pts)
      parts.push(
        el('circle', {
          cx: x(i).toFixed(1),
          cy: y(LEVEL[l]!) + dy,
          r: 4,
          fill: colour,
          'data-series': key,
          'data-level': l,
        }),
      );
  }
  const legend = SERIES.map(([k, c]) => el('span', { style: `color:${c}` }, `■ ${k}`)).join(' ');
  return (
    el(
      'svg',
      {
        id: 'score-graph',
        width: W,
        height: H,
        viewBox: `0 0 ${W} ${H}`,
        role: 'img',
        'aria-label': 'AIM score graph',
      },
      parts.join(''),
    ) + el('p', { class: 'legend' }, legend)
  );
};
