/**
 * Europe/London local-date helpers (T-1).
 */
import type { DateTime } from 'luxon';
import { toEpochDay, toInstantMs } from './date-input.js';
import type { DateInput } from './date-input.js';
import { isoDateOfEpochDay } from './epoch-day.js';
import type { IsoDate } from './epoch-day.js';
import { formatInstant } from './instant.js';
import type { IsoInstant } from './instant.js';
import { startOfLondonDayMs } from './london-offset.js';
import { daysBetween } from './plain-date.js';
import { endOfLondonDay, londonDateTime } from './london-zone.js';

/** The Europe/London local date (`YYYY-MM-DD`) of an instant or date. */
export function localDate(input: DateInput): IsoDate {
  return isoDateOfEpochDay(toEpochDay(input, 'localDate', 'input'));
}

/**
 * The whole calendar days from the London date of `from` to the date `to`, none when `to` is
 * earlier: the amount of a `calendarDays` deadline due at the end of `to` (a bail date, an
 * action's due date, the end of compulsory school age).
 */
export function calendarDaysUntil(from: DateInput, to: IsoDate): number {
  return Math.max(0, daysBetween(localDate(from), to));
}

/** 00:00 Europe/London on the local day of `input`. */
export function startOfLocalDay(input: DateInput): DateTime<true> {
  return londonDateTime(startOfLondonDayMs(toEpochDay(input, 'startOfLocalDay', 'input')));
}

/** 23:59:59.999 Europe/London on the local day of `input` (the "end of day" of T-2, T-3). */
export function endOfLocalDay(input: DateInput): DateTime<true> {
  return endOfLondonDay(toEpochDay(input, 'endOfLocalDay', 'input'));
}

/** The instant as a DateTime in Europe/London (a plain date stands for its 00:00). */
export function inLondon(input: DateInput): DateTime<true> {
  return londonDateTime(toInstantMs(input, 'inLondon', 'input'));
}

/** The instant as UTC ISO-8601, e.g. `2027-01-05T23:59:59.999Z` (how T-1 stores instants). */
export function toUtcIso(input: DateInput): IsoInstant {
  return formatInstant(toInstantMs(input, 'toUtcIso', 'input'));
}
