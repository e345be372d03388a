/**
 * Date arguments (T-1): ISO dates, ISO instants with offset and luxon DateTimes; bad ones are
 * TypeErrors naming the function and argument. Also the regions (T-2).
 */
import { describe, expect, it } from 'vitest';
import {
  calendarForRegion,
  DateTime,
  defaultCalendar,
  deadline,
  englandAndWales,
  Instant,
  instantMs,
  isWorkingDay,
  localDate,
  statusAt,
  toInstant,
  regions,
} from '../src/index.js';

describe('T-1: date arguments', () => {
  it('T-1: accepts instants with Z or ±HH:MM, to the minute, second or millisecond', () => {
    expect(localDate('2026-07-02T23:30:00Z')).toBe('2026-07-03');
    expect(localDate('2026-07-02T23:30:00.123Z')).toBe('2026-07-03');
    expect(localDate('2026-07-02T20:30:00-03:00')).toBe('2026-07-03');
    expect(localDate('2026-07-02T23:30Z')).toBe('2026-07-03');
  });

  it('T-1: refuses what luxon cannot write back exactly: ±HHMM offsets, sub-millisecond digits', () => {
    // These were accepted before the one exact parser: the offset mixes basic and extended
    // ISO formats, and the fraction would have been silently cut to milliseconds.
    for (const bad of ['2026-07-03T01:30:00+0200', '2026-07-02T23:30:00.123456Z']) {
      expect(() => localDate(bad), bad).toThrow(TypeError);
    }
  });

  it('T-1: an Instant, parsed once where it entered, is taken as it is', () => {
    const at = Instant.parse('2026-07-02T20:30:00-03:00');
    expect(at).toMatchObject({ ms: Date.UTC(2026, 6, 2, 23, 30), iso: '2026-07-02T23:30:00.000Z' });
    expect(Instant.parse('2026-02-30T09:00:00Z')).toBeUndefined();
    if (at === undefined) return;
    expect(localDate(at)).toBe('2026-07-03');
    expect(instantMs(at)).toBe(at.ms);
    expect(toInstant(at)).toBe(at);
    expect(toInstant('2026-07-02T23:30:00Z')).toEqual(at);
    const d = deadline({
      ruleId: 'HSB-11',
      label: 'Allocation',
      trigger: { event: 'StrategyMeetingHeld', at: '2026-06-30T09:00:00Z' },
      unit: 'workingDays',
      amount: 1,
      calendar: englandAndWales,
    });
    expect(statusAt(d, at)).toMatchObject({ kind: 'breached' });
    expect(statusAt(d, at)).toEqual(statusAt(d, at.iso));
  });

  it('T-1: accepts DateTimes in any zone, by their London day', () => {
    expect(localDate(DateTime.fromISO('2026-07-02T23:30:00Z', { zone: 'utc' }))).toBe('2026-07-03');
    expect(localDate(DateTime.fromISO('2026-07-03T08:00:00', { zone: 'Asia/Tokyo' }))).toBe(
      '2026-07-03',
    );
  });

  it('T-1: rejects local times without an offset, impossible dates and non-strings', () => {
    for (const bad of [
      '2026-07-02T23:30:00',
      '2026-02-29',
      '2026-04-31',
      '2026-07-02T25:00:00Z',
      '2026-07-02T23:60:00Z',
      '2026-07-02 23:30:00Z',
      '20260702',
      '0999-01-01',
    ]) {
      expect(() => isWorkingDay(englandAndWales, bad), bad).toThrow(TypeError);
      expect(() => isWorkingDay(englandAndWales, bad), bad).toThrow(/isWorkingDay: date/);
    }
    expect(() => isWorkingDay(englandAndWales, 20260702 as never)).toThrow(TypeError);
    expect(() => isWorkingDay(englandAndWales, null as never)).toThrow(TypeError);
  });
});

describe('T-2: regions', () => {
  it('T-2: England and Wales is the default; regions by id; unknown region is a RangeError', () => {
    expect(defaultCalendar).toBe(englandAndWales);
    expect(regions.map((r) => calendarForRegion(r).id)).toEqual([...regions]);
    expect(() => calendarForRegion('wales')).toThrow(RangeError);
    expect(() => calendarForRegion('wales')).toThrow(/calendarForRegion: region/);
  });
});
