/**
 * T-2: working days (examples, edge cases and argument errors).
 */
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  addWorkingDaysToDate,
  DateTime,
  englandAndWales,
  isWorkingDay,
  nextWorkingDay,
  previousWorkingDay,
  scotland,
  subtractWorkingDays,
  subtractWorkingDaysFromDate,
  workingDaysBetween,
} from '../src/index.js';

describe('T-2: adding working days', () => {
  it('T-2: counting starts the day after the trigger; due at the end of the Nth working day', () => {
    // Thu 24 Dec 2026; 25 Dec, 28 Dec (Boxing Day substitute) and 1 Jan are bank holidays.
    const due = addWorkingDays(englandAndWales, '2026-12-24', 5);
    expect(due.toISO()).toBe('2027-01-05T23:59:59.999+00:00');
    expect(due.zoneName).toBe('Europe/London');
  });

  it('T-2: the end of the day is 23:59:59.999 local, so 22:59:59.999Z in summer', () => {
    expect(addWorkingDays(englandAndWales, '2026-07-01', 1).toUTC().toISO()).toBe(
      '2026-07-02T22:59:59.999Z',
    );
  });

  it('T-2: a trigger at the weekend counts from Monday', () => {
    expect(addWorkingDaysToDate(englandAndWales, '2026-06-13', 1)).toBe('2026-06-15');
    expect(addWorkingDaysToDate(englandAndWales, '2026-06-14', 5)).toBe('2026-06-19');
  });

  it('T-2: n = 0 is the trigger day itself', () => {
    expect(addWorkingDaysToDate(englandAndWales, '2026-06-13', 0)).toBe('2026-06-13');
    expect(addWorkingDays(englandAndWales, '2026-06-13', 0).toISO()).toBe(
      '2026-06-13T23:59:59.999+01:00',
    );
  });

  it('T-2: an instant counts from its Europe/London day, not its UTC day', () => {
    // 23:30Z on Thu 2 Jul 2026 is 00:30 BST on Fri 3 Jul.
    expect(addWorkingDaysToDate(englandAndWales, '2026-07-02T23:30:00Z', 1)).toBe('2026-07-06');
    expect(addWorkingDaysToDate(englandAndWales, '2026-07-02T22:30:00Z', 1)).toBe('2026-07-03');
  });

  it('T-2: accepts a luxon DateTime in any zone', () => {
    const inNewYork = DateTime.fromISO('2026-07-02T19:30:00', { zone: 'America/New_York' });
    expect(addWorkingDaysToDate(englandAndWales, inNewYork, 1)).toBe('2026-07-06');
  });

  it('T-2: Easter 2026 (Good Friday 3 Apr, Easter Monday 6 Apr) is skipped', () => {
    expect(addWorkingDaysToDate(englandAndWales, '2026-04-02', 1)).toBe('2026-04-07');
  });

  it('T-2: regions differ (2 January in Scotland, no Easter Monday)', () => {
    expect(addWorkingDaysToDate(englandAndWales, '2025-12-31', 1)).toBe('2026-01-02');
    expect(addWorkingDaysToDate(scotland, '2025-12-31', 1)).toBe('2026-01-05');
    expect(addWorkingDaysToDate(scotland, '2026-04-02', 1)).toBe('2026-04-06');
  });

  it('T-2: large n crosses years (NAT-3: 45 working days; two whole years)', () => {
    expect(addWorkingDaysToDate(englandAndWales, '2026-11-02', 45)).toBe('2027-01-07');
    expect(workingDaysBetween(englandAndWales, '2026-01-01', '2027-12-31')).toBe(253 + 253);
    expect(addWorkingDaysToDate(englandAndWales, '2026-01-01', 506)).toBe('2027-12-31');
  });

  it('T-2: rejects a negative or fractional n with a RangeError naming n', () => {
    expect(() => addWorkingDays(englandAndWales, '2026-01-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(englandAndWales, '2026-01-01', -1)).toThrow(/addWorkingDays: n/);
    expect(() => addWorkingDaysToDate(englandAndWales, '2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDaysToDate(englandAndWales, '2026-01-01', Number.NaN)).toThrow(
      RangeError,
    );
  });

  it('T-2: rejects a bad date with a TypeError naming the argument', () => {
    for (const bad of [
      '2026-02-30',
      '2026-13-01',
      '26-01-01',
      '2026-01-01T10:00',
      'tomorrow',
      '',
    ]) {
      expect(() => addWorkingDays(englandAndWales, bad, 1)).toThrow(TypeError);
      expect(() => addWorkingDays(englandAndWales, bad, 1)).toThrow(/addWorkingDays: start/);
    }
    expect(() => addWorkingDays(englandAndWales, DateTime.invalid('test'), 1)).toThrow(TypeError);
  });
});

describe('T-2: working-day questions', () => {
  it('T-2: weekends, bank holidays and ordinary weekdays', () => {
    expect(isWorkingDay(englandAndWales, '2026-12-24')).toBe(true);
    expect(isWorkingDay(englandAndWales, '2026-12-25')).toBe(false);
    expect(isWorkingDay(englandAndWales, '2026-12-26')).toBe(false);
    expect(isWorkingDay(englandAndWales, '2026-12-28')).toBe(false);
    expect(isWorkingDay(englandAndWales, '2026-12-29')).toBe(true);
  });

  it('T-2: next and previous working day are strictly after / before', () => {
    expect(nextWorkingDay(englandAndWales, '2026-12-24')).toBe('2026-12-29');
    expect(nextWorkingDay(englandAndWales, '2026-12-29')).toBe('2026-12-30');
    expect(previousWorkingDay(englandAndWales, '2026-12-29')).toBe('2026-12-24');
    expect(previousWorkingDay(englandAndWales, '2027-01-04')).toBe('2026-12-31');
  });

  it('T-2: workingDaysBetween counts (a, b] and is negative backwards', () => {
    expect(workingDaysBetween(englandAndWales, '2026-12-24', '2027-01-05')).toBe(5);
    expect(workingDaysBetween(englandAndWales, '2027-01-05', '2026-12-24')).toBe(-5);
    expect(workingDaysBetween(englandAndWales, '2026-12-24', '2026-12-24')).toBe(0);
    expect(workingDaysBetween(englandAndWales, '2026-12-24', '2026-12-28')).toBe(0);
  });

  // Pinned fast-check counterexample (seed 400254799): a = b = '2035-12-28' made the
  // antisymmetry property compare 0 with -0; a backwards span with no working days (Sun to Sat)
  // returned -0 from workingDaysBetween itself.
  it('T-2: workingDaysBetween never returns -0', () => {
    expect(Object.is(workingDaysBetween(englandAndWales, '2035-12-28', '2035-12-28'), 0)).toBe(
      true,
    );
    expect(Object.is(workingDaysBetween(englandAndWales, '2026-06-14', '2026-06-13'), 0)).toBe(
      true,
    );
  });

  it('PNL-4: 7 working days before a sitting', () => {
    // Sitting Mon 8 Jun 2026; 7 working days back: 5, 4, 3, 2, 1 Jun, 29, 28 May.
    expect(subtractWorkingDaysFromDate(englandAndWales, '2026-06-08', 7)).toBe('2026-05-28');
    // Over Easter 2026: Thu 9 Apr back 3: 8, 7, 2 Apr (3 and 6 Apr are bank holidays).
    expect(subtractWorkingDaysFromDate(englandAndWales, '2026-04-09', 3)).toBe('2026-04-02');
    expect(subtractWorkingDays(englandAndWales, '2026-04-09', 3).toISO()).toBe(
      '2026-04-02T23:59:59.999+01:00',
    );
  });
});
