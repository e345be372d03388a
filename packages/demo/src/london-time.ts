/**
 * Dates and times in Europe/London for the demo generators: local days as `YYYY-MM-DD`,
 * minutes of the day, and working days of the council's calendar.
 */
import { DateTime } from 'luxon';
import {
  addWorkingDaysToDate,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  subtractWorkingDaysFromDate,
  type Calendar,
} from '@aimline/calendar';
import type { Rng } from './rng.js';

export const ZONE = 'Europe/London';

/** A London local date, `YYYY-MM-DD`. */
export type Day = string;

export const dt = (day: Day): DateTime => DateTime.fromISO(day, { zone: ZONE });
export const isoDay = (d: DateTime): Day => {
  const s = d.toISODate();
  if (s === null) throw new RangeError(`demo: invalid date ${d.invalidReason ?? ''}`);
  return s;
};
export const plusDays = (day: Day, n: number): Day => isoDay(dt(day).plus({ days: n }));
export const plusWeeks = (day: Day, n: number): Day => isoDay(dt(day).plus({ weeks: n }));
export const plusMonths = (day: Day, n: number): Day => isoDay(dt(day).plus({ months: n }));
export const daysBetween = (a: Day, b: Day): number => Math.round(dt(b).diff(dt(a), 'days').days);
export const londonDayOf = (at: string): Day => isoDay(DateTime.fromISO(at, { zone: ZONE }));
/** Minutes after midnight. */
export const H = (h: number, m = 0): number => h * 60 + m;

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
export const tod = (c: Clock, from: number, to: number): number =>
  from + 5 * c.rng.int(0, Math.max(0, Math.floor((to - from) / 5)));
