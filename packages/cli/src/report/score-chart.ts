import type { ScorePoint } from '@aimline/hsb-aim';
import { londonDay } from '@aimline/calendar';
import { el, esc } from './svg.js';

const LEVEL: Record<string, number> = { low: 1, medium: 2, high: 3 };
const SERIES = [
  ['staticConcerns', '#6a1b9a'],
  ['dynamicConcerns', '#c62828'],
  ['dynamicStrengths', '#2e7d32'],
  ['recommendedSupervision', '#1565c0'],
] as const;

/**
 * The AIM score graph over assessment and reviews (HSB-26): the levels the assessors agreed
 * (low / medium / high, the y axis) at each scoring (the x axis: its London date and occasion).
 * AIM3 profiles have no band and are listed instead.
 */
export const scoreChart = (points: ReadonlyArray<ScorePoint>): string => {
  const W = 960;
  const H = 300;
  const L = 110;
  const BOTTOM = H - 80;
  if (points.length === 0) return el('p', { id: 'score-graph-empty' }, 'No scores recorded yet.');
  // The scorings sit 70 px inside the axes, so the first clears the y axis and every label fits.
  const x = (i: number) =>
    L + 70 + (points.length === 1 ? (W - L - 160) / 2 : (i / (points.length - 1)) * (W - L - 160));
  const y = (level: number) => BOTTOM - 20 - ((level - 1) / 2) * (BOTTOM - 50);
  const parts: string[] = [];
  parts.push(
    el(
      'g',
      { class: 'y-axis', 'data-axis': 'y' },
      el('line', { x1: L, x2: L, y1: 10, y2: BOTTOM, stroke: '#444' }) +
        Object.entries(LEVEL)
          .map(
            ([name, level]) =>
              el(
                'text',
                { x: L - 8, y: y(level) + 4, class: 'axis tick', 'text-anchor': 'end' },
                name,
              ) + el('line', { x1: L, x2: W - 20, y1: y(level), y2: y(level), stroke: '#eee' }),
          )
          .join('') +
        el(
          'text',
          {
            x: 14,
            y: BOTTOM / 2,
            class: 'axis-title',
            'text-anchor': 'middle',
            transform: `rotate(-90 14 ${BOTTOM / 2})`,
          },
          'Level agreed',
        ),
    ),
  );
  parts.push(
    el(
      'g',
      { class: 'x-axis', 'data-axis': 'x' },
      el('line', { x1: L, x2: W - 20, y1: BOTTOM, y2: BOTTOM, stroke: '#444' }) +
        points
          .map(
            (p, i) =>
              el('line', {
                x1: x(i).toFixed(1),
                x2: x(i).toFixed(1),
                y1: BOTTOM,
                y2: BOTTOM + 5,
                stroke: '#444',
              }) +
              el(
                'text',
                { x: x(i).toFixed(1), y: BOTTOM + 18, class: 'axis tick', 'text-anchor': 'middle' },
                esc(londonDay(p.at)),
              ) +
              el(
                'text',
                { x: x(i).toFixed(1), y: BOTTOM + 32, class: 'axis', 'text-anchor': 'middle' },
                esc(p.occasion),
              ),
          )
          .join('') +
        el(
          'text',
          { x: (L + W - 20) / 2, y: BOTTOM + 56, class: 'axis-title', 'text-anchor': 'middle' },
          'Scoring (London date, occasion)',
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
