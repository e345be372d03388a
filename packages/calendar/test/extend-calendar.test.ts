/**
 * T-5: a council extends a calendar with data (added and removed bank holidays, closure days)
 * without a release.
 */
import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import {
  addWorkingDaysToDate,
  bankHolidays,
  CalendarCodec,
  CalendarExtensionCodec,
  closureDays,
  describeDay,
  englandAndWales,
  extendCalendar,
  extendCalendarFromData,
  isWorkingDay,
  nonWorkingWeekdays,
} from '../src/index.js';

describe('T-5: extending a calendar', () => {
  const council = extendCalendar(englandAndWales, {
    id: 'england-and-wales/example-council',
    name: 'Example Council',
    addHolidays: [{ date: '2026-06-12', name: 'Hypothetical royal event' }],
    closureDays: [
      { date: '2026-12-29', name: 'Christmas closure' },
      { date: '2026-12-30', name: 'Christmas closure' },
      { date: '2026-12-31', name: 'Christmas closure' },
    ],
  });

  it('T-5: returns a new calendar and leaves the base one alone', () => {
    expect(council).not.toBe(englandAndWales);
    expect(council.id).toBe('england-and-wales/example-council');
    expect(isWorkingDay(englandAndWales, '2026-06-12')).toBe(true);
    expect(isWorkingDay(council, '2026-06-12')).toBe(false);
    expect(bankHolidays(council, 2026)).toContainEqual({
      date: '2026-06-12',
      name: 'Hypothetical royal event',
    });
  });

  it('T-2: closure days are not working days, and are not bank holidays', () => {
    expect(addWorkingDaysToDate(englandAndWales, '2026-12-24', 1)).toBe('2026-12-29');
    expect(addWorkingDaysToDate(council, '2026-12-24', 1)).toBe('2027-01-04');
    expect(bankHolidays(council, 2026).map((h) => h.date)).not.toContain('2026-12-29');
    expect(closureDays(council, 2026).map((c) => c.date)).toEqual([
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
    ]);
    expect(describeDay(council, '2026-12-29')).toEqual({
      date: '2026-12-29',
      weekday: 2,
      kind: 'closureDay',
      isWorkingDay: false,
      name: 'Christmas closure',
    });
    expect(nonWorkingWeekdays(council, '2026-12-24', '2027-01-04')).toEqual([
      { date: '2026-12-25', kind: 'bankHoliday', name: 'Christmas Day' },
      { date: '2026-12-28', kind: 'bankHoliday', name: 'Boxing Day (substitute day)' },
      { date: '2026-12-29', kind: 'closureDay', name: 'Christmas closure' },
      { date: '2026-12-30', kind: 'closureDay', name: 'Christmas closure' },
      { date: '2026-12-31', kind: 'closureDay', name: 'Christmas closure' },
      { date: '2027-01-01', kind: 'bankHoliday', name: "New Year's Day" },
    ]);
  });

  it('T-5: removing a bank holiday (and moving one: remove, then add)', () => {
    const moved = extendCalendar(englandAndWales, {
      removeHolidays: [{ date: '2030-05-06', reason: 'Early May bank holiday moved' }],
      addHolidays: [{ date: '2030-05-10', name: 'Early May bank holiday (moved)' }],
    });
    expect(moved.id).toBe('england-and-wales+extended');
    expect(isWorkingDay(moved, '2030-05-06')).toBe(true);
    expect(isWorkingDay(moved, '2030-05-10')).toBe(false);
  });

  it('T-5: removing a one-off day added by an earlier change', () => {
    const undone = extendCalendar(englandAndWales, {
      removeHolidays: [{ date: '2023-05-08', reason: 'Example: not observed' }],
    });
    expect(isWorkingDay(undone, '2023-05-08')).toBe(true);
  });

  it('T-5: renaming a bank holiday: remove and add the same date', () => {
    const renamed = extendCalendar(englandAndWales, {
      removeHolidays: [{ date: '2026-08-31', reason: 'Renamed' }],
      addHolidays: [{ date: '2026-08-31', name: 'Late summer bank holiday' }],
    });
    expect(describeDay(renamed, '2026-08-31').name).toBe('Late summer bank holiday');
  });

  it('T-5: inconsistent extensions are RangeErrors naming the entry', () => {
    expect(() =>
      extendCalendar(englandAndWales, {
        removeHolidays: [{ date: '2026-06-10', reason: 'x' }],
      }),
    ).toThrow(/removeHolidays\[0\]\.date 2026-06-10 is not a bank holiday/);
    expect(() =>
      extendCalendar(englandAndWales, { addHolidays: [{ date: '2026-12-25', name: 'x' }] }),
    ).toThrow(/addHolidays\[0\]\.date 2026-12-25 is already a bank holiday/);
    expect(() =>
      extendCalendar(englandAndWales, {
        closureDays: [
          { date: '2026-12-29', name: 'x' },
          { date: '2026-12-29', name: 'y' },
        ],
      }),
    ).toThrow(/closureDays\[1\]\.date 2026-12-29 is listed twice/);
  });

  it('T-5: a malformed extension in code is a TypeError', () => {
    expect(() =>
      extendCalendar(englandAndWales, { addHolidays: [{ date: '2026-02-30', name: 'x' }] }),
    ).toThrow(TypeError);
  });

  it('T-5: extensions stack', () => {
    const twice = extendCalendar(council, {
      id: 'twice',
      closureDays: [{ date: '2027-01-04', name: 'Stock take' }],
    });
    expect(addWorkingDaysToDate(twice, '2026-12-24', 1)).toBe('2027-01-05');
  });
});

describe('T-5: extensions as data', () => {
  const json = `{
    "id": "england-and-wales/example-council",
    "name": "Example Council",
    "closureDays": [
      { "date": "2026-12-29", "name": "Christmas closure" },
      { "date": "2026-12-30", "name": "Christmas closure" }
    ],
    "addHolidays": [{ "date": "2026-06-12", "name": "Local holiday" }]
  }`;

  it('T-5: loads from JSON through the codec', () => {
    const result = extendCalendarFromData(englandAndWales, JSON.parse(json));
    expect(isRight(result)).toBe(true);
    if (isRight(result)) {
      expect(result.right.id).toBe('england-and-wales/example-council');
      expect(isWorkingDay(result.right, '2026-12-29')).toBe(false);
      expect(isWorkingDay(result.right, '2026-06-12')).toBe(false);
    }
  });

  it('T-5: bad data is a Left with readable messages', () => {
    const bad = extendCalendarFromData(englandAndWales, {
      closureDays: [{ date: '2026-13-01', name: 'x' }],
    });
    expect(isLeft(bad)).toBe(true);
    if (isLeft(bad))
      expect(bad.left.join('\n')).toMatch(/closureDays\.0\.date: expected a real date/);
    const inconsistent = extendCalendarFromData(englandAndWales, {
      removeHolidays: [{ date: '2026-06-10', reason: 'x' }],
    });
    expect(isLeft(inconsistent) && inconsistent.left[0]).toMatch(/not a bank holiday/);
    expect(isLeft(CalendarExtensionCodec.decode({ addHolidays: 'none' }))).toBe(true);
  });

  it('T-5: a whole calendar round-trips through JSON and CalendarCodec', () => {
    const decoded = CalendarCodec.decode(JSON.parse(JSON.stringify(englandAndWales)));
    expect(isRight(decoded)).toBe(true);
    if (isRight(decoded)) {
      // A decoded calendar is a new value with the same holidays.
      expect(bankHolidays(decoded.right, 2022)).toEqual(bankHolidays(englandAndWales, 2022));
    }
  });
});
