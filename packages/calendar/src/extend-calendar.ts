/**
 * A council extends a calendar without a release (T-5): extra bank holidays, removed ones and
 * closure days, given in code or loaded from JSON data.
 */
import * as E from 'fp-ts/lib/Either.js';
import { isBankHoliday } from './bank-holidays.js';
import { CalendarExtensionCodec } from './calendar-codec.js';
import type { Calendar, CalendarExtension } from './calendar-codec.js';
import { formatDecodeErrors } from './decode-errors.js';

function requireUnique(dates: readonly string[], arg: string): void {
  const seen = new Set<string>();
  dates.forEach((date, i) => {
    if (seen.has(date))
      throw new RangeError(`extendCalendar: ${arg}[${i}].date ${date} is listed twice`);
    seen.add(date);
  });
}

/**
 * A new calendar: `calendar` plus the extension. Throws a TypeError when the extension is not
 * well-formed (see `CalendarExtensionCodec`), and a RangeError when it removes a date that is
 * not a bank holiday, adds one that already is (remove it in the same extension to rename it),
 * or lists a date twice. The result's id defaults to `<id>+extended`.
 */
export function extendCalendar(calendar: Calendar, extension: CalendarExtension): Calendar {
  const decoded = CalendarExtensionCodec.decode(extension);
  if (E.isLeft(decoded)) {
    throw new TypeError(
      `extendCalendar: extension is not valid: ${formatDecodeErrors(decoded.left).join('; ')}`,
    );
  }
  const add = extension.addHolidays ?? [];
  const remove = extension.removeHolidays ?? [];
  const closures = extension.closureDays ?? [];
  requireUnique(
    add.map((a) => a.date),
    'addHolidays',
  );
  requireUnique(
    remove.map((r) => r.date),
    'removeHolidays',
  );
  requireUnique(
    closures.map((c) => c.date),
    'closureDays',
  );
  const removed = new Set(remove.map((r) => r.date));
  remove.forEach((r, i) => {
    if (!isBankHoliday(calendar, r.date)) {
      throw new RangeError(
        `extendCalendar: removeHolidays[${i}].date ${r.date} is not a bank holiday in ${calendar.id}`,
      );
    }
  });
  add.forEach((a, i) => {
    if (!removed.has(a.date) && isBankHoliday(calendar, a.date)) {
      throw new RangeError(
        `extendCalendar: addHolidays[${i}].date ${a.date} is already a bank holiday in ${calendar.id}`,
      );
    }
  });
  return Object.freeze({
    id: extension.id ?? `${calendar.id}+extended`,
    name: extension.name ?? `${calendar.name} (extended)`,
    zone: calendar.zone,
    standingRules: calendar.standingRules,
    changes: Object.freeze({
      // A removed date that an earlier change added must not come back.
      add: Object.freeze([...calendar.changes.add.filter((a) => !removed.has(a.date)), ...add]),
      remove: Object.freeze([...calendar.changes.remove, ...remove]),
    }),
    closures: Object.freeze([...calendar.closures, ...closures]),
  });
}

/**
 * `extendCalendar` from untrusted JSON data: Left with readable messages when the data does not
 * decode or the extension is not consistent with the calendar.
 */
export function extendCalendarFromData(
  calendar: Calendar,
  data: unknown,
): E.Either<string[], Calendar> {
  const decoded = CalendarExtensionCodec.decode(data);
  if (E.isLeft(decoded)) return E.left(formatDecodeErrors(decoded.left));
  try {
    return E.right(extendCalendar(calendar, decoded.right));
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) return E.left([error.message]);
    throw error;
  }
}
