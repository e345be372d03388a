/** Europe/London wall-clock helpers for sittings (T-1). */
import { DateTime } from 'luxon';
import { type Calendar, describeDay } from '@aimline/calendar';

/** The UTC ISO instant of a local date and `HH:MM` time in Europe/London. */
export const londonInstant = (date: string, hhmm: string): string => {
  const dt = DateTime.fromISO(`${date}T${hhmm}`, { zone: 'Europe/London' });
  if (!dt.isValid) throw new RangeError(`londonInstant: invalid date or time ${date} ${hhmm}`);
  return dt.toUTC().toISO({ suppressMilliseconds: false });
};

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
