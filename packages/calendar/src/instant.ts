/**
 * The one instant parser (T-1). An instant is `YYYY-MM-DDTHH:MM`, optionally `:SS` and then
 * `.sss` (exactly milliseconds), and an explicit offset: `Z` or `±HH:MM` (at most 18:00; never
 * `-00:00`, which RFC 3339 reserves for "offset unknown").
 *
 * The parser is exact: it accepts a string only when luxon reads it and writes it back, at the
 * same precision and with the same offset, as the very same string. Days that do not exist
 * (`2026-02-30`), `24:00`, second 60 and lost precision are refused. The property tests in
 * `test/iso-parsing.properties.test.ts` check that equivalence against luxon; the parser itself
 * does the arithmetic directly, because every stored event is read through it.
 */
import { MS_PER_DAY, parseIsoDatePrefix, SUPPORTED_YEARS, type YearRange } from './epoch-day.js';

/** An ISO-8601 instant with an offset, e.g. `2026-12-24T10:00:00.000Z`. */
export type IsoInstant = string;

const INSTANT =
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{3}))?)?(?:Z|([+-])(\d{2}):([0-5]\d))$/;

/** The largest offset accepted, in minutes (±18:00, as ISO-8601 and java.time allow). */
const MAX_OFFSET_MINUTES = 18 * 60;

/**
 * Epoch milliseconds of an exact ISO-8601 instant with offset, or `undefined` when `s` is not
 * one, or its (local) year is outside `years` (default: the supported years, 1000-9999).
 */
export function parseInstant(s: string, years: YearRange = SUPPORTED_YEARS): number | undefined {
  const m = INSTANT.exec(s);
  if (m === null) return undefined;
  const day = parseIsoDatePrefix(s, years);
  if (day === undefined) return undefined;
  let offsetMinutes = 0;
  if (m[5] !== undefined) {
    const magnitude = Number(m[6]) * 60 + Number(m[7]);
    if (magnitude > MAX_OFFSET_MINUTES || (m[5] === '-' && magnitude === 0)) return undefined;
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

export function isIsoInstant(u: unknown): u is IsoInstant {
  return typeof u === 'string' && parseInstant(u) !== undefined;
}

const MIN_MS = Date.UTC(SUPPORTED_YEARS.min, 0, 1);
const MAX_MS = Date.UTC(SUPPORTED_YEARS.max, 11, 31, 23, 59, 59, 999);

/** UTC ISO-8601 of epoch milliseconds, e.g. `2027-01-05T23:59:59.999Z`. */
export function formatInstant(ms: number): IsoInstant {
  if (!Number.isFinite(ms) || ms < MIN_MS || ms > MAX_MS) {
    throw new RangeError(
      `instant out of range (years ${SUPPORTED_YEARS.min}-${SUPPORTED_YEARS.max}): ${ms}`,
    );
  }
  return new Date(ms).toISOString();
}

/**
 * An instant parsed once, where it entered (a CLI flag, a clock, a stored timestamp): the moment
 * in epoch milliseconds and its UTC ISO-8601 text. Passed on as it is, so nothing downstream
 * parses it again; every function that takes a `DateInput` takes it.
 */
export class Instant {
  private constructor(
    /** Epoch milliseconds. */
    readonly ms: number,
    /** UTC ISO-8601, e.g. `2027-01-05T23:59:59.999Z`. */
    readonly iso: IsoInstant,
  ) {}

  /** The instant at epoch milliseconds (a RangeError outside the supported years). */
  static at(ms: number): Instant {
    return new Instant(ms, formatInstant(ms));
  }

  /** The instant an exact ISO-8601 instant names (see `parseInstant`), or `undefined`. */
  static parse(s: string): Instant | undefined {
    const ms = parseInstant(s);
    return ms === undefined ? undefined : Instant.at(ms);
  }
}
