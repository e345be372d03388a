/**
 * Dates and times in Europe/London for the demo generators: local days as `YYYY-MM-DD`, minutes
 * of the day, instants, and working days of the council's calendar. The arithmetic is
 * @aimline/calendar's; this module only names it the way the generators plan.
 */
import type { DateTime } from 'luxon';
import {
  addDays,
  addMonthsToDate,
  addWorkingDaysToDate,
  type Calendar,
  inLondon,
  isWorkingDay,
  localDate,
  nextWorkingDay,
  previousWorkingDay,
  startOfLocalDay,
  subtractWorkingDaysFromDate,
} from '@aimline/calendar';
import type { Rng } from './rng.js';

/** A London local date, `YYYY-MM-DD`. */
export type Day = string;

/** `n` weeks (7n calendar days) on. */
export const plusWeeks = (day: Day, n: number): Day => addDays(day, 7 * n);
/** `n` years on (29 February becomes 28 February in a common year). */
export const plusYears = (day: Day, n: number): Day => addMonthsToDate(day, 12 * n);
/** The London local day of an instant. */
export const londonDayOf = (at: string): Day => localDate(at);

/** Minutes after midnight. */
export const H = (h: number, m = 0): number => h * 60 + m;
const pad2 = (n: number): string => String(n).padStart(2, '0');
/** A time of day in minutes as `HH:mm`. */
export const hhmm = (minutes: number): string =>
  `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;

/**
 * The instant `minutes` after midnight London time on `day`, as UTC ISO-8601 without
 * milliseconds (`2024-06-03T08:30:00Z` is 09:30 in summer): the one form every generated
 * command's `at` and `recordedAt` take.
 */
export const instant = (day: Day, minutes: number): string =>
  utc(startOfLocalDay(day).plus({ minutes }));
/** `minutes` after an instant. */
export const plusMinutes = (at: string, minutes: number): string =>
  utc(inLondon(at).plus({ minutes }));
/** The London time of day of an instant, in minutes after midnight. */
export const minutesOf = (at: string): number => {
  const d = inLondon(at);
  return d.hour * 60 + d.minute;
};
const utc = (d: DateTime): string => {
  const s = d.toUTC().toISO({ suppressMilliseconds: true });
  if (s === null) throw new RangeError(`demo: invalid instant ${d.invalidReason ?? ''}`);
  return s;
};

/** The council's calendar and the generator's random source. */
export interface Clock {
  readonly cal: Calendar;
  readonly rng: Rng;
}
export const onOrAfter = (c: Clock, day: Day): Day =>
  isWorkingDay(c.cal, day) ? day : nextWorkingDay(c.cal, day);
export const onOrBefore = (c: Clock, day: Day): Day =>
  isWorkingDay(c.cal, day) ? day : previousWorkingDay(c.cal, day);
/** `n` working days after (n > 0) or before (n < 0) a day. */
export const wd = (c: Clock, day: Day, n: number): Day =>
  n >= 0 ? addWorkingDaysToDate(c.cal, day, n) : subtractWorkingDaysFromDate(c.cal, day, -n);
/** A random time of day between two times (5-minute steps), in minutes. */
export const tod = (rng: Rng, from: number, to: number): number =>
  from + 5 * rng.int(0, Math.max(0, Math.floor((to - from) / 5)));

/** The demo window: from the first working day on or after `from`, for `years` years. */
export interface Window {
  readonly start: Day;
  readonly end: Day;
  /** 00:00 London time on `end`: nothing is generated from then on. */
  readonly endInstant: string;
}
export const demoWindow = (from: string, years: number, firstDay: (day: Day) => Day): Window => {
  const start = firstDay(londonDayOf(from));
  const end = plusYears(start, years);
  return { start, end, endInstant: instant(end, 0) };
};
