/**
 * Evaluates standing bank-holiday rules for one year (T-5), substitute days included.
 */
import type { StandingRule } from './calendar-codec.js';
import { easterSunday } from './easter.js';
import { daysInMonth, epochDayFromYmd, isoWeekday, isWeekend } from './epoch-day.js';

/** A bank holiday as a day number and its name. */
export interface DatedHoliday {
  readonly day: number;
  readonly name: string;
}

function appliesIn(rule: StandingRule, year: number): boolean {
  return (
    (rule.fromYear === undefined || year >= rule.fromYear) &&
    (rule.untilYear === undefined || year <= rule.untilYear)
  );
}

function nthWeekdayOfMonth(year: number, month: number, weekday: number, nth: number): number {
  if (nth === -1) {
    const last = epochDayFromYmd(year, month, daysInMonth(year, month));
    return last - ((isoWeekday(last) - weekday + 7) % 7);
  }
  const first = epochDayFromYmd(year, month, 1);
  const day = first + ((weekday - isoWeekday(first) + 7) % 7) + (nth - 1) * 7;
  // A fifth weekday that does not exist in this month falls back to the last one.
  return nth === 5 && day > first + daysInMonth(year, month) - 1 ? day - 7 : day;
}

/**
 * The bank holidays the standing rules give in `year`, in date order. Days on their own date
 * come first; then each fixed date that falls at a weekend (in date order) gets a substitute:
 * the next weekday that is not already a bank holiday, named "<name> (substitute day)".
 */
export function standingHolidays(rules: readonly StandingRule[], year: number): DatedHoliday[] {
  const taken = new Map<number, string>();
  const weekendFixed: DatedHoliday[] = [];
  for (const rule of rules) {
    if (!appliesIn(rule, year)) continue;
    switch (rule.kind) {
      case 'fixedDate': {
        if (rule.day > daysInMonth(year, rule.month)) break;
        const day = epochDayFromYmd(year, rule.month, rule.day);
        if (rule.substitute && isWeekend(day)) weekendFixed.push({ day, name: rule.name });
        else if (!taken.has(day)) taken.set(day, rule.name);
        break;
      }
      case 'easterOffset': {
        const day = easterSunday(year) + rule.offsetDays;
        if (!taken.has(day)) taken.set(day, rule.name);
        break;
      }
      case 'nthWeekdayOfMonth': {
        const day = nthWeekdayOfMonth(year, rule.month, rule.weekday, rule.nth);
        if (!taken.has(day)) taken.set(day, rule.name);
        break;
      }
    }
  }
  weekendFixed.sort((a, b) => a.day - b.day);
  for (const { day, name } of weekendFixed) {
    let substitute = day + 1;
    while (isWeekend(substitute) || taken.has(substitute)) substitute++;
    taken.set(substitute, `${name} (substitute day)`);
  }
  return [...taken].map(([day, name]) => ({ day, name })).sort((a, b) => a.day - b.day);
}
