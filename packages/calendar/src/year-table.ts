/**
 * Per-calendar, per-year tables of day kinds, memoised (pure caching: a calendar is an
 * immutable value, so its tables never change). Every working-day question is answered from
 * these integer tables.
 */
import { CalendarCodec } from './calendar-codec.js';
import type { Calendar, ClosureDay, HolidayAddition, HolidayRemoval } from './calendar-codec.js';
import {
  epochDayFromYmd,
  isLeapYear,
  isWeekend,
  MAX_YEAR,
  MIN_YEAR,
  parseIsoDate,
} from './epoch-day.js';
import { standingHolidays } from './standing-rules.js';
import type { DatedHoliday } from './standing-rules.js';

export const WORKING_DAY = 0;
export const WEEKEND = 1;
export const BANK_HOLIDAY = 2;
export const CLOSURE_DAY = 3;
export type DayKind =
  typeof WORKING_DAY | typeof WEEKEND | typeof BANK_HOLIDAY | typeof CLOSURE_DAY;

export interface YearTable {
  readonly year: number;
  /** Day number of 1 January. */
  readonly firstDay: number;
  /** Day number of 31 December. */
  readonly lastDay: number;
  /** Kind of each day of the year (index = day - firstDay). */
  readonly kinds: Uint8Array;
  /** Working days from 1 January up to and including each day. */
  readonly cumulative: Uint16Array;
  /** Working days in the year. */
  readonly workingDays: number;
  /** Bank holidays in date order. */
  readonly holidays: readonly DatedHoliday[];
  /** Closure days that are not bank holidays, in date order. */
  readonly closures: readonly DatedHoliday[];
}

interface CalendarTables {
  readonly years: (YearTable | undefined)[];
  readonly additions: Map<number, HolidayAddition[]>;
  readonly removals: Map<number, HolidayRemoval[]>;
  readonly closures: Map<number, ClosureDay[]>;
}

function byYear<T extends { readonly date: string }>(items: readonly T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const year = Number(item.date.slice(0, 4));
    const list = map.get(year);
    if (list === undefined) map.set(year, [item]);
    else list.push(item);
  }
  return map;
}

const cache = new WeakMap<Calendar, CalendarTables>();
let lastCalendar: Calendar | undefined;
let lastTables: CalendarTables | undefined;

function tablesOf(calendar: Calendar): CalendarTables {
  if (calendar === lastCalendar && lastTables !== undefined) return lastTables;
  let tables = cache.get(calendar);
  if (tables === undefined) {
    if (!CalendarCodec.is(calendar)) {
      throw new TypeError(
        'calendar must be a Calendar value (englandAndWales, scotland, northernIreland, ' +
          'extendCalendar(…) or one decoded with CalendarCodec)',
      );
    }
    tables = {
      years: new Array<YearTable | undefined>(MAX_YEAR - MIN_YEAR + 1).fill(undefined),
      additions: byYear(calendar.changes.add),
      removals: byYear(calendar.changes.remove),
      closures: byYear(calendar.closures),
    };
    cache.set(calendar, tables);
  }
  lastCalendar = calendar;
  lastTables = tables;
  return tables;
}

function dayOf(date: string): number {
  const day = parseIsoDate(date);
  if (day === undefined) throw new TypeError(`calendar data: invalid date ${JSON.stringify(date)}`);
  return day;
}

function buildYear(calendar: Calendar, tables: CalendarTables, year: number): YearTable {
  const names = new Map<number, string>();
  for (const h of standingHolidays(calendar.standingRules, year)) names.set(h.day, h.name);
  for (const r of tables.removals.get(year) ?? []) names.delete(dayOf(r.date));
  for (const a of tables.additions.get(year) ?? []) names.set(dayOf(a.date), a.name);

  const firstDay = epochDayFromYmd(year, 1, 1);
  const length = isLeapYear(year) ? 366 : 365;
  const lastDay = firstDay + length - 1;
  const holidays = [...names]
    .filter(([day]) => day >= firstDay && day <= lastDay)
    .map(([day, name]) => ({ day, name }))
    .sort((a, b) => a.day - b.day);
  const closureNames = new Map<number, string>();
  for (const c of tables.closures.get(year) ?? []) {
    const day = dayOf(c.date);
    if (!names.has(day) && !closureNames.has(day)) closureNames.set(day, c.name);
  }
  const closures = [...closureNames]
    .map(([day, name]) => ({ day, name }))
    .sort((a, b) => a.day - b.day);

  const kinds = new Uint8Array(length);
  const cumulative = new Uint16Array(length);
  let working = 0;
  for (let i = 0; i < length; i++) {
    const day = firstDay + i;
    const kind: DayKind = names.has(day)
      ? BANK_HOLIDAY
      : closureNames.has(day)
        ? CLOSURE_DAY
        : isWeekend(day)
          ? WEEKEND
          : WORKING_DAY;
    kinds[i] = kind;
    if (kind === WORKING_DAY) working++;
    cumulative[i] = working;
  }
  return {
    year,
    firstDay,
    lastDay,
    kinds,
    cumulative,
    workingDays: working,
    holidays: Object.freeze(holidays),
    closures: Object.freeze(closures),
  };
}

/** The (memoised) table of `calendar` for `year`; a year outside 1000-9999 is a RangeError. */
export function yearTable(calendar: Calendar, year: number): YearTable {
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new RangeError(`year must be between ${MIN_YEAR} and ${MAX_YEAR}; got ${year}`);
  }
  const tables = tablesOf(calendar);
  const index = year - MIN_YEAR;
  let table = tables.years[index];
  if (table === undefined) {
    table = buildYear(calendar, tables, year);
    tables.years[index] = table;
  }
  return table;
}
