/** Europe/London wall-clock helpers for sittings (T-1). */
import { DateTime } from 'luxon';
import { localDate, type Calendar, describeDay } from '@aimline/calendar';

/** The UTC ISO instant of a local date and `HH:MM` time in Europe/London. */
export const londonInstant = (date: string, hhmm: string): string => {
  const dt = DateTime.fromISO(`${date}T${hhmm}`, { zone: 'Europe/London' });
  if (!dt.isValid) throw new RangeError(`londonInstant: invalid date or time ${date} ${hhmm}`);
  return dt.toUTC().toISO({ suppressMilliseconds: false });
};

/** The local (Europe/London) `YYYY-MM-DD` of an instant. */
export const londonDateOf = (instant: string): string => localDate(instant);

/** "Mon 4 May 2026" */
export const longDate = (date: string): string =>
  DateTime.fromISO(date, { zone: 'Europe/London' }).toFormat('ccc d LLL yyyy');

/** Why a date is not a working day: "a bank holiday (Early May bank holiday)", "at the weekend". */
export const whyNotWorking = (calendar: Calendar, date: string): string => {
  const info = describeDay(calendar, date);
  switch (info.kind) {
    case 'bankHoliday':
      return `a bank holiday (${info.name ?? 'bank holiday'})`;
    case 'closureDay':
      return `a closure day (${info.name ?? 'closure day'})`;
    case 'weekend':
      return 'at the weekend';
    case 'workingDay':
      return 'a working day';
  }
};

/**
 * Whole years of age on a local date. A 29 February birthday is reached on 1 March in common
 * years (the month-day comparison).
 */
export const ageOn = (dateOfBirth: string, date: string): number => {
  const [by, bmd] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [y, md] = [Number(date.slice(0, 4)), date.slice(5)];
  return y - by - (md < bmd ? 1 : 0);
};
