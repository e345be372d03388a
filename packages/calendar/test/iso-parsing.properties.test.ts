/**
 * T-1 properties (fast-check) of the one instant parser and the one date parser: each accepts
 * exactly the strings that luxon reads and writes back as the very same string (at the
 * precision and with the offset they were written with), within the year range, and each
 * reads the same moment or day as luxon does.
 */
import { fc, test } from '@fast-check/vitest';
import { DateTime } from 'luxon';
import { describe, expect } from 'vitest';
import { parseInstant, parseIsoDate, SUPPORTED_YEARS, type YearRange } from '../src/index.js';

const params = { numRuns: 3000 };
const FORMATS = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.SSS"];

/** The oracle: luxon reads `s`, and one of the ways of writing that moment back is `s` itself. */
function luxonWritesBackInstant(s: string, years: YearRange = SUPPORTED_YEARS): boolean {
  const dt = DateTime.fromISO(s, { setZone: true });
  if (!dt.isValid || dt.year < years.min || dt.year > years.max) return false;
  if (Math.abs(dt.offset) > 18 * 60) return false;
  const offsets = [dt.toFormat('ZZ'), ...(dt.offset === 0 ? ['Z'] : [])];
  return FORMATS.some((f) => offsets.some((o) => dt.toFormat(f) + o === s));
}

function luxonWritesBackDate(s: string, years: YearRange = SUPPORTED_YEARS): boolean {
  const dt = DateTime.fromISO(s, { zone: 'utc' });
  return (
    dt.isValid && dt.year >= years.min && dt.year <= years.max && dt.toFormat('yyyy-MM-dd') === s
  );
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Near-miss dates: every field a little out of range, some days that do not exist. */
const dateText = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
  )
  .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);

/** Near-miss instants: out-of-range fields, 24:00, second 60, odd fractions and offsets. */
const instantText = fc
  .tuple(
    dateText,
    fc.constantFrom('T', 't', ' '),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 60 }),
    fc.option(fc.integer({ min: 0, max: 61 })),
    fc.option(fc.constantFrom('.5', '.12', '.123', '.000', '.1234', '.123456', '.999999999')),
    fc.constantFrom(
      'Z',
      'z',
      '',
      '+00:00',
      '-00:00',
      '+01:00',
      '-05:30',
      '+0100',
      '+01',
      '+14:00',
      '-18:00',
      '+18:01',
      '+23:59',
      '+01:60',
    ),
  )
  .map(([date, sep, h, min, sec, frac, offset]) => {
    const seconds = sec === null ? '' : `:${pad(sec, 2)}${frac ?? ''}`;
    return `${date}${sep}${pad(h, 2)}:${pad(min, 2)}${seconds}${offset}`;
  });

/** Instants that certainly exist, written the way the system writes them (UTC, milliseconds). */
const realInstant = fc
  .integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) })
  .map((ms) => new Date(ms).toISOString());

describe('T-1: the instant parser accepts exactly what luxon writes back unchanged', () => {
  test.prop([fc.oneof(instantText, realInstant, fc.string())], params)(
    'accepted if and only if the luxon round trip is exact',
    (s) => {
      expect(parseInstant(s) !== undefined).toBe(luxonWritesBackInstant(s));
    },
  );

  test.prop([fc.oneof(instantText, realInstant)], params)(
    'an accepted instant names the same moment as luxon reads',
    (s) => {
      const ms = parseInstant(s);
      if (ms !== undefined) expect(ms).toBe(DateTime.fromISO(s, { setZone: true }).toMillis());
    },
  );

  test.prop([instantText, fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 200 })])(
    'a year range narrows what is accepted and nothing else',
    (s, min, span) => {
      const years = { min, max: Math.min(9999, min + span) };
      expect(parseInstant(s, years) !== undefined).toBe(luxonWritesBackInstant(s, years));
    },
  );
});

describe('T-1: the date parser accepts exactly the dates luxon writes back unchanged', () => {
  test.prop([fc.oneof(dateText, fc.string({ maxLength: 12 }))], params)(
    'accepted if and only if the luxon round trip is exact',
    (s) => {
      expect(parseIsoDate(s) !== undefined).toBe(luxonWritesBackDate(s));
    },
  );
});
