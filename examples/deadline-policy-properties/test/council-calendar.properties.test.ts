import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWorkingDaysToDate,
  closureDays,
  describeDay,
  englandAndWales,
  isWorkingDay,
  nonWorkingWeekdays,
  workingDaysBetween,
} from '@aimline/calendar';
import { CLOSURE_YEARS, councilCalendar } from '../src/council-policy.js';
import { anyDate, dayNumber, isoOfDay } from './arbitraries.js';

const council = councilCalendar;
const amount = fc.integer({ min: 1, max: 60 });

describe("the council's calendar (englandAndWales + its Christmas closure)", () => {
  it('T-2: the nth working day after any date is a working day of the council calendar', () => {
    fc.assert(
      fc.property(anyDate, amount, (start, n) => {
        const due = addWorkingDaysToDate(council, start, n);
        expect(isWorkingDay(council, due)).toBe(true);
        expect(describeDay(council, due).kind).toBe('workingDay');
      }),
      { numRuns: 1000 },
    );
  });

  it("T-2: the council's nth working day is never earlier than England and Wales'", () => {
    fc.assert(
      fc.property(anyDate, amount, (start, n) => {
        expect(
          addWorkingDaysToDate(council, start, n) >=
            addWorkingDaysToDate(englandAndWales, start, n),
        ).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('T-5: a closure day is never counted as a working day', () => {
    fc.assert(
      fc.property(anyDate, amount, (start, n) => {
        const due = addWorkingDaysToDate(council, start, n);
        // exactly n working days are counted in (start, due], none of them a closure day
        expect(workingDaysBetween(council, start, due)).toBe(n);
        const closures = nonWorkingWeekdays(council, isoOfDay(dayNumber(start) + 1), due).filter(
          (d) => d.kind === 'closureDay',
        );
        expect(workingDaysBetween(englandAndWales, start, due)).toBe(n + closures.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('T-5: every listed closure day is a weekday England and Wales works, and the council does not', () => {
    fc.assert(
      fc.property(fc.integer({ min: CLOSURE_YEARS.from, max: CLOSURE_YEARS.to }), (year) => {
        const days = closureDays(council, year);
        expect(days.length).toBeGreaterThan(0);
        for (const d of days) {
          expect(d.date >= `${year}-12-27` && d.date <= `${year}-12-31`).toBe(true);
          expect(isWorkingDay(englandAndWales, d.date)).toBe(true);
          expect(isWorkingDay(council, d.date)).toBe(false);
          expect(describeDay(council, d.date)).toMatchObject({
            kind: 'closureDay',
            isWorkingDay: false,
          });
        }
      }),
    );
  });
});
