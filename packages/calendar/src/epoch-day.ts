/**
 * Integer day numbers: days since 1970-01-01 in the proleptic Gregorian calendar.
 * All working-day arithmetic runs on these; luxon is used only at the boundary.
 */

/** A calendar date as `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

export const MS_PER_DAY = 86_400_000;

/** The first and last years the package accepts (four-digit ISO years). */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

/** A range of years, inclusive: the bounds a parser accepts (policy narrows the default). */
export interface YearRange {
  readonly min: number;
  readonly max: number;
}

/** Every year the calendar can compute with: 1000-9999. */
export const SUPPORTED_YEARS: YearRange = { min: MIN_YEAR, max: MAX_YEAR };

/** Days since 1970-01-01 for a Gregorian year, month (1-12) and day (1-31). */
export function epochDayFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The Gregorian year of a day number. */
export function yearOfEpochDay(epochDay: number): number {
  return ymdOfEpochDay(epochDay).year;
}

/** Year, month (1-12) and day of a day number. */
export function ymdOfEpochDay(epochDay: number): { year: number; month: number; day: number } {
  const z = epochDay + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekday(epochDay: number): number {
  return ((((epochDay + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(epochDay: number): boolean {
  return isoWeekday(epochDay) >= 6;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

function formatIsoDate(epochDay: number): IsoDate {
  const { year, month, day } = ymdOfEpochDay(epochDay);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** Days whose `YYYY-MM-DD` string is cached: 1990-01-01 … 2059-12-31. */
const CACHE_FIRST_DAY = 7305;
const CACHE_LAST_DAY = 32_871;
const isoDateCache = new Array<IsoDate | undefined>(CACHE_LAST_DAY - CACHE_FIRST_DAY + 1).fill(
  undefined,
);

/** `YYYY-MM-DD` of a day number (memoised for 1990-2059). */
export function isoDateOfEpochDay(epochDay: number): IsoDate {
  if (epochDay < CACHE_FIRST_DAY || epochDay > CACHE_LAST_DAY) return formatIsoDate(epochDay);
  const index = epochDay - CACHE_FIRST_DAY;
  let iso = isoDateCache[index];
  if (iso === undefined) {
    iso = formatIsoDate(epochDay);
    isoDateCache[index] = iso;
  }
  return iso;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Reads two digits at i, or -1. */
function twoDigits(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * Parses the `YYYY-MM-DD` prefix of `s` (which must be at least 10 characters) into a day
 * number, or returns `undefined` when it is not a real calendar date in `years`.
 */
export function parseIsoDatePrefix(
  s: string,
  years: YearRange = SUPPORTED_YEARS,
): number | undefined {
  if (s.length < 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return undefined;
  const hi = twoDigits(s, 0);
  const lo = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (hi < 0 || lo < 0 || month < 1 || month > 12 || day < 1) return undefined;
  const year = hi * 100 + lo;
  if (year < years.min || year > years.max || day > daysInMonth(year, month)) return undefined;
  return epochDayFromYmd(year, month, day);
}

/**
 * The one date parser: exactly `YYYY-MM-DD`, a day that exists, in `years` (default 1000-9999),
 * as a day number; `undefined` otherwise. Exact: the day number formats back to `s`.
 */
export function parseIsoDate(s: string, years: YearRange = SUPPORTED_YEARS): number | undefined {
  return s.length === 10 ? parseIsoDatePrefix(s, years) : undefined;
}

export function isIsoDate(u: unknown): u is IsoDate {
  return typeof u === 'string' && parseIsoDate(u) !== undefined;
}
