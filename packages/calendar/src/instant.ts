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

/** The largest offset accepted, in minutes (±18:00, as ISO-8601 and java.time allow). */
const MAX_OFFSET_MINUTES = 18 * 60;

/** The two digits at `i` as a number in [0, max], or -1. */
function field(s: string, i: number, max: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  if (!(a >= 0 && a <= 9 && b >= 0 && b <= 9)) return -1;
  const v = a * 10 + b;
  return v <= max ? v : -1;
}

/**
 * Epoch milliseconds of an exact ISO-8601 instant with offset, or `undefined` when `s` is not
 * one, or its (local) year is outside `years` (default: the supported years, 1000-9999).
 *
 * Every stored event is read through it (its own times and its data's), so it reads the
 * characters directly — no regular expression, no match array. It accepts exactly
 * `^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.(\d{3}))?)?(?:Z|([+-])(\d{2}):([0-5]\d))$`
 * with a real calendar date and an offset of at most 18:00 (never -00:00): a property test
 * (`test/instant-parser.properties.test.ts`) checks it against that pattern.
 */
export function parseInstant(s: string, years: YearRange = SUPPORTED_YEARS): number | undefined {
  // Stored rows and wire data reach here typed as strings they may not be (a number, an array).
  if (typeof s !== 'string') return undefined;
  const n = s.length;
  // YYYY-MM-DDTHH:MM then Z at least; the date prefix checks its own digits and dashes.
  if (n < 17 || s.charCodeAt(10) !== 84 /* T */ || s.charCodeAt(13) !== 58 /* : */)
    return undefined;
  const hours = field(s, 11, 23);
  const minutes = field(s, 14, 59);
  if (hours < 0 || minutes < 0) return undefined;
  let i = 16;
  let ms = hours * 3_600_000 + minutes * 60_000;
  if (s.charCodeAt(i) === 58 /* : */) {
    const seconds = field(s, i + 1, 59);
    if (seconds < 0) return undefined;
    ms += seconds * 1000;
    i += 3;
    if (s.charCodeAt(i) === 46 /* . */) {
      const hundreds = s.charCodeAt(i + 1) - 48;
      const rest = field(s, i + 2, 99);
      if (!(hundreds >= 0 && hundreds <= 9) || rest < 0) return undefined;
      ms += hundreds * 100 + rest;
      i += 4;
    }
  }
  const zone = s.charCodeAt(i);
  if (zone === 90 /* Z */) {
    if (n !== i + 1) return undefined;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    if (n !== i + 6 || s.charCodeAt(i + 3) !== 58) return undefined;
    const offsetHours = field(s, i + 1, 99);
    const offsetMinutes = field(s, i + 4, 59);
    if (offsetHours < 0 || offsetMinutes < 0) return undefined;
    const magnitude = offsetHours * 60 + offsetMinutes;
    if (magnitude > MAX_OFFSET_MINUTES || (zone === 45 && magnitude === 0)) return undefined;
    ms -= (zone === 45 ? -magnitude : magnitude) * 60_000;
  } else return undefined;
  const day = parseIsoDatePrefix(s, years);
  return day === undefined ? undefined : day * MS_PER_DAY + ms;
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
