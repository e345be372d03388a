/**
 * Plain dates, ages and instant order: the one set of date helpers every package uses.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonthsToDate,
  calendarDaysUntil,
  ageOn,
  compareInstants,
  dateParts,
  datesBetween,
  daysBetween,
  instantMs,
  isAfter,
  isBefore,
  isDateWithin,
  isoWeekday,
  isWeekend,
  weekStart,
} from '../src/index.js';

describe('plain-date arithmetic', () => {
  it('adds and counts calendar days across months, years and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(daysBetween('2026-12-24', '2027-01-05')).toBe(12);
    expect(daysBetween('2027-01-05', '2026-12-24')).toBe(-12);
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual([
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
    ]);
    expect(datesBetween('2027-01-02', '2026-12-30')).toEqual([]);
  });

  it('NAT-2: adds calendar months, clamped to the end of the month', () => {
    expect(addMonthsToDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonthsToDate('2028-02-29', -12)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-05-15', 24)).toBe('2028-05-15');
  });

  it('weekdays, weekends, the Monday of the week, inclusive ranges and parts', () => {
    expect(isoWeekday('2026-12-24')).toBe(4);
    expect(isWeekend('2026-12-26')).toBe(true);
    expect(isWeekend('2026-12-28')).toBe(false);
    expect(weekStart('2026-12-27')).toBe('2026-12-21');
    expect(weekStart('2026-12-21')).toBe('2026-12-21');
    expect(isDateWithin('2026-12-24', '2026-12-24', '2026-12-31')).toBe(true);
    expect(isDateWithin('2027-01-01', '2026-12-24', '2026-12-31')).toBe(false);
    expect(dateParts('2026-12-24')).toEqual({ year: 2026, month: 12, day: 24 });
  });

  it('refuses dates that do not exist, naming the function and argument', () => {
    expect(() => addDays('2026-02-30', 1)).toThrow(/addDays: date/);
    expect(() => daysBetween('2026-01-01', '2026-13-01')).toThrow(/daysBetween: to/);
    expect(() => addDays('2026-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('ageOn: whole years on a date, or on an instant’s London day', () => {
  it('counts a birthday as reached on its month and day', () => {
    expect(ageOn('2012-06-15', '2026-06-14')).toBe(13);
    expect(ageOn('2012-06-15', '2026-06-15')).toBe(14);
    expect(ageOn('2026-06-15', '2026-06-15')).toBe(0);
    expect(ageOn('2026-06-16', '2026-06-15')).toBe(-1);
  });

  it('reaches a 29 February birthday on 1 March in common years', () => {
    expect(ageOn('2012-02-29', '2027-02-28')).toBe(14);
    expect(ageOn('2012-02-29', '2027-03-01')).toBe(15);
    expect(ageOn('2012-02-29', '2028-02-29')).toBe(16);
  });

  it('T-1: an instant stands for its London local day', () => {
    // 23:30 UTC on 14 June is 00:30 on 15 June in London (BST).
    expect(ageOn('2012-06-15', '2026-06-14T23:30:00Z')).toBe(14);
    expect(ageOn('2012-06-15', '2026-06-14T22:30:00Z')).toBe(13);
  });
});

describe('T-1: instants are ordered by the moment they name, not by their text', () => {
  it('compares across offsets', () => {
    expect(isBefore('2026-06-01T10:30:00+01:00', '2026-06-01T10:00:00Z')).toBe(true);
    expect(isAfter('2026-06-01T10:00:00Z', '2026-06-01T10:30:00+01:00')).toBe(true);
    expect(compareInstants('2026-06-01T10:00:00+01:00', '2026-06-01T09:00Z')).toBe(0);
    expect(
      ['2026-06-01T10:00:00Z', '2026-06-01T10:30:00+01:00', '2026-06-01T09:45Z'].sort(
        compareInstants,
      ),
    ).toEqual(['2026-06-01T10:30:00+01:00', '2026-06-01T09:45Z', '2026-06-01T10:00:00Z']);
    expect(instantMs('1970-01-01T00:00:01Z')).toBe(1000);
  });

  it('refuses what is not an exact instant', () => {
    expect(() => instantMs('2026-02-30T09:00:00Z')).toThrow(/instantMs: instant/);
    expect(() => isBefore('2026-06-01', '2026-06-02T00:00Z')).toThrow(TypeError);
  });
});

describe('calendarDaysUntil: the amount of a calendar-days deadline due at the end of a date', () => {
  it('counts from the London date of the instant, so a late evening in summer is the next day', () => {
    expect(calendarDaysUntil('2026-06-01T09:00:00Z', '2026-06-08')).toBe(7);
    // 23:30 UTC on 1 June is 00:30 on 2 June in London (BST)
    expect(calendarDaysUntil('2026-06-01T23:30:00Z', '2026-06-08')).toBe(6);
  });

  it('is none when the date is the same day or already past', () => {
    expect(calendarDaysUntil('2026-06-01T09:00:00Z', '2026-06-01')).toBe(0);
    expect(calendarDaysUntil('2026-06-01T09:00:00Z', '2026-05-20')).toBe(0);
  });
});
