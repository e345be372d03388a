/**
 * Plain-date arithmetic on `YYYY-MM-DD` (dates of birth, sessions, terms, demo days) and ages.
 * No zone: a plain date is a day on the calendar. Where an argument may be an instant
 * (`ageOn`'s `on`), the instant stands for its Europe/London local day (T-1).
 * Bad arguments throw a TypeError (date) or RangeError (number) naming the function.
 */
import { requireInteger } from './argument-checks.js';
import { toEpochDay, type DateInput } from './date-input.js';
import { addMonthsToDay } from './day-arithmetic.js';
import {
  isoDateOfEpochDay,
  isWeekend as isWeekendDay,
  isoWeekday as weekdayOfDay,
  parseIsoDate,
  ymdOfEpochDay,
  type IsoDate,
} from './epoch-day.js';

function dayNumberOf(date: IsoDate, fn: string, arg: string): number {
  const day = typeof date === 'string' ? parseIsoDate(date) : undefined;
  if (day === undefined)
    throw new TypeError(`${fn}: ${arg} must be a date YYYY-MM-DD that exists; got ${String(date)}`);
  return day;
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'addDays', 'n');
  return isoDateOfEpochDay(dayNumberOf(date, 'addDays', 'date') + n);
}

/** `date` plus `n` calendar months; a day past the end of the target month is clamped to it. */
export function addMonthsToDate(date: IsoDate, n: number): IsoDate {
  requireInteger(n, 'addMonthsToDate', 'n');
  return isoDateOfEpochDay(addMonthsToDay(dayNumberOf(date, 'addMonthsToDate', 'date'), n).day);
}

/** Calendar days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumberOf(to, 'daysBetween', 'to') - dayNumberOf(from, 'daysBetween', 'from');
}

/** Every date from `from` to `to`, inclusive (empty when `to` is before `from`). */
export function datesBetween(from: IsoDate, to: IsoDate): IsoDate[] {
  const last = dayNumberOf(to, 'datesBetween', 'to');
  const out: IsoDate[] = [];
  for (let d = dayNumberOf(from, 'datesBetween', 'from'); d <= last; d++)
    out.push(isoDateOfEpochDay(d));
  return out;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: IsoDate): number {
  return weekdayOfDay(dayNumberOf(date, 'isoWeekday', 'date'));
}

/** Whether a date is a Saturday or a Sunday. */
export function isWeekend(date: IsoDate): boolean {
  return isWeekendDay(dayNumberOf(date, 'isWeekend', 'date'));
}

/** Whether `date` lies in the inclusive range `from` … `to`. */
export function isDateWithin(date: IsoDate, from: IsoDate, to: IsoDate): boolean {
  const day = dayNumberOf(date, 'isDateWithin', 'date');
  return (
    day >= dayNumberOf(from, 'isDateWithin', 'from') && day <= dayNumberOf(to, 'isDateWithin', 'to')
  );
}

/** The Monday of the week (Monday to Sunday) that holds `date`. */
export function weekStart(date: IsoDate): IsoDate {
  const day = dayNumberOf(date, 'weekStart', 'date');
  return isoDateOfEpochDay(day + 1 - weekdayOfDay(day));
}

/** Year, month (1-12) and day of month of a date. */
export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  return ymdOfEpochDay(dayNumberOf(date, 'dateParts', 'date'));
}

/**
 * Age in whole years on `on` (a date, or an instant standing for its London local day).
 * A birthday is reached on its month and day; a 29 February birthday is reached on 1 March in
 * common years. Negative before the date of birth.
 */
export function ageOn(dateOfBirth: IsoDate, on: DateInput): number {
  const born = ymdOfEpochDay(dayNumberOf(dateOfBirth, 'ageOn', 'dateOfBirth'));
  const day = ymdOfEpochDay(toEpochDay(on, 'ageOn', 'on'));
  const reached = day.month > born.month || (day.month === born.month && day.day >= born.day);
  return day.year - born.year - (reached ? 0 : 1);
}
