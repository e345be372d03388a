/**
 * Calendar-day, week, month and elapsed-hour arithmetic in Europe/London (T-1, T-3, T-4,
 * NAT-2). Results are DateTimes in Europe/London.
 */
import type { DateTime } from 'luxon';
import { requireFinite, requireInteger } from './argument-checks.js';
import type { Calendar } from './calendar-codec.js';
import { startDayOf, toEpochDay, toInstantMs } from './date-input.js';
import type { DateInput } from './date-input.js';
import { addMonthsToDay, daysBeforeDay } from './day-arithmetic.js';
import { endOfLondonDay, londonDateTime } from './london-zone.js';

/** T-3: the end (23:59:59.999 local) of the day n calendar days after `start`'s local day. */
export function addCalendarDays(start: DateInput, n: number): DateTime<true> {
  requireInteger(n, 'addCalendarDays', 'n');
  return endOfLondonDay(toEpochDay(start, 'addCalendarDays', 'start') + n);
}

/** T-3: N weeks = 7N calendar days; end of that local day. */
export function addWeeks(start: DateInput, n: number): DateTime<true> {
  requireInteger(n, 'addWeeks', 'n');
  return endOfLondonDay(toEpochDay(start, 'addWeeks', 'start') + 7 * n);
}

/**
 * NAT-2: n calendar months after `start`'s local day, clamped to the end of a shorter month
 * (31 Jan + 1 month = 28/29 Feb); end of that local day.
 */
export function addMonths(start: DateInput, n: number): DateTime<true> {
  requireInteger(n, 'addMonths', 'n');
  const { day } = addMonthsToDay(toEpochDay(start, 'addMonths', 'start'), n);
  return endOfLondonDay(day);
}

/**
 * T-1: exactly `hours` elapsed hours after `start` (also across a clock change, so 24 hours
 * after 01:30 BST on the day before the autumn change is 00:30 GMT two local days later).
 */
export function addHours(start: DateInput, hours: number): DateTime<true> {
  requireFinite(hours, 'addHours', 'hours');
  return londonDateTime(toInstantMs(start, 'addHours', 'start') + hours * 3_600_000);
}

/**
 * T-4: the latest acceptable instant for something due n days before a meeting: the meeting's
 * local day minus n calendar days, moved back to the previous working day when that day is not
 * a working day; the end of that local day.
 */
export function daysBeforeMeeting(
  calendar: Calendar,
  meetingStart: DateInput,
  n: number,
): DateTime<true> {
  const meetingDay = startDayOf(meetingStart, n, 'daysBeforeMeeting', 'meetingStart');
  return endOfLondonDay(daysBeforeDay(calendar, meetingDay, n).day);
}

/** T-4: the meeting start minus exactly `hours` elapsed hours. */
export function hoursBeforeMeeting(meetingStart: DateInput, hours: number): DateTime<true> {
  requireFinite(hours, 'hoursBeforeMeeting', 'hours');
  if (hours < 0) {
    throw new RangeError(`hoursBeforeMeeting: hours must not be negative; got ${hours}`);
  }
  const start = toInstantMs(meetingStart, 'hoursBeforeMeeting', 'meetingStart');
  return londonDateTime(start - hours * 3_600_000);
}
