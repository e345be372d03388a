/**
 * Listing a calendar's bank holidays and closure days (T-5).
 */
import type { Calendar } from './calendar-codec.js';
import { requireInteger } from './argument-checks.js';
import { toEpochDay } from './date-input.js';
import type { DateInput } from './date-input.js';
import { isoDateOfEpochDay, isoWeekday, yearOfEpochDay } from './epoch-day.js';
import type { IsoDate } from './epoch-day.js';
import { BANK_HOLIDAY, CLOSURE_DAY, WEEKEND, yearTable } from './year-table.js';

export interface NamedDate {
  readonly date: IsoDate;
  readonly name: string;
}

/** The kind of a day in a calendar. */
export type DayKindName = 'workingDay' | 'weekend' | 'bankHoliday' | 'closureDay';

export interface DayInfo {
  readonly date: IsoDate;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  readonly kind: DayKindName;
  readonly isWorkingDay: boolean;
  /** The bank holiday's or closure day's name. */
  readonly name?: string;
}

function checkYear(year: number, fn: string): void {
  requireInteger(year, fn, 'year');
}

/** The bank holidays of `calendar` in `year`, in date order. */
export function bankHolidays(calendar: Calendar, year: number): NamedDate[] {
  checkYear(year, 'bankHolidays');
  return yearTable(calendar, year).holidays.map((h) => ({
    date: isoDateOfEpochDay(h.day),
    name: h.name,
  }));
}

/** The council closure days of `calendar` in `year` that are not bank holidays, in date order. */
export function closureDays(calendar: Calendar, year: number): NamedDate[] {
  checkYear(year, 'closureDays');
  return yearTable(calendar, year).closures.map((c) => ({
    date: isoDateOfEpochDay(c.day),
    name: c.name,
  }));
}

/** What a day is in `calendar`: working day, weekend, bank holiday (with name) or closure day. */
export function describeDay(calendar: Calendar, date: DateInput): DayInfo {
  const day = toEpochDay(date, 'describeDay', 'date');
  const table = yearTable(calendar, yearOfEpochDay(day));
  const kind = table.kinds[day - table.firstDay];
  const base = { date: isoDateOfEpochDay(day), weekday: isoWeekday(day) };
  if (kind === BANK_HOLIDAY) {
    const name = table.holidays.find((h) => h.day === day)?.name ?? 'Bank holiday';
    return { ...base, kind: 'bankHoliday', isWorkingDay: false, name };
  }
  if (kind === CLOSURE_DAY) {
    const name = table.closures.find((c) => c.day === day)?.name ?? 'Closure day';
    return { ...base, kind: 'closureDay', isWorkingDay: false, name };
  }
  if (kind === WEEKEND) return { ...base, kind: 'weekend', isWorkingDay: false };
  return { ...base, kind: 'workingDay', isWorkingDay: true };
}

/** Whether `date` is a bank holiday in `calendar` (closure days are not). */
export function isBankHoliday(calendar: Calendar, date: DateInput): boolean {
  const day = toEpochDay(date, 'isBankHoliday', 'date');
  const table = yearTable(calendar, yearOfEpochDay(day));
  return table.kinds[day - table.firstDay] === BANK_HOLIDAY;
}

/** A skipped weekday: a bank holiday or closure day on Monday to Friday. */
export interface SkippedDay {
  readonly day: number;
  readonly kind: 'bankHoliday' | 'closureDay';
  readonly name: string;
}

/** Bank holidays and closure days on weekdays in [from, to] (day numbers), in date order. */
export function nonWorkingWeekdayNumbers(
  calendar: Calendar,
  from: number,
  to: number,
): SkippedDay[] {
  const result: SkippedDay[] = [];
  if (to < from) return result;
  for (let year = yearOfEpochDay(from); year <= yearOfEpochDay(to); year++) {
    const table = yearTable(calendar, year);
    for (const h of table.holidays) {
      if (h.day >= from && h.day <= to && isoWeekday(h.day) <= 5) {
        result.push({ day: h.day, kind: 'bankHoliday', name: h.name });
      }
    }
    for (const c of table.closures) {
      if (c.day >= from && c.day <= to && isoWeekday(c.day) <= 5) {
        result.push({ day: c.day, kind: 'closureDay', name: c.name });
      }
    }
  }
  return result.sort((a, b) => a.day - b.day);
}

/** Bank holidays and closure days falling Monday to Friday between two dates inclusive. */
export function nonWorkingWeekdays(
  calendar: Calendar,
  from: DateInput,
  to: DateInput,
): { date: IsoDate; kind: 'bankHoliday' | 'closureDay'; name: string }[] {
  const a = toEpochDay(from, 'nonWorkingWeekdays', 'from');
  const b = toEpochDay(to, 'nonWorkingWeekdays', 'to');
  return nonWorkingWeekdayNumbers(calendar, a, b).map((s) => ({
    date: isoDateOfEpochDay(s.day),
    kind: s.kind,
    name: s.name,
  }));
}
