/**
 * A school's calendar: its term dates and closure days on top of the region's bank holidays.
 * Attendance counts in school days and weeks, not working days. Plain data with an io-ts codec,
 * so a council loads each school's term dates from JSON.
 */
import * as t from 'io-ts';
import {
  addDays,
  CalendarCodec,
  englandAndWales,
  isDateWithin,
  IsoDateCodec as IsoDate,
  isWeekend,
  isWorkingDay,
  orderedRange,
  type Calendar,
} from '@aimline/calendar';

/** A term, its first and last days inclusive; one that ends before it starts is refused. */
export const TermCodec = orderedRange(
  t.type({ name: t.string, start: IsoDate, end: IsoDate }),
  'start',
  'end',
  'Term',
);
export const SchoolClosureCodec = t.type({ date: IsoDate, reason: t.string }, 'SchoolClosure');

export const SchoolCalendarCodec = t.type(
  {
    id: t.string,
    terms: t.readonlyArray(TermCodec),
    closures: t.readonlyArray(SchoolClosureCodec),
    /** The region's bank holidays (England and Wales by default). */
    region: CalendarCodec,
  },
  'SchoolCalendar',
);
export type SchoolCalendar = t.TypeOf<typeof SchoolCalendarCodec>;

export const schoolCalendar = (input: {
  readonly id: string;
  readonly terms: ReadonlyArray<{
    readonly name: string;
    readonly start: string;
    readonly end: string;
  }>;
  readonly closures?: ReadonlyArray<{ readonly date: string; readonly reason: string }>;
  readonly region?: Calendar;
}): SchoolCalendar => ({
  id: input.id,
  terms: [...input.terms].sort((a, b) => a.start.localeCompare(b.start)),
  closures: input.closures ?? [],
  region: input.region ?? englandAndWales,
});

/** The first and last day the term dates cover; outside them a weekday working day counts as a school day. */
const coverage = (c: SchoolCalendar): { from: string; to: string } | undefined => {
  if (c.terms.length === 0) return undefined;
  const starts = c.terms.map((x) => x.start).sort();
  const ends = c.terms.map((x) => x.end).sort();
  return { from: starts[0]!, to: ends[ends.length - 1]! };
};

/** Whether the term dates say anything about `date` (false: the day is outside every known school year). */
export const termDatesCover = (c: SchoolCalendar, date: string): boolean => {
  const cov = coverage(c);
  return cov !== undefined && isDateWithin(date, cov.from, cov.to);
};

/**
 * A school day: Monday to Friday, not a bank holiday, not a closure, and inside a term. Beyond the
 * known term dates, every working day counts (the explanation of a deadline says so).
 */
export const isSchoolDay = (c: SchoolCalendar, date: string): boolean => {
  if (isWeekend(date) || !isWorkingDay(c.region, date)) return false;
  if (c.closures.some((x) => x.date === date)) return false;
  if (!termDatesCover(c, date)) return true;
  return c.terms.some((x) => isDateWithin(date, x.start, x.end));
};

/** The nth school day after `date` (counting starts the next day); n = 0 gives `date`. */
export const addSchoolDays = (c: SchoolCalendar, date: string, n: number): string => {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, 1);
    if (isSchoolDay(c, d)) left--;
  }
  return d;
};

/** The nth school day before `date`; n = 0 gives `date`. */
export const subtractSchoolDays = (c: SchoolCalendar, date: string, n: number): string => {
  let d = date;
  for (let left = n; left > 0;) {
    d = addDays(d, -1);
    if (isSchoolDay(c, d)) left--;
  }
  return d;
};

/** School days in (a, b]. */
export const schoolDaysBetween = (c: SchoolCalendar, a: string, b: string): number => {
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (isSchoolDay(c, d)) n++;
  return n;
};

/** The first school day on or after `date`. */
export const schoolDayOnOrAfter = (c: SchoolCalendar, date: string): string =>
  isSchoolDay(c, date) ? date : addSchoolDays(c, date, 1);
