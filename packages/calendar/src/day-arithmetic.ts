/**
 * Calendar-day arithmetic on London day numbers (T-3, T-4, NAT-2). Internal.
 */
import type { Calendar } from './calendar-codec.js';
import { daysInMonth, epochDayFromYmd, ymdOfEpochDay } from './epoch-day.js';
import { isWorkingDayNumber, subtractWorkingDayNumbers } from './working-days.js';

/** `day` plus n calendar months; a day past the end of the target month is clamped to it. */
export function addMonthsToDay(day: number, n: number): { day: number; clamped: boolean } {
  const { year, month, day: dom } = ymdOfEpochDay(day);
  const index = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const last = daysInMonth(targetYear, targetMonth);
  return {
    day: epochDayFromYmd(targetYear, targetMonth, Math.min(dom, last)),
    clamped: dom > last,
  };
}

/**
 * T-4: the day n calendar days before `meetingDay`, moved back to the previous working day
 * when it is not a working day. `nominal` is the day before moving.
 */
export function daysBeforeDay(
  calendar: Calendar,
  meetingDay: number,
  n: number,
): { day: number; nominal: number } {
  const nominal = meetingDay - n;
  const day = isWorkingDayNumber(calendar, nominal)
    ? nominal
    : subtractWorkingDayNumbers(calendar, nominal, 1);
  return { day, nominal };
}
