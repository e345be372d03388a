/**
 * T-1: the instant parser reads characters directly (every stored event goes through it). This
 * property pins it to the pattern it replaced, kept here as the specification: the same strings
 * accepted, the same moment read, for every year range. (`iso-parsing.properties.test.ts`
 * checks the accepted strings against luxon.)
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { parseInstant, parseIsoDate, SUPPORTED_YEARS, type YearRange } from '../src/index.js';

const MS_PER_DAY = 86_400_000;

const PATTERN =
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{3}))?)?(?:Z|([+-])(\d{2}):([0-5]\d))$/;

/** The parser by the pattern, as it was written before the direct one. */
function byPattern(s: string, years: YearRange = SUPPORTED_YEARS): number | undefined {
  const m = PATTERN.exec(s);
  if (m === null) return undefined;
  const day = parseIsoDate(s.slice(0, 10), years);
  if (day === undefined) return undefined;
  let offsetMinutes = 0;
  if (m[5] !== undefined) {
    const magnitude = Number(m[6]) * 60 + Number(m[7]);
    if (magnitude > 18 * 60 || (m[5] === '-' && magnitude === 0)) return undefined;
    offsetMinutes = m[5] === '-' ? -magnitude : magnitude;
  }
  return (
    day * MS_PER_DAY +
    Number(m[1]) * 3_600_000 +
    Number(m[2]) * 60_000 +
    (m[3] === undefined ? 0 : Number(m[3]) * 1000) +
    (m[4] === undefined ? 0 : Number(m[4])) -
    offsetMinutes * 60_000
  );
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const digits = (max: number, width: number) =>
  fc.integer({ min: 0, max }).map((n) => pad(n, width));

/** Every part of an instant near its limits, any part possibly replaced by a near miss. */
const part = <T extends string>(good: fc.Arbitrary<T>, ...misses: string[]) =>
  fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: fc.constantFrom(...misses), weight: 1 });
const nearInstant = fc
  .tuple(
    part(digits(9999, 4), '', '999', '99999', '-001', 'abcd'),
    part(fc.constant('-'), '', '/', '--'),
    part(digits(13, 2), '', '1', '001', '+1'),
    part(fc.constant('-'), ''),
    part(digits(32, 2), '', '1', '0x'),
    part(fc.constant('T'), 't', ' ', '', 'TT'),
    part(digits(25, 2), '', '1', '-1', '2 '),
    part(fc.constant(':'), '', '.'),
    part(digits(61, 2), '', '6', '1e'),
    fc.option(
      part(
        digits(61, 2).map((v) => `:${v}`),
        ':',
        ':5',
        ':5x',
        '::00',
      ),
    ),
    fc.option(
      part(
        digits(999, 3).map((v) => `.${v}`),
        '.',
        '.5',
        '.12',
        '.1234',
        ',123',
        '.12a',
      ),
    ),
    part(
      fc.oneof(
        fc.constant('Z'),
        fc
          .tuple(fc.constantFrom('+', '-'), digits(99, 2), digits(61, 2))
          .map(([sign, h, m]) => `${sign}${h}:${m}`),
      ),
      '',
      'z',
      '+0100',
      '+01',
      '-00:00',
      '+01:00Z',
      'Z ',
      '+1:00',
      '+01:0',
    ),
  )
  .map((ps) => ps.map((p) => p ?? '').join(''));

const realInstant = fc
  .integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) })
  .map((ms) => new Date(ms).toISOString());

const years = fc
  .tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 300 }))
  .map(([min, span]) => ({ min, max: Math.min(9999, min + span) }));

describe('T-1: the instant parser reads exactly what the pattern read', () => {
  test.prop([fc.oneof(nearInstant, realInstant, fc.string({ maxLength: 40 }))], {
    numRuns: 20_000,
  })('the same strings accepted, the same moment read', (s) => {
    expect(parseInstant(s)).toBe(byPattern(s));
  });

  test.prop([fc.oneof(nearInstant, realInstant), years], { numRuns: 5_000 })(
    'within any year range',
    (s, range) => {
      expect(parseInstant(s, range)).toBe(byPattern(s, range));
    },
  );

  test.prop([fc.anything().filter((v) => typeof v !== 'string')])(
    'a value that is not a string (junk in a stored row) reads as no instant, never throws',
    (v) => {
      expect(parseInstant(v as string)).toBeUndefined();
    },
  );
});
