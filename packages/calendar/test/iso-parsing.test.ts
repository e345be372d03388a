/**
 * T-1: the one instant parser and the one date parser, and the io-ts codecs built on them.
 * Every instant and date that enters Aimline (commands, stored events, CLI flags, policy
 * files) is read by these two functions.
 */
import { describe, expect, it } from 'vitest';
import * as E from 'fp-ts/lib/Either.js';
import {
  IsoDateCodec,
  IsoInstantCodec,
  parseInstant,
  parseIsoDate,
  SUPPORTED_YEARS,
} from '../src/index.js';

describe('T-1: parseInstant', () => {
  it('reads an instant to the minute, second or millisecond with Z or ±HH:MM', () => {
    expect(parseInstant('2026-12-24T09:30Z')).toBe(Date.UTC(2026, 11, 24, 9, 30));
    expect(parseInstant('2026-12-24T09:30:15Z')).toBe(Date.UTC(2026, 11, 24, 9, 30, 15));
    expect(parseInstant('2026-12-24T09:30:15.250Z')).toBe(Date.UTC(2026, 11, 24, 9, 30, 15, 250));
    expect(parseInstant('2026-06-01T10:00:00+01:00')).toBe(Date.UTC(2026, 5, 1, 9));
    expect(parseInstant('2026-06-01T04:30:00-05:30')).toBe(Date.UTC(2026, 5, 1, 10));
    expect(parseInstant('2026-06-01T09:00:00+00:00')).toBe(Date.UTC(2026, 5, 1, 9));
  });

  it('refuses days that do not exist (found from outside: 30 and 31 February were stored)', () => {
    for (const s of [
      '2026-02-30T09:00:00Z',
      '2026-02-31T08:00:00Z',
      '2026-02-29T12:00:00Z',
      '2026-04-31T12:00:00Z',
      '2026-13-01T12:00:00Z',
      '2026-00-10T12:00:00Z',
    ])
      expect(parseInstant(s), s).toBeUndefined();
    expect(parseInstant('2028-02-29T12:00:00Z')).toBe(Date.UTC(2028, 1, 29, 12));
  });

  it('refuses 24:00, second 60 and minutes past 59', () => {
    for (const s of [
      '2026-12-24T24:00Z',
      '2026-12-24T24:00:00Z',
      '2026-12-24T24:00:00.000+01:00',
      '2026-12-31T23:59:60Z',
      '2026-12-24T12:60:00Z',
    ])
      expect(parseInstant(s), s).toBeUndefined();
  });

  it('requires an explicit offset, in extended form, within ±18:00, never -00:00', () => {
    for (const s of [
      '2026-12-24T09:00:00',
      '2026-12-24T09:00:00+0100',
      '2026-12-24T09:00:00+01',
      '2026-12-24T09:00:00-00:00',
      '2026-12-24T09:00:00+18:01',
      '2026-12-24T09:00:00z',
    ])
      expect(parseInstant(s), s).toBeUndefined();
    expect(parseInstant('2026-12-24T09:00:00-18:00')).toBe(Date.UTC(2026, 11, 25, 3));
  });

  it('refuses what would lose precision or is not ISO-8601 extended format', () => {
    for (const s of [
      '2026-12-24T09:00:00.5Z',
      '2026-12-24T09:00:00.123456Z',
      '2026-12-24T09:00:00,123Z',
      '2026-12-24 09:00:00Z',
      '20261224T090000Z',
      '2026-12-24',
      ' 2026-12-24T09:00:00Z',
      '2026-12-24T09:00:00Z ',
      '+002026-12-24T09:00:00Z',
    ])
      expect(parseInstant(s), s).toBeUndefined();
  });

  it('keeps years within the range given (default 1000-9999): year 0 is refused', () => {
    expect(SUPPORTED_YEARS).toEqual({ min: 1000, max: 9999 });
    expect(parseInstant('0000-01-01T00:00:00Z')).toBeUndefined();
    expect(parseInstant('0999-12-31T23:59:59Z')).toBeUndefined();
    expect(parseInstant('1900-01-01T00:00:00Z')).toBe(Date.UTC(1900, 0, 1));
    expect(parseInstant('1900-01-01T00:00:00Z', { min: 1990, max: 2100 })).toBeUndefined();
    expect(parseInstant('2101-01-01T00:00:00Z', { min: 1990, max: 2100 })).toBeUndefined();
  });
});

describe('T-1: parseIsoDate', () => {
  it('reads a date that exists as its day number since 1970-01-01', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('2028-02-29')).toBe(Date.UTC(2028, 1, 29) / 86_400_000);
  });

  it('refuses days that do not exist (found from outside: --as-of 2025-02-30 crashed)', () => {
    for (const s of [
      '2025-02-30',
      '2026-02-29',
      '2026-06-31',
      '2026-1-01',
      '2026-01-01Z',
      '0000-01-01',
    ])
      expect(parseIsoDate(s), s).toBeUndefined();
  });

  it('keeps years within the range given', () => {
    expect(parseIsoDate('1900-06-01')).toBeDefined();
    expect(parseIsoDate('1900-06-01', { min: 1990, max: 2100 })).toBeUndefined();
  });
});

describe('T-1: the codecs read with the same parsers and say what they expected', () => {
  it('IsoInstantCodec', () => {
    expect(E.isRight(IsoInstantCodec.decode('2026-12-24T09:00:00Z'))).toBe(true);
    const bad = IsoInstantCodec.decode('2026-02-30T09:00:00Z');
    expect(E.isLeft(bad) && bad.left[0]?.message).toMatch(/ISO-8601 instant that exists/);
  });

  it('IsoDateCodec', () => {
    expect(E.isRight(IsoDateCodec.decode('2026-12-24'))).toBe(true);
    const bad = IsoDateCodec.decode('2025-02-30');
    expect(E.isLeft(bad) && bad.left[0]?.message).toMatch(/real date as YYYY-MM-DD/);
  });
});
