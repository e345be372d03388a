/**
 * T-5 properties of the bank-holiday tables, for every region.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  bankHolidays,
  englandAndWales,
  isBankHoliday,
  isWorkingDay,
  northernIreland,
  scotland,
} from '../src/index.js';

const regions = [englandAndWales, scotland, northernIreland] as const;

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday, 6 = Saturday
}

describe('T-5: properties', () => {
  it('T-5: no bank holiday is ever on a weekend (every region, every year 1995-2035)', () => {
    const onWeekends: string[] = [];
    for (const calendar of regions) {
      for (let year = 1995; year <= 2035; year++) {
        for (const h of bankHolidays(calendar, year)) {
          if (weekday(h.date) === 0 || weekday(h.date) === 6) {
            onWeekends.push(`${calendar.id} ${h.date}`);
          }
        }
      }
    }
    expect(onWeekends).toEqual([]);
  });

  test.prop([fc.constantFrom(...regions), fc.integer({ min: 1995, max: 2035 })])(
    'T-5: no bank holiday is on a weekend (property form)',
    (calendar, year) => {
      for (const h of bankHolidays(calendar, year)) expect([0, 6]).not.toContain(weekday(h.date));
    },
  );

  test.prop([fc.constantFrom(...regions), fc.integer({ min: 1995, max: 2035 })])(
    'T-5: each year lists distinct dates in order, all in that year, none a working day',
    (calendar, year) => {
      const list = bankHolidays(calendar, year);
      const dates = list.map((h) => h.date);
      expect([...dates].sort()).toEqual(dates);
      expect(new Set(dates).size).toBe(dates.length);
      for (const h of list) {
        expect(h.date.startsWith(`${year}-`)).toBe(true);
        expect(isBankHoliday(calendar, h.date)).toBe(true);
        expect(isWorkingDay(calendar, h.date)).toBe(false);
      }
    },
  );

  test.prop([fc.constantFrom(...regions), fc.integer({ min: 1995, max: 2035 })])(
    'T-5: eight (E&W), nine (Scotland from 2007) or ten (NI) standing days plus the one-offs',
    (calendar, year) => {
      const oneOffs: Record<number, number> = {
        1999: 1,
        2002: 1,
        2011: 1,
        2012: 1,
        2022: 2,
        2023: 1,
      };
      const standing =
        calendar === englandAndWales ? 8 : calendar === scotland ? (year >= 2007 ? 9 : 8) : 10;
      expect(bankHolidays(calendar, year)).toHaveLength(standing + (oneOffs[year] ?? 0));
    },
  );
});
