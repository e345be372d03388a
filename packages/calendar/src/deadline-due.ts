/**
 * Computes a deadline's due instant and the explanation of how it was reached (T-1 … T-4,
 * NAT-2), from the start instant, the unit, the amount and the calendar.
 */
import { nonWorkingWeekdayNumbers } from './bank-holidays.js';
import type { SkippedDay } from './bank-holidays.js';
import type { Calendar } from './calendar-codec.js';
import { addMonthsToDay, daysBeforeDay } from './day-arithmetic.js';
import type { DeadlineUnit } from './deadline-codec.js';
import { yearOfEpochDay, ymdOfEpochDay } from './epoch-day.js';
import {
  formatDayLong,
  formatDayShort,
  formatInstantLong,
  formatMonthYear,
  joinWithAnd,
  quantity,
} from './human-format.js';
import { endOfLondonDayMs, londonEpochDay, londonOffsetMinutes } from './london-offset.js';
import { addWorkingDayNumbers, subtractWorkingDayNumbers } from './working-days.js';
import { BANK_HOLIDAY, yearTable } from './year-table.js';

export interface DueComputation {
  readonly dueMs: number;
  /** The explanation after "<label> due by …: ". */
  readonly reason: string;
  /** How the due instant is phrased: "end of Tue 5 Jan 2027" or "14:30 GMT Tue 5 Mar 2024". */
  readonly dueText: string;
}

/** "; 25 Dec, 28 Dec and 1 Jan are bank holidays; 29 Dec is a closure day" (or ""). */
function skippedText(skipped: readonly SkippedDay[], from: number, to: number): string {
  const withYear = to - from > 300;
  const group = (kind: SkippedDay['kind'], one: string, many: string): string => {
    const days = skipped.filter((s) => s.kind === kind).map((s) => formatDayShort(s.day, withYear));
    if (days.length === 0) return '';
    return `; ${joinWithAnd(days)} ${days.length === 1 ? one : many}`;
  };
  return (
    group('bankHoliday', 'is a bank holiday', 'are bank holidays') +
    group('closureDay', 'is a closure day', 'are closure days')
  );
}

function whyNotWorking(calendar: Calendar, day: number): string {
  const table = yearTable(calendar, yearOfEpochDay(day));
  const kind = table.kinds[day - table.firstDay];
  if (kind === BANK_HOLIDAY) {
    return `a bank holiday (${table.holidays.find((h) => h.day === day)?.name ?? ''})`;
  }
  const closure = table.closures.find((c) => c.day === day);
  return closure === undefined ? 'at the weekend' : `a closure day (${closure.name})`;
}

function endOfDay(day: number): { dueMs: number; dueText: string } {
  return { dueMs: endOfLondonDayMs(day), dueText: `end of ${formatDayLong(day)}` };
}

export function computeDue(
  calendar: Calendar,
  unit: DeadlineUnit,
  amount: number,
  startMs: number,
  startDescription: string,
): DueComputation {
  const startDay = londonEpochDay(startMs);
  const on = `${startDescription} on ${formatDayLong(startDay)}`;
  switch (unit) {
    case 'hours':
    case 'hoursBefore': {
      const dueMs = startMs + (unit === 'hours' ? 1 : -1) * amount * 3_600_000;
      const direction = unit === 'hours' ? 'after' : 'before';
      const clockChange =
        londonOffsetMinutes(dueMs) === londonOffsetMinutes(startMs)
          ? ''
          : '; the clocks change in between, so the hours are elapsed time';
      return {
        dueMs,
        dueText: formatInstantLong(dueMs),
        reason: `${quantity(amount, 'hour', 'hours')} ${direction} ${startDescription} at ${formatInstantLong(startMs)}${clockChange}`,
      };
    }
    case 'calendarDays':
      return {
        ...endOfDay(startDay + amount),
        reason: `${quantity(amount, 'calendar day', 'calendar days')} after ${on}`,
      };
    case 'weeks':
      return {
        ...endOfDay(startDay + 7 * amount),
        reason: `${quantity(amount, 'week', 'weeks')} after ${on}`,
      };
    case 'months': {
      const { day, clamped } = addMonthsToDay(startDay, amount);
      const clampNote = clamped
        ? `; ${formatMonthYear(day)} has no day ${ymdOfEpochDay(startDay).day}, so its last day`
        : '';
      return {
        ...endOfDay(day),
        reason: `${quantity(amount, 'calendar month', 'calendar months')} after ${on}${clampNote}`,
      };
    }
    case 'workingDays': {
      const day = addWorkingDayNumbers(calendar, startDay, amount);
      const skipped = nonWorkingWeekdayNumbers(calendar, startDay + 1, day);
      return {
        ...endOfDay(day),
        reason: `${quantity(amount, 'working day', 'working days')} after ${on}${skippedText(skipped, startDay, day)}`,
      };
    }
    case 'workingDaysBefore': {
      const day = subtractWorkingDayNumbers(calendar, startDay, amount);
      const skipped = nonWorkingWeekdayNumbers(calendar, day, startDay - 1);
      return {
        ...endOfDay(day),
        reason: `${quantity(amount, 'working day', 'working days')} before ${on}${skippedText(skipped, day, startDay)}`,
      };
    }
    case 'daysBefore': {
      const { day, nominal } = daysBeforeDay(calendar, startDay, amount);
      const moved =
        day === nominal
          ? ''
          : `; ${formatDayLong(nominal)} is ${whyNotWorking(calendar, nominal)}, so moved back to the previous working day`;
      return {
        ...endOfDay(day),
        reason: `${quantity(amount, 'day', 'days')} before ${on}${moved}`,
      };
    }
  }
}
