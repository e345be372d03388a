/**
 * Plain-date arithmetic on `YYYY-MM-DD` strings (dates of sessions, birthdays, term dates).
 * Pure and clock-free (T-7): day numbers count days since 1970-01-01.
 */

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export const dayNumber = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / MS_PER_DAY);
};

/** The `YYYY-MM-DD` date of a day number. */
export const dateOfDay = (day: number): string =>
  new Date(day * MS_PER_DAY).toISOString().slice(0, 10);

export const addDays = (date: string, n: number): string => dateOfDay(dayNumber(date) + n);

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => {
  const dow = (dayNumber(date) + 3) % 7; // 1970-01-01 was a Thursday (index 3 from Monday)
  return (dow < 0 ? dow + 7 : dow) + 1;
};

/** The Monday of the week (Monday to Sunday) that holds `date`. */
export const weekStart = (date: string): string => addDays(date, 1 - isoWeekday(date));

export const isWeekend = (date: string): boolean => isoWeekday(date) >= 6;

/** Inclusive date range check on ISO dates (lexical order is date order). */
export const within = (date: string, from: string, to: string): boolean =>
  date >= from && date <= to;

/** Every date from `from` to `to` inclusive. */
export const datesBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = dayNumber(from); d <= dayNumber(to); d++) out.push(dateOfDay(d));
  return out;
};

/** Year, month and day of an ISO date. */
export const ymd = (date: string): { year: number; month: number; day: number } => {
  const [year, month, day] = date.split('-').map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
};

export const pad2 = (n: number): string => String(n).padStart(2, '0');
