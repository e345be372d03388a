import * as t from 'io-ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const isIsoInstant = (u: unknown): u is string =>
  typeof u === 'string' && ISO_INSTANT.test(u) && !Number.isNaN(Date.parse(u));

const isIsoDate = (u: unknown): u is string => {
  if (typeof u !== 'string' || !ISO_DATE.test(u)) return false;
  const d = new Date(`${u}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === u;
};

/**
 * An instant as ISO-8601 with an explicit offset (T-1): `2026-12-24T09:30:00Z`,
 * `2026-06-01T10:00:00+01:00`. Instants without an offset are ambiguous and rejected.
 * The decoded type is a plain `string`, so commands are easy to build in code; the codec is
 * what guarantees the shape at every boundary.
 */
export const IsoInstant: t.Type<string, string, unknown> = new t.Type<string, string, unknown>(
  'IsoInstant',
  isIsoInstant,
  (u, c) =>
    isIsoInstant(u)
      ? t.success(u)
      : t.failure(u, c, 'expected an ISO-8601 instant with offset, e.g. 2026-12-24T09:30:00Z'),
  t.identity,
);
export type IsoInstant = string;

/** A calendar date `YYYY-MM-DD` that exists (a date of birth, a session date). */
export const IsoDate: t.Type<string, string, unknown> = new t.Type<string, string, unknown>(
  'IsoDate',
  isIsoDate,
  (u, c) =>
    isIsoDate(u) ? t.success(u) : t.failure(u, c, 'expected a date YYYY-MM-DD that exists'),
  t.identity,
);
export type IsoDate = string;

/** Milliseconds since the epoch of an ISO instant. */
export const toEpochMillis = (instant: string): number => Date.parse(instant);
