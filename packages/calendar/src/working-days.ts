/**
 * Working-day arithmetic on day numbers (T-2), answered from the memoised year tables.
 * Internal: the public functions taking dates are in `working-day-functions.ts`.
 */
import type { Calendar } from './calendar-codec.js';
import { yearOfEpochDay } from './epoch-day.js';
import { WORKING_DAY, yearTable } from './year-table.js';
import type { YearTable } from './year-table.js';

export function isWorkingDayNumber(calendar: Calendar, day: number): boolean {
  const table = yearTable(calendar, yearOfEpochDay(day));
  return table.kinds[day - table.firstDay] === WORKING_DAY;
}

/** Working days in (start of the year, day]: the table's running count (0 before 1 January). */
function countThrough(table: YearTable, day: number): number {
  return day < table.firstDay ? 0 : (table.cumulative[day - table.firstDay] as number);
}

/**
 * The day that is the nth working day after `start` (n ≥ 0; n = 0 gives `start`): counting
 * starts the day after `start`.
 */
export function addWorkingDayNumbers(calendar: Calendar, start: number, n: number): number {
  if (n === 0) return start;
  let table = yearTable(calendar, yearOfEpochDay(start));
  let day = start;
  let remaining = n;
  // Skip whole years while the rest of this one has too few working days.
  let left = table.workingDays - countThrough(table, day);
  while (remaining > left) {
    remaining -= left;
    table = yearTable(calendar, table.year + 1);
    day = table.firstDay - 1;
    left = table.workingDays;
  }
  const kinds = table.kinds;
  let i = day - table.firstDay;
  while (remaining > 0) {
    i++;
    if (kinds[i] === WORKING_DAY) remaining--;
  }
  return table.firstDay + i;
}

/** The day that is the nth working day before `start` (n ≥ 0; n = 0 gives `start`). */
export function subtractWorkingDayNumbers(calendar: Calendar, start: number, n: number): number {
  if (n === 0) return start;
  let table = yearTable(calendar, yearOfEpochDay(start));
  let day = start;
  let remaining = n;
  // Working days strictly before `day` in its year.
  let left = countThrough(table, day - 1);
  while (remaining > left) {
    remaining -= left;
    table = yearTable(calendar, table.year - 1);
    day = table.lastDay + 1;
    left = table.workingDays;
  }
  const kinds = table.kinds;
  let i = day - table.firstDay;
  while (remaining > 0) {
    i--;
    if (kinds[i] === WORKING_DAY) remaining--;
  }
  return table.firstDay + i;
}

/** Working days in (a, b] when b ≥ a; minus the working days in (b, a] when b < a. */
export function workingDaysBetweenNumbers(calendar: Calendar, a: number, b: number): number {
  if (b < a) return 0 - workingDaysBetweenNumbers(calendar, b, a); // 0 - x: never -0
  let table = yearTable(calendar, yearOfEpochDay(a));
  const last = yearTable(calendar, yearOfEpochDay(b));
  let count = -countThrough(table, a);
  while (table.year < last.year) {
    count += table.workingDays;
    table = yearTable(calendar, table.year + 1);
  }
  return count + countThrough(last, b);
}
