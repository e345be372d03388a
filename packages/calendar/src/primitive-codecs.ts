/** io-ts codecs for the package's primitive values: dates, instants, bounded integers, text. */
import * as t from 'io-ts';
import { isIsoDate } from './epoch-day.js';
import type { IsoDate } from './epoch-day.js';
import { isIsoInstant } from './instant.js';
import type { IsoInstant } from './instant.js';

/** `YYYY-MM-DD` that is a real Gregorian date (years 1000-9999), read by `parseIsoDate`. */
export const IsoDateCodec = new t.Type<IsoDate, IsoDate, unknown>(
  'IsoDate',
  isIsoDate,
  (u, c) =>
    isIsoDate(u)
      ? t.success(u)
      : t.failure(u, c, 'expected a real date as YYYY-MM-DD (years 1000-9999)'),
  t.identity,
);

/**
 * An exact ISO-8601 instant with an offset (`Z` or `±HH:MM`), e.g. `2027-01-05T23:59:59.999Z`,
 * read by `parseInstant`: days that do not exist, `24:00` and sub-millisecond digits are refused.
 */
export const IsoInstantCodec = new t.Type<IsoInstant, IsoInstant, unknown>(
  'IsoInstant',
  isIsoInstant,
  (u, c) =>
    isIsoInstant(u)
      ? t.success(u)
      : t.failure(
          u,
          c,
          'expected an ISO-8601 instant that exists, with an offset, e.g. 2026-12-24T10:00:00Z',
        ),
  t.identity,
);

export function integerBetween(
  name: string,
  min: number,
  max: number,
): t.Type<number, number, unknown> {
  const is = (u: unknown): u is number =>
    typeof u === 'number' && Number.isInteger(u) && u >= min && u <= max;
  return new t.Type<number, number, unknown>(
    name,
    is,
    (u, c) => (is(u) ? t.success(u) : t.failure(u, c, `expected an integer ${min}-${max}`)),
    t.identity,
  );
}

/** Text with a character that is not white space: the one such codec of the system (the kernel re-exports it). */
export const NonEmptyString = t.refinement(t.string, (s) => s.trim().length > 0, 'NonEmptyString');

/** A non-negative finite number. */
export const NonNegativeNumber = new t.Type<number, number, unknown>(
  'NonNegativeNumber',
  (u): u is number => typeof u === 'number' && Number.isFinite(u) && u >= 0,
  (u, c) =>
    typeof u === 'number' && Number.isFinite(u) && u >= 0
      ? t.success(u)
      : t.failure(u, c, 'expected a non-negative number'),
  t.identity,
);
