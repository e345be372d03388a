/**
 * A time axis for the report's charts: ticks on London days (the first of each month for a long
 * span, Mondays for a few weeks, every day for a short one), each labelled with its London date.
 */
import {
  addDays,
  addMonthsToDate,
  dateParts,
  formatInstant,
  localDate,
  londonDay,
  startOfLocalDay,
  weekStart,
} from '@aimline/calendar';
import { el, esc } from './svg.js';

export interface Tick {
  readonly ms: number;
  /** e.g. "Mar 2024" (monthly ticks) or "4 Mar 2024". */
  readonly label: string;
}

/** "Mon 4 Mar 2024" without the weekday, or only the month and year. */
const shortDay = (date: string, monthOnly: boolean): string => {
  const [, day, month, year] = londonDay(date).split(' ');
  return monthOnly ? `${month} ${year}` : `${day} ${month} ${year}`;
};

/** London-day ticks from `fromMs` to `toMs`, at most about ten. */
export const timeTicks = (fromMs: number, toMs: number): Tick[] => {
  const first = localDate(formatInstant(fromMs));
  const last = localDate(formatInstant(toMs));
  const spanDays = (toMs - fromMs) / 86_400_000;
  const monthly = spanDays > 90;
  const stepMonths = Math.max(1, Math.ceil(spanDays / 30 / 10));
  const stepDays =
    spanDays > 21
      ? 7 * Math.max(1, Math.ceil(spanDays / 7 / 10))
      : Math.max(1, Math.ceil(spanDays / 10));
  let day = monthly
    ? (() => {
        const { year, month } = dateParts(first);
        return `${year}-${String(month).padStart(2, '0')}-01`;
      })()
    : spanDays > 21
      ? weekStart(first)
      : first;
  const ticks: Tick[] = [];
  while (day <= last && ticks.length < 40) {
    const ms = startOfLocalDay(day).toMillis();
    if (ms >= fromMs) ticks.push({ ms, label: shortDay(day, monthly) });
    day = monthly ? addMonthsToDate(day, stepMonths) : addDays(day, stepDays);
  }
  return ticks;
};

/**
 * The x axis at `y`: its line from `left` to `right`, a tick and label per London day of
 * `ticks` (placed by `x`), and its title; a group marked `data-axis="x"`.
 */
export const timeAxis = (
  ticks: ReadonlyArray<Tick>,
  x: (ms: number) => number,
  y: number,
  left: number,
  right: number,
  title: string,
): string =>
  el(
    'g',
    { class: 'x-axis', 'data-axis': 'x' },
    el('line', { x1: left, x2: right, y1: y, y2: y, stroke: '#444' }) +
      ticks
        .map(
          (t) =>
            el('line', {
              x1: x(t.ms).toFixed(1),
              x2: x(t.ms).toFixed(1),
              y1: y,
              y2: y + 5,
              stroke: '#444',
            }) +
            el(
              'text',
              { x: x(t.ms).toFixed(1), y: y + 17, class: 'axis tick', 'text-anchor': 'middle' },
              esc(t.label),
            ),
        )
        .join('') +
      el(
        'text',
        { x: (left + right) / 2, y: y + 34, class: 'axis-title', 'text-anchor': 'middle' },
        esc(title),
      ),
  );
