/**
 * Working-day functions on dates (T-2). Date arguments are a luxon DateTime, `YYYY-MM-DD` or an
 * ISO instant with offset (its Europe/London local day). Bad arguments throw a TypeError (not a
 * date) or RangeError (bad number), naming the function and the argument.
 */
import type { Calendar } from './calendar-codec.js';
import { startDayOf, toEpochDay } from './date-input.js';
import type { DateInput } from './date-input.js';
import { isoDateOfEpochDay } from './epoch-day.js';
import type { IsoDate } from './epoch-day.js';
import { endOfLondonDay } from './london-zone.js';
import {
  addWorkingDayNumbers,
  isWorkingDayNumber,
  subtractWorkingDayNumbers,
  workingDaysBetweenNumbers,
} from './working-days.js';

/** Whether `date` is a working day: Monday to Friday, not a bank holiday or closure day. */
export function isWorkingDay(calendar: Calendar, date: DateInput): boolean {
  return isWorkingDayNumber(calendar, toEpochDay(date, 'isWorkingDay', 'date'));
}

/**
 * The function `name`: n working days from `start` counted by `step` (after or before it), the
 * day answered as `answer` gives it. n is a non-negative integer; n = 0 gives `start`'s own day.
 */
const countingWorkingDays =
  <A>(name: string, step: typeof addWorkingDayNumbers, answer: (day: number) => A) =>
  (calendar: Calendar, start: DateInput, n: number): A =>
    answer(step(calendar, startDayOf(start, n, name), n));

/**
 * T-2: the end (23:59:59.999 Europe/London) of the nth working day after `start`; counting
 * starts the day after `start`. n is a non-negative integer; n = 0 gives the end of `start`'s
 * own day. Returns a DateTime in Europe/London.
 */
export const addWorkingDays = countingWorkingDays(
  'addWorkingDays',
  addWorkingDayNumbers,
  endOfLondonDay,
);

/** T-2 on plain dates: the nth working day after `start` as `YYYY-MM-DD` (n = 0 gives start). */
export const addWorkingDaysToDate = countingWorkingDays(
  'addWorkingDaysToDate',
  addWorkingDayNumbers,
  isoDateOfEpochDay,
);

/**
 * The end (23:59:59.999 Europe/London) of the nth working day before `start` (e.g. papers
 * "7 working days before the sitting", PNL-4). n = 0 gives the end of `start`'s own day.
 */
export const subtractWorkingDays = countingWorkingDays(
  'subtractWorkingDays',
  subtractWorkingDayNumbers,
  endOfLondonDay,
);

/** The nth working day before `start` as `YYYY-MM-DD` (n = 0 gives start). */
export const subtractWorkingDaysFromDate = countingWorkingDays(
  'subtractWorkingDaysFromDate',
  subtractWorkingDayNumbers,
  isoDateOfEpochDay,
);

/**
 * The working days in (a, b]: the inverse of adding, so
 * `workingDaysBetween(c, a, addWorkingDaysToDate(c, a, n)) === n`. Negative when b is before a
 * (minus the working days in (b, a]); 0 when they are the same day.
 */
export function workingDaysBetween(calendar: Calendar, a: DateInput, b: DateInput): number {
  return workingDaysBetweenNumbers(
    calendar,
    toEpochDay(a, 'workingDaysBetween', 'a'),
    toEpochDay(b, 'workingDaysBetween', 'b'),
  );
}

/** The first working day strictly after `date`, as `YYYY-MM-DD`. */
export function nextWorkingDay(calendar: Calendar, date: DateInput): IsoDate {
  const day = toEpochDay(date, 'nextWorkingDay', 'date');
  return isoDateOfEpochDay(addWorkingDayNumbers(calendar, day, 1));
}

/** The last working day strictly before `date`, as `YYYY-MM-DD`. */
export function previousWorkingDay(calendar: Calendar, date: DateInput): IsoDate {
  const day = toEpochDay(date, 'previousWorkingDay', 'date');
  return isoDateOfEpochDay(subtractWorkingDayNumbers(calendar, day, 1));
}
