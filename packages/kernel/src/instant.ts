import * as t from 'io-ts';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export interface IsoInstantBrand {
  readonly IsoInstant: unique symbol;
}

/**
 * An instant as ISO-8601 with an explicit offset (T-1): `2026-12-24T09:30:00Z`,
 * `2026-06-01T10:00:00+01:00`. Instants without an offset are ambiguous and rejected.
 */
export const IsoInstant = t.brand(
  t.string,
  (s): s is t.Branded<string, IsoInstantBrand> =>
    ISO_INSTANT.test(s) && !Number.isNaN(Date.parse(s)),
  'IsoInstant',
);
export type IsoInstant = t.TypeOf<typeof IsoInstant>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface IsoDateBrand {
  readonly IsoDate: unique symbol;
}

/** A calendar date `YYYY-MM-DD` (a date of birth, a session date). */
export const IsoDate = t.brand(
  t.string,
  (s): s is t.Branded<string, IsoDateBrand> => {
    if (!ISO_DATE.test(s)) return false;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  },
  'IsoDate',
);
export type IsoDate = t.TypeOf<typeof IsoDate>;

/** Milliseconds since the epoch of an ISO instant. */
export const toEpochMillis = (instant: string): number => Date.parse(instant);
