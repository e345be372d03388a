/**
 * Display helpers for people (issue 15): instants as London local, human time, the way a social
 * worker in England reads them ("end of Fri 21 Mar 2025", "14:30 GMT Tue 5 Mar 2024"), and
 * elapsed time as "2 days 3 hours". For screens, tables and reports only: stored and exchanged
 * values stay ISO-8601.
 */
import { toEpochDay, toInstantMs, type DateInput } from './date-input.js';
import { formatDayLong, formatInstantLong } from './human-format.js';
import { londonOffsetMinutes } from './london-offset.js';

const MS_PER_DAY = 86_400_000;

/**
 * An instant as London local time: "end of Fri 21 Mar 2025" for the last millisecond of a
 * London day (how every "end of day" deadline is stored), otherwise "14:30 GMT Tue 5 Mar 2024".
 */
export function londonTime(instant: DateInput): string {
  const ms = toInstantMs(instant, 'londonTime', 'instant');
  const local = ms + londonOffsetMinutes(ms) * 60_000;
  const msOfDay = ((local % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  return msOfDay === MS_PER_DAY - 1
    ? `end of ${formatDayLong(toEpochDay(instant, 'londonTime', 'instant'))}`
    : formatInstantLong(ms);
}

/** The London day of an instant, or a plain date, as "Fri 21 Mar 2025". */
export function londonDay(input: DateInput): string {
  return formatDayLong(toEpochDay(input, 'londonDay', 'input'));
}

const UNITS = [
  { ms: MS_PER_DAY, one: 'day', many: 'days' },
  { ms: 3_600_000, one: 'hour', many: 'hours' },
  { ms: 60_000, one: 'minute', many: 'minutes' },
] as const;

/**
 * Elapsed time as people say it, to the two largest units, rounded down: "2 days 3 hours",
 * "1 hour 5 minutes", "less than a minute". Negative durations read as their size.
 */
export function humanDuration(ms: number): string {
  let rest = Math.abs(ms);
  const parts: string[] = [];
  for (const unit of UNITS) {
    const n = Math.floor(rest / unit.ms);
    rest -= n * unit.ms;
    if (n > 0 || parts.length > 0) parts.push(`${n} ${n === 1 ? unit.one : unit.many}`);
    if (parts.length === 2) break;
  }
  const shown = parts.filter((p) => !p.startsWith('0 '));
  return shown.length === 0 ? 'less than a minute' : shown.join(' ');
}
