/**
 * Deterministic English formatting for explanations (no Intl, no locale): "Tue 5 Jan 2027",
 * "25 Dec", "14:30 GMT", "a, b and c".
 */
import { isoWeekday, ymdOfEpochDay } from './epoch-day.js';
import { londonEpochDay, londonOffsetMinutes } from './london-offset.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** "Tue 5 Jan 2027". */
export function formatDayLong(day: number): string {
  const { year, month, day: dom } = ymdOfEpochDay(day);
  return `${WEEKDAYS[isoWeekday(day) - 1] ?? ''} ${dom} ${MONTHS[month - 1] ?? ''} ${year}`;
}

/** "25 Dec" (or "25 Dec 2026" with the year). */
export function formatDayShort(day: number, withYear: boolean): string {
  const { year, month, day: dom } = ymdOfEpochDay(day);
  return `${dom} ${MONTHS[month - 1] ?? ''}${withYear ? ` ${year}` : ''}`;
}

/** "Feb 2027". */
export function formatMonthYear(day: number): string {
  const { year, month } = ymdOfEpochDay(day);
  return `${MONTHS[month - 1] ?? ''} ${year}`;
}

/** "GMT", "BST", or "UTC+hh:mm" for any other London offset (historic ones). */
export function londonZoneAbbreviation(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'GMT';
  if (offsetMinutes === 60) return 'BST';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "14:30 GMT Tue 5 Mar 2024": an instant as London wall-clock time and day. */
export function formatInstantLong(ms: number): string {
  const offset = londonOffsetMinutes(ms);
  const local = ms + offset * 60_000;
  const minuteOfDay = Math.floor((((local % 86_400_000) + 86_400_000) % 86_400_000) / 60_000);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${hh}:${mm} ${londonZoneAbbreviation(offset)} ${formatDayLong(londonEpochDay(ms))}`;
}

/** "a", "a and b", "a, b and c". */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "1 working day", "5 working days". */
export function quantity(amount: number, singular: string, plural: string): string {
  return `${amount} ${amount === 1 ? singular : plural}`;
}

/** An ISO-8601 duration of elapsed time, e.g. `P1DT2H30M` (days are 24 hours). */
export function isoDuration(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(Math.round(ms));
  const days = Math.floor(rest / 86_400_000);
  rest -= days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = rest / 1000;
  let time = '';
  if (hours > 0) time += `${hours}H`;
  if (minutes > 0) time += `${minutes}M`;
  if (seconds > 0) time += `${seconds}S`;
  if (days === 0 && time === '') return 'PT0S';
  return `${sign}P${days > 0 ? `${days}D` : ''}${time === '' ? '' : `T${time}`}`;
}
