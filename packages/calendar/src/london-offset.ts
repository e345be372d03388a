/**
 * The UTC offset of Europe/London at an instant (T-1), memoised per UTC year.
 *
 * The source of truth is luxon's IANA zone (the platform's tz database); this module only
 * caches its answers. For each year it finds the clock changes by probing once a week and
 * bisecting to the second, so it assumes two changes are never less than a week apart (true
 * for every change London has ever had).
 */
import { IANAZone } from 'luxon';
import { MAX_YEAR, MIN_YEAR, MS_PER_DAY, yearOfEpochDay } from './epoch-day.js';

export const LONDON_ZONE_NAME = 'Europe/London';

const iana = IANAZone.create(LONDON_ZONE_NAME);

interface YearOffsets {
  /** Start instants (epoch ms) of each constant-offset segment; the first is 1 January 00:00Z. */
  readonly starts: readonly number[];
  /** Offset in minutes of each segment. */
  readonly offsets: readonly number[];
}

const byYear = new Array<YearOffsets | undefined>(MAX_YEAR - MIN_YEAR + 2).fill(undefined);
const WEEK_MS = 7 * MS_PER_DAY;

function computeYear(year: number): YearOffsets {
  const from = Date.UTC(year, 0, 1);
  const to = Date.UTC(year + 1, 0, 1);
  const starts = [from];
  let current = iana.offset(from);
  const offsets = [current];
  let probe = from;
  while (probe < to) {
    const next = Math.min(probe + WEEK_MS, to);
    const o = iana.offset(next);
    if (o !== current) {
      let lo = probe / 1000;
      let hi = next / 1000;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (iana.offset(mid * 1000) === current) lo = mid;
        else hi = mid;
      }
      if (hi * 1000 < to) {
        starts.push(hi * 1000);
        offsets.push(o);
      }
      current = o;
    }
    probe = next;
  }
  return { starts, offsets };
}

/** The last segment looked up: [lastFrom, lastTo) has offset lastOffset. */
let lastFrom = 0;
let lastTo = 0;
let lastOffset = 0;

/** Europe/London's offset from UTC in minutes at epoch milliseconds `ms` (0 or 60 today). */
export function londonOffsetMinutes(ms: number): number {
  if (ms >= lastFrom && ms < lastTo) return lastOffset;
  const year = yearOfEpochDay(Math.floor(ms / MS_PER_DAY));
  const index = year - MIN_YEAR;
  if (index < 0 || year > MAX_YEAR + 1) return iana.offset(ms);
  let table = byYear[index];
  if (table === undefined) {
    table = computeYear(year);
    byYear[index] = table;
  }
  const { starts, offsets } = table;
  let i = starts.length - 1;
  while (i > 0 && (starts[i] as number) > ms) i--;
  lastFrom = starts[i] as number;
  lastTo = i + 1 < starts.length ? (starts[i + 1] as number) : Date.UTC(year + 1, 0, 1);
  lastOffset = offsets[i] as number;
  return lastOffset;
}

/**
 * Epoch milliseconds of a London wall-clock time given as "local milliseconds" (the wall
 * clock read as if it were UTC). Resolves gaps and overlaps the way luxon does: a time in the
 * spring-forward gap moves forward by the gap; an ambiguous autumn time takes the later one.
 * (Day boundaries, which is what this package needs, are never in a gap or an overlap.)
 */
export function londonLocalToInstant(localMs: number): number {
  const o1 = londonOffsetMinutes(localMs);
  const t1 = localMs - o1 * 60_000;
  const o2 = londonOffsetMinutes(t1);
  if (o1 === o2) return t1;
  const t2 = localMs - o2 * 60_000;
  const o3 = londonOffsetMinutes(t2);
  if (o2 === o3) return t2;
  return localMs - Math.min(o2, o3) * 60_000;
}

/** The London local day number (days since 1970-01-01) of an instant. */
export function londonEpochDay(ms: number): number {
  return Math.floor((ms + londonOffsetMinutes(ms) * 60_000) / MS_PER_DAY);
}

/** The instant of the last millisecond (23:59:59.999 local) of a London day. */
export function endOfLondonDayMs(epochDay: number): number {
  return londonLocalToInstant((epochDay + 1) * MS_PER_DAY - 1);
}

/** The instant of the first millisecond (00:00 local) of a London day. */
export function startOfLondonDayMs(epochDay: number): number {
  return londonLocalToInstant(epochDay * MS_PER_DAY);
}
