/**
 * T-1 and T-3 around the clock changes (last Sunday of March and of October; in 1995 the
 * autumn change was on 22 October, before EU harmonisation).
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addHours,
  addWeeks,
  DateTime,
  deadline,
  endOfLocalDay,
  inLondon,
  localDate,
  startOfLocalDay,
  toUtcIso,
} from '../src/index.js';
import { instantMs, isoDate } from './arbitraries.js';

describe('T-1: elapsed hours across clock changes', () => {
  it('T-1: 24 hours from 01:30 BST on the day before the autumn change is 24 hours of UTC', () => {
    // Sat 26 Oct 2024 01:30 BST = 00:30Z; clocks go back at 01:00Z on Sun 27 Oct.
    const due = addHours('2024-10-26T01:30:00+01:00', 24);
    expect(due.toUTC().toISO()).toBe('2024-10-27T00:30:00.000Z');
    // 00:30Z is still BST: the first of the two 01:30s that Sunday.
    expect(due.toISO()).toBe('2024-10-27T01:30:00.000+01:00');
  });

  it('T-1: 24 hours from noon BST before the autumn change is 11:00 GMT the next day', () => {
    const due = addHours('2024-10-26T12:00:00+01:00', 24);
    expect(due.toISO()).toBe('2024-10-27T11:00:00.000+00:00');
    expect(due.toMillis() - Date.parse('2024-10-26T11:00:00Z')).toBe(24 * 3_600_000);
  });

  it('T-1: 24 hours from noon GMT before the spring change is 13:00 BST the next day', () => {
    const due = addHours('2025-03-29T12:00:00Z', 24);
    expect(due.toISO()).toBe('2025-03-30T13:00:00.000+01:00');
  });

  it('T-1: the due instant of an hours deadline is stored in UTC', () => {
    const d = deadline({
      ruleId: 'HSB-2',
      label: 'Strategy discussion',
      trigger: { event: 'DisclosureMade', at: '2024-10-26T12:00:00+01:00' },
      unit: 'hours',
      amount: 24,
      startDescription: 'the disclosure',
    });
    expect(d.due).toBe('2024-10-27T11:00:00.000Z');
    expect(d.trigger.at).toBe('2024-10-26T11:00:00.000Z');
    expect(d.explanation).toBe(
      'Strategy discussion due by 11:00 GMT Sun 27 Oct 2024: 24 hours after the disclosure at ' +
        '12:00 BST Sat 26 Oct 2024; the clocks change in between, so the hours are elapsed time',
    );
  });

  test.prop([instantMs, fc.integer({ min: 0, max: 2000 })], { numRuns: 500 })(
    'T-1: an elapsed-hours result is exactly that many hours later in UTC',
    (start, hours) => {
      const iso = new Date(start).toISOString();
      expect(addHours(iso, hours).toMillis() - start).toBe(hours * 3_600_000);
      const d = deadline({
        ruleId: 'HSB-2',
        label: 'x',
        trigger: { event: 'E', at: iso },
        unit: 'hours',
        amount: hours,
      });
      expect(Date.parse(d.due) - start).toBe(hours * 3_600_000);
    },
  );
});

describe('T-1: instants and their Europe/London day', () => {
  it('T-1: late evening UTC in summer is the next local day', () => {
    expect(localDate('2024-06-30T23:30:00Z')).toBe('2024-07-01');
    expect(localDate('2024-12-31T23:30:00Z')).toBe('2024-12-31');
  });

  it('T-1: both 01:30s on the autumn change day are that day', () => {
    expect(localDate('2024-10-27T00:30:00Z')).toBe('2024-10-27'); // 01:30 BST
    expect(localDate('2024-10-27T01:30:00Z')).toBe('2024-10-27'); // 01:30 GMT
    expect(inLondon('2024-10-27T01:30:00Z').toISO()).toBe('2024-10-27T01:30:00.000+00:00');
  });

  it('T-1: the change days are 23 and 25 hours long', () => {
    const spring =
      endOfLocalDay('2025-03-30').toMillis() + 1 - startOfLocalDay('2025-03-30').toMillis();
    const autumn =
      endOfLocalDay('2025-10-26').toMillis() + 1 - startOfLocalDay('2025-10-26').toMillis();
    expect(spring).toBe(23 * 3_600_000);
    expect(autumn).toBe(25 * 3_600_000);
  });

  it('T-1: 1995 followed the pre-EU rule (autumn change on Sun 22 Oct)', () => {
    expect(endOfLocalDay('1995-10-21').toISO()).toBe('1995-10-21T23:59:59.999+01:00');
    expect(endOfLocalDay('1995-10-22').toISO()).toBe('1995-10-22T23:59:59.999+00:00');
  });

  it('T-1: toUtcIso stores instants as UTC', () => {
    expect(toUtcIso('2024-06-30T23:30:00+01:00')).toBe('2024-06-30T22:30:00.000Z');
    expect(toUtcIso('2024-06-30')).toBe('2024-06-29T23:00:00.000Z');
  });

  test.prop([instantMs], { numRuns: 1000 })(
    'T-1: the fast Europe/London zone agrees with luxon’s IANA zone',
    (ms) => {
      const ours = inLondon(new Date(ms).toISOString());
      const luxons = DateTime.fromMillis(ms, { zone: 'Europe/London' });
      expect(ours.offset).toBe(luxons.offset);
      expect(ours.toISO()).toBe(luxons.toISO());
      expect(localDate(new Date(ms).toISOString())).toBe(luxons.toISODate());
    },
  );
});

describe('T-3: calendar days and weeks across clock changes', () => {
  it('T-3: the end of the spring change day is 23:59:59.999 BST', () => {
    expect(addCalendarDays('2025-03-29', 1).toISO()).toBe('2025-03-30T23:59:59.999+01:00');
    expect(addCalendarDays('2025-03-29', 1).toUTC().toISO()).toBe('2025-03-30T22:59:59.999Z');
  });

  it('T-3: the end of the autumn change day is 23:59:59.999 GMT', () => {
    expect(addCalendarDays('2025-10-25T23:30:00+01:00', 1).toISO()).toBe(
      '2025-10-26T23:59:59.999+00:00',
    );
  });

  it('T-3: one week across the spring change is 7 local days, not 168 hours', () => {
    const due = addWeeks('2025-03-27T10:00:00Z', 1);
    expect(due.toISO()).toBe('2025-04-03T23:59:59.999+01:00');
  });

  test.prop([isoDate, fc.integer({ min: -400, max: 400 })], { numRuns: 500 })(
    'T-3: N calendar days is the local date N days on, at 23:59:59.999 local (as luxon)',
    (start, n) => {
      const ours = addCalendarDays(start, n);
      const luxons = DateTime.fromISO(start, { zone: 'Europe/London' })
        .plus({ days: n })
        .endOf('day');
      expect(ours.toISO()).toBe(luxons.toISO());
    },
  );

  test.prop([isoDate, fc.integer({ min: 0, max: 60 })], { numRuns: 300 })(
    'T-3: N weeks is 7N calendar days',
    (start, n) => {
      expect(addWeeks(start, n).toISO()).toBe(addCalendarDays(start, 7 * n).toISO());
    },
  );
});
