/**
 * A luxon `Zone` for Europe/London whose offsets come from the memoised table in
 * `london-offset.ts` (itself filled from luxon's IANA zone). It reports itself as the IANA zone
 * `Europe/London` (`type === 'iana'`, equal to `IANAZone.create('Europe/London')`), so callers
 * see an ordinary Europe/London DateTime; it only makes building one about 20 times faster,
 * which the working-day fast path needs.
 */
import { DateTime, IANAZone, Zone } from 'luxon';
import type { ZoneOffsetFormat, ZoneOffsetOptions } from 'luxon';
import { endOfLondonDayMs, LONDON_ZONE_NAME, londonOffsetMinutes } from './london-offset.js';

const iana = IANAZone.create(LONDON_ZONE_NAME);

export class LondonZone extends Zone<true> {
  override get type(): string {
    return 'iana';
  }

  override get name(): string {
    return LONDON_ZONE_NAME;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override offsetName(ts: number, options: ZoneOffsetOptions): string {
    return iana.offsetName(ts, options) ?? '';
  }

  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return iana.formatOffset(ts, format);
  }

  override offset(ts: number): number {
    return londonOffsetMinutes(ts);
  }

  override equals(other: Zone): boolean {
    return other.type === 'iana' && other.name === LONDON_ZONE_NAME;
  }

  override get isValid(): true {
    return true;
  }
}

/** The shared Europe/London zone instance. */
export const LONDON = new LondonZone();

/** A DateTime in Europe/London at epoch milliseconds `ms`. */
export function londonDateTime(ms: number): DateTime<true> {
  const dt = DateTime.fromMillis(ms, { zone: LONDON });
  if (!dt.isValid) throw new RangeError(`instant out of range: ${ms}`);
  return dt;
}

/** Whether a DateTime is already in Europe/London (so its year/month/day are London's). */
export function isInLondon(dt: DateTime): boolean {
  return dt.zone === LONDON || (dt.zone.type === 'iana' && dt.zone.name === LONDON_ZONE_NAME);
}

/** Days whose end-of-day DateTime is cached: 1990-01-01 … 2059-12-31 (about 25,500 days). */
const CACHE_FIRST_DAY = 7305;
const CACHE_LAST_DAY = 32_871;
const endOfDayCache = new Array<DateTime<true> | undefined>(
  CACHE_LAST_DAY - CACHE_FIRST_DAY + 1,
).fill(undefined);

/**
 * 23:59:59.999 Europe/London on a day, as a DateTime. Memoised per day (for 1990-2059): building
 * a luxon DateTime costs more than all the working-day arithmetic, and luxon DateTimes are
 * immutable, so one instance per day can be shared.
 */
export function endOfLondonDay(day: number): DateTime<true> {
  if (day < CACHE_FIRST_DAY || day > CACHE_LAST_DAY) {
    return londonDateTime(endOfLondonDayMs(day));
  }
  const index = day - CACHE_FIRST_DAY;
  let dt = endOfDayCache[index];
  if (dt === undefined) {
    dt = londonDateTime(endOfLondonDayMs(day));
    endOfDayCache[index] = dt;
  }
  return dt;
}
