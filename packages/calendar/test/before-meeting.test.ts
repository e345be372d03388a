/**
 * T-4: "N days before" and "N hours before" a meeting; NAT-2: calendar months.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysBeforeMeeting,
  englandAndWales,
  extendCalendar,
  hoursBeforeMeeting,
  isWorkingDay,
  localDate,
  scotland,
} from '../src/index.js';
import { daysFrom, isoDate } from './arbitraries.js';

describe('T-4: days before a meeting', () => {
  it('T-4 (HSB-18): 4 days before Wed 8 Jan 2025 is Sat 4 Jan, so Fri 3 Jan', () => {
    expect(daysBeforeMeeting(englandAndWales, '2025-01-08T10:00:00Z', 4).toISO()).toBe(
      '2025-01-03T23:59:59.999+00:00',
    );
  });

  it('T-4 (MTG-5): 2 days before a Thursday meeting is the Tuesday', () => {
    expect(localDate(daysBeforeMeeting(englandAndWales, '2026-06-11T13:00:00+01:00', 2))).toBe(
      '2026-06-09',
    );
  });

  it('T-4: moves back over bank holidays too (2 days before Tue 29 Dec 2026 is Thu 24 Dec)', () => {
    // 27 Dec is a Sunday, 26 a Saturday and 25 Christmas Day.
    expect(localDate(daysBeforeMeeting(englandAndWales, '2026-12-29T10:00:00Z', 2))).toBe(
      '2026-12-24',
    );
  });

  it('T-4: moves back over closure days', () => {
    const council = extendCalendar(englandAndWales, {
      closureDays: [{ date: '2026-06-09', name: 'Office move' }],
    });
    expect(localDate(daysBeforeMeeting(council, '2026-06-11T13:00:00+01:00', 2))).toBe(
      '2026-06-08',
    );
  });

  it('T-4: the meeting day counts in London time', () => {
    // 23:30Z on 1 Jul is 00:30 BST on Thu 2 Jul 2026; 2 days before is Tue 30 Jun.
    expect(localDate(daysBeforeMeeting(englandAndWales, '2026-07-01T23:30:00Z', 2))).toBe(
      '2026-06-30',
    );
  });

  it('T-4: rejects a negative n', () => {
    expect(() => daysBeforeMeeting(englandAndWales, '2026-07-01', -1)).toThrow(
      /daysBeforeMeeting: n/,
    );
  });

  test.prop(
    [fc.constantFrom(englandAndWales, scotland), isoDate, fc.integer({ min: 0, max: 30 })],
    { numRuns: 300 },
  )(
    'T-4: the due day is the latest working day on or before the meeting day minus N',
    (calendar, meeting, n) => {
      const due = localDate(daysBeforeMeeting(calendar, meeting, n));
      const nominal = new Date(Date.parse(`${meeting}T00:00:00Z`) - n * 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(due <= nominal).toBe(true);
      expect(isWorkingDay(calendar, due)).toBe(true);
      for (const day of daysFrom(due, nominal)) {
        if (day !== due) expect(isWorkingDay(calendar, day)).toBe(false);
      }
    },
  );
});

describe('T-4: hours before a meeting', () => {
  it('T-4 (HSB-19): 24 hours before is 24 elapsed hours, also across a clock change', () => {
    expect(hoursBeforeMeeting('2024-10-28T10:00:00Z', 24).toISO()).toBe(
      '2024-10-27T10:00:00.000+00:00',
    );
    // Mon 28 Oct 10:00 GMT minus 48 hours is Sat 26 Oct 11:00 BST.
    expect(hoursBeforeMeeting('2024-10-28T10:00:00Z', 48).toISO()).toBe(
      '2024-10-26T11:00:00.000+01:00',
    );
  });

  it('T-4: rejects negative hours', () => {
    expect(() => hoursBeforeMeeting('2024-10-28T10:00:00Z', -1)).toThrow(RangeError);
  });
});

describe('NAT-2: calendar months clamped to month end', () => {
  it('NAT-2: 31 Jan + 1 month is the end of February (leap and common years)', () => {
    expect(localDate(addMonths('2027-01-31', 1))).toBe('2027-02-28');
    expect(localDate(addMonths('2028-01-31', 1))).toBe('2028-02-29');
  });

  it('NAT-2: 3 months and 6 months from 31 Aug', () => {
    expect(localDate(addMonths('2026-08-31', 3))).toBe('2026-11-30');
    expect(localDate(addMonths('2026-08-31', 6))).toBe('2027-02-28');
  });

  it('NAT-2: due at the end of the local day', () => {
    expect(addMonths('2026-03-15T09:00:00Z', 3).toISO()).toBe('2026-06-15T23:59:59.999+01:00');
  });

  test.prop([isoDate, fc.integer({ min: 0, max: 120 })], { numRuns: 500 })(
    'NAT-2: the day of month is kept, or clamped to the last day of a shorter month',
    (start, n) => {
      const [y, m, d] = start.split('-').map(Number) as [number, number, number];
      const result = localDate(addMonths(start, n));
      const index = y * 12 + (m - 1) + n;
      const ty = Math.floor(index / 12);
      const tm = (index % 12) + 1;
      const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
      const expected = `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
      expect(result).toBe(expected);
    },
  );
});
