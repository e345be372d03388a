/**
 * ISO-8601 instants (T-1): a date, a time and an explicit offset (`Z` or `±HH:MM`).
 * Parsed to epoch milliseconds without luxon (hot path), formatted as UTC ISO.
 */
import { MAX_YEAR, MIN_YEAR, MS_PER_DAY, parseIsoDatePrefix } from './epoch-day.js';

/** An ISO-8601 instant with an offset, e.g. `2026-12-24T10:00:00.000Z`. */
export type IsoInstant = string;

const INSTANT =
  /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)$/;

/** Epoch milliseconds of an ISO instant with offset, or `undefined` when it is not one. */
export function parseInstant(s: string): number | undefined {
  const m = INSTANT.exec(s);
  if (m === null) return undefined;
  const day = parseIsoDatePrefix(s);
  if (day === undefined) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = m[3] === undefined ? 0 : Number(m[3]);
  const millis = m[4] === undefined ? 0 : Math.floor(Number(`0.${m[4]}`) * 1000);
  if (hour > 24 || minute > 59 || second > 59) return undefined;
  if (hour === 24 && (minute !== 0 || second !== 0 || millis !== 0)) return undefined;
  const zone = m[5] ?? 'Z';
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    const oh = Number(digits.slice(0, 2));
    const om = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (oh > 18 || om > 59) return undefined;
    offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  return (
    day * MS_PER_DAY +
    hour * 3_600_000 +
    minute * 60_000 +
    second * 1000 +
    millis -
    offsetMinutes * 60_000
  );
}

export function isIsoInstant(u: unknown): u is IsoInstant {
  return typeof u === 'string' && parseInstant(u) !== undefined;
}

const MIN_MS = Date.UTC(MIN_YEAR, 0, 1);
const MAX_MS = Date.UTC(MAX_YEAR, 11, 31, 23, 59, 59, 999);

/** UTC ISO-8601 of epoch milliseconds, e.g. `2027-01-05T23:59:59.999Z`. */
export function formatInstant(ms: number): IsoInstant {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) {
    throw new RangeError(`instant out of range (years ${MIN_YEAR}-${MAX_YEAR}): ${ms}`);
  }
  return new Date(ms).toISOString();
}
