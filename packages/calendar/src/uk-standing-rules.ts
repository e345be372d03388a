/**
 * The standing UK bank-holiday rules (T-5), as data: each rule once, with the regions it holds
 * in. Names follow GOV.UK's list. Sources: Banking and Financial Dealings Act 1971 and the annual
 * proclamations; St Andrew's Day Bank Holiday (Scotland) Act 2007.
 */
import type { StandingRule } from './calendar-codec.js';
import type { Region } from './regional-calendars.js';

const MONDAY = 1;

/** A holiday on a fixed date, moved to the next working day when it falls on a weekend. */
const fixedDate = (name: string, month: number, day: number): StandingRule => ({
  kind: 'fixedDate',
  name,
  month,
  day,
  substitute: true,
});

/** A holiday on the `nth` Monday of `month` (`-1`: the last). */
const nthMonday = (name: string, month: number, nth: 1 | -1): StandingRule => ({
  kind: 'nthWeekdayOfMonth',
  name,
  month,
  weekday: MONDAY,
  nth,
});

const everywhere: readonly Region[] = ['england-and-wales', 'scotland', 'northern-ireland'];
const notScotland: readonly Region[] = ['england-and-wales', 'northern-ireland'];

/** Every standing rule with the regions it holds in, in the order of the year. */
const ukStandingRules: ReadonlyArray<readonly [StandingRule, readonly Region[]]> = [
  [fixedDate("New Year's Day", 1, 1), everywhere],
  [fixedDate('2nd January', 1, 2), ['scotland']],
  [fixedDate("St Patrick's Day", 3, 17), ['northern-ireland']],
  [{ kind: 'easterOffset', name: 'Good Friday', offsetDays: -2 }, everywhere],
  [{ kind: 'easterOffset', name: 'Easter Monday', offsetDays: 1 }, notScotland],
  [nthMonday('Early May bank holiday', 5, 1), everywhere],
  [nthMonday('Spring bank holiday', 5, -1), everywhere],
  [fixedDate("Battle of the Boyne (Orangemen's Day)", 7, 12), ['northern-ireland']],
  [nthMonday('Summer bank holiday', 8, -1), notScotland],
  [nthMonday('Summer bank holiday', 8, 1), ['scotland']],
  [{ ...fixedDate("St Andrew's Day", 11, 30), fromYear: 2007 }, ['scotland']],
  [fixedDate('Christmas Day', 12, 25), everywhere],
  [fixedDate('Boxing Day', 12, 26), everywhere],
];

/** The standing rules of one region, in the order of the year. */
export const standingRulesOf = (region: Region): readonly StandingRule[] =>
  ukStandingRules.filter(([, regions]) => regions.includes(region)).map(([rule]) => rule);
