/**
 * T-2 properties (fast-check) of working-day arithmetic, for every region, 1995-2035.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  addWorkingDays,
  addWorkingDaysToDate,
  englandAndWales,
  isWorkingDay,
  localDate,
  northernIreland,
  scotland,
  subtractWorkingDaysFromDate,
  workingDaysBetween,
} from '../src/index.js';
import { daysFrom, isoDate, orderedIsoDates, smallN } from './arbitraries.js';

const calendars = fc.constantFrom(englandAndWales, scotland, northernIreland);
const params = { numRuns: 500 };

/** Working days in (from, to], counted one day at a time: an independent oracle. */
function countWorkingDaysSlowly(
  calendar: typeof englandAndWales,
  from: string,
  to: string,
): number {
  let count = 0;
  for (const day of daysFrom(from, to)) if (day !== from && isWorkingDay(calendar, day)) count++;
  return count;
}

describe('T-2: properties', () => {
  test.prop([calendars, isoDate, smallN], params)(
    'T-2: adding n ≥ 1 working days lands on a working day',
    (calendar, start, n) => {
      expect(isWorkingDay(calendar, addWorkingDaysToDate(calendar, start, n))).toBe(true);
    },
  );

  test.prop([calendars, isoDate, fc.integer({ min: 0, max: 60 })], params)(
    'T-2: exactly n working days lie in (start, result]',
    (calendar, start, n) => {
      const result = addWorkingDaysToDate(calendar, start, n);
      expect(countWorkingDaysSlowly(calendar, start, result)).toBe(n);
      // and the result is the first day that reaches n
      if (n > 0) expect(result > start).toBe(true);
    },
  );

  test.prop([calendars, orderedIsoDates, smallN], params)(
    'T-2: monotonic in the start',
    (calendar, [a, b], n) => {
      expect(addWorkingDaysToDate(calendar, a, n) <= addWorkingDaysToDate(calendar, b, n)).toBe(
        true,
      );
    },
  );

  test.prop(
    [calendars, isoDate, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 })],
    params,
  )('T-2: adding a then b equals adding a + b', (calendar, start, a, b) => {
    const stepwise = addWorkingDaysToDate(calendar, addWorkingDaysToDate(calendar, start, a), b);
    expect(stepwise).toBe(addWorkingDaysToDate(calendar, start, a + b));
  });

  test.prop([calendars, isoDate, fc.integer({ min: 0, max: 3000 })], params)(
    'T-2: workingDaysBetween inverts adding',
    (calendar, start, n) => {
      expect(workingDaysBetween(calendar, start, addWorkingDaysToDate(calendar, start, n))).toBe(n);
    },
  );

  test.prop([calendars, isoDate, isoDate], params)(
    'T-2: workingDaysBetween is antisymmetric and adds up over a midpoint',
    (calendar, a, b) => {
      expect(workingDaysBetween(calendar, a, b)).toBe(0 - workingDaysBetween(calendar, b, a));
      const mid = '2015-06-15';
      expect(workingDaysBetween(calendar, a, b)).toBe(
        workingDaysBetween(calendar, a, mid) + workingDaysBetween(calendar, mid, b),
      );
    },
  );

  test.prop([calendars, isoDate, fc.integer({ min: 0, max: 3000 })], params)(
    'T-2: subtracting undoes adding from a working day',
    (calendar, start, n) => {
      fc.pre(isWorkingDay(calendar, start));
      const there = addWorkingDaysToDate(calendar, start, n);
      expect(subtractWorkingDaysFromDate(calendar, there, n)).toBe(start);
    },
  );

  test.prop([calendars, isoDate, smallN], params)(
    'T-2: the DateTime result is the end (23:59:59.999 London) of the plain-date result',
    (calendar, start, n) => {
      const due = addWorkingDays(calendar, start, n);
      expect(due.zoneName).toBe('Europe/London');
      expect(localDate(due)).toBe(addWorkingDaysToDate(calendar, start, n));
      expect([due.hour, due.minute, due.second, due.millisecond]).toEqual([23, 59, 59, 999]);
      expect(due.plus({ milliseconds: 1 }).hour).toBe(0);
    },
  );
});
