/**
 * The standing UK bank-holiday rules per region (T-5), as data. Names follow GOV.UK's list.
 * Sources: Banking and Financial Dealings Act 1971 and the annual proclamations; St Andrew's
 * Day Bank Holiday (Scotland) Act 2007.
 */
import type { StandingRule } from './calendar-codec.js';

const MONDAY = 1;

const newYearsDay: StandingRule = {
  kind: 'fixedDate',
  name: "New Year's Day",
  month: 1,
  day: 1,
  substitute: true,
};
const goodFriday: StandingRule = { kind: 'easterOffset', name: 'Good Friday', offsetDays: -2 };
const easterMonday: StandingRule = { kind: 'easterOffset', name: 'Easter Monday', offsetDays: 1 };
const earlyMay: StandingRule = {
  kind: 'nthWeekdayOfMonth',
  name: 'Early May bank holiday',
  month: 5,
  weekday: MONDAY,
  nth: 1,
};
const spring: StandingRule = {
  kind: 'nthWeekdayOfMonth',
  name: 'Spring bank holiday',
  month: 5,
  weekday: MONDAY,
  nth: -1,
};
const lastMondayOfAugust: StandingRule = {
  kind: 'nthWeekdayOfMonth',
  name: 'Summer bank holiday',
  month: 8,
  weekday: MONDAY,
  nth: -1,
};
const christmasDay: StandingRule = {
  kind: 'fixedDate',
  name: 'Christmas Day',
  month: 12,
  day: 25,
  substitute: true,
};
const boxingDay: StandingRule = {
  kind: 'fixedDate',
  name: 'Boxing Day',
  month: 12,
  day: 26,
  substitute: true,
};

export const englandAndWalesRules: readonly StandingRule[] = [
  newYearsDay,
  goodFriday,
  easterMonday,
  earlyMay,
  spring,
  lastMondayOfAugust,
  christmasDay,
  boxingDay,
];

export const scotlandRules: readonly StandingRule[] = [
  newYearsDay,
  { kind: 'fixedDate', name: '2nd January', month: 1, day: 2, substitute: true },
  goodFriday,
  earlyMay,
  spring,
  { kind: 'nthWeekdayOfMonth', name: 'Summer bank holiday', month: 8, weekday: MONDAY, nth: 1 },
  {
    kind: 'fixedDate',
    name: "St Andrew's Day",
    month: 11,
    day: 30,
    substitute: true,
    fromYear: 2007,
  },
  christmasDay,
  boxingDay,
];

export const northernIrelandRules: readonly StandingRule[] = [
  newYearsDay,
  { kind: 'fixedDate', name: "St Patrick's Day", month: 3, day: 17, substitute: true },
  goodFriday,
  easterMonday,
  earlyMay,
  spring,
  {
    kind: 'fixedDate',
    name: "Battle of the Boyne (Orangemen's Day)",
    month: 7,
    day: 12,
    substitute: true,
  },
  lastMondayOfAugust,
  christmasDay,
  boxingDay,
];
