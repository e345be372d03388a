/** An invented but typical English school calendar: term dates, half terms and bank holidays. */
import {
  addDays,
  addWorkingDaysToDate,
  type Calendar,
  easterSundayDate as easterSunday,
  isoWeekday,
  isWorkingDay,
} from '@aimline/calendar';
import type { Day } from '../london-time.js';

interface Holiday {
  readonly from: Day;
  readonly to: Day;
}

interface SchoolYearDates {
  /** The first day of the autumn term (an INSET day: no pupils, marked `#`). */
  readonly firstDay: Day;
  readonly holidays: ReadonlyArray<Holiday>;
}

/** The Monday between `from` and `to` (days of `month` in `year`). */
const mondayBetween = (year: number, month: number, from: number, to: number): Day => {
  for (let d = from; d <= to; d++) {
    const day = `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    if (isoWeekday(day) === 1) return day;
  }
  throw new RangeError(`demo: no Monday in ${year}-${month} ${from}..${to}`);
};

const week = (monday: Day): Holiday => ({ from: monday, to: addDays(monday, 4) });

/**
 * Term dates like most English schools': autumn from early September with a half term in late
 * October, Christmas, a February half term, two weeks at Easter, the late-May half term and the
 * summer from 23 July. Bank holidays come from the council's calendar.
 */
export class SchoolTerms {
  private readonly years = new Map<number, SchoolYearDates>();
  constructor(readonly cal: Calendar) {}

  private firstDayOf(s: number): Day {
    let d = `${s}-09-02`;
    while (isoWeekday(d) >= 6) d = addDays(d, 1);
    return d;
  }

  /** The dates of the school year starting in September of `s`. */
  year(s: number): SchoolYearDates {
    const known = this.years.get(s);
    if (known !== undefined) return known;
    const easter = easterSunday(s + 1);
    const y: SchoolYearDates = {
      firstDay: this.firstDayOf(s),
      holidays: [
        week(mondayBetween(s, 10, 22, 28)),
        { from: `${s}-12-21`, to: `${s + 1}-01-03` },
        week(mondayBetween(s + 1, 2, 12, 18)),
        { from: addDays(easter, -6), to: addDays(easter, 5) },
        week(mondayBetween(s + 1, 5, 25, 31)),
        { from: `${s + 1}-07-23`, to: `${s + 1}-08-31` },
      ],
    };
    this.years.set(s, y);
    return y;
  }

  static startYearOf(day: Day): number {
    const y = Number(day.slice(0, 4));
    return Number(day.slice(5, 7)) >= 9 ? y : y - 1;
  }

  /** Staff are in school: a weekday in term that is not a bank holiday (INSET days included). */
  isSchoolDay(day: Day): boolean {
    if (isoWeekday(day) >= 6 || !isWorkingDay(this.cal, day)) return false;
    const y = this.year(SchoolTerms.startYearOf(day));
    if (day < y.firstDay) return false;
    return !y.holidays.some((h) => day >= h.from && day <= h.to);
  }

  /** An INSET day: school is open to staff, closed to pupils (`#`). */
  isInset(day: Day): boolean {
    return this.year(SchoolTerms.startYearOf(day)).firstDay === day;
  }

  private readonly pupilDays = new Map<Day, boolean>();

  /** A day pupils are expected in school. */
  isPupilDay(day: Day): boolean {
    let known = this.pupilDays.get(day);
    if (known === undefined) {
      known = this.isSchoolDay(day) && !this.isInset(day);
      this.pupilDays.set(day, known);
    }
    return known;
  }

  onOrAfter(day: Day): Day {
    let d = day;
    while (!this.isPupilDay(d)) d = addDays(d, 1);
    return d;
  }

  onOrBefore(day: Day): Day {
    let d = day;
    while (!this.isPupilDay(d)) d = addDays(d, -1);
    return d;
  }

  /** The nth pupil day after `day`. */
  add(day: Day, n: number): Day {
    let d = day;
    for (let left = n; left > 0;) {
      d = addDays(d, 1);
      if (this.isPupilDay(d)) left--;
    }
    return d;
  }

  /** The latest pupil day at most `n` working days after `day` (and not before it). */
  withinWorkingDays(day: Day, n: number): Day {
    const limit = this.onOrBefore(addWorkingDaysToDate(this.cal, day, n));
    return limit < day ? day : limit;
  }
}
