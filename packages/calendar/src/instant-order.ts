/**
 * Instant comparison (T-1): the one way to order ISO instants. Instants with different offsets
 * compare by the moment they name, never by their text. A string that is not an exact instant
 * is a TypeError naming the function and argument.
 */
import { parseInstant, type IsoInstant } from './instant.js';

/** Epoch milliseconds of an instant. */
export function instantMs(instant: IsoInstant): number {
  const ms = typeof instant === 'string' ? parseInstant(instant) : undefined;
  if (ms === undefined)
    throw new TypeError(
      `instantMs: instant must be an ISO-8601 instant with offset; got ${String(instant)}`,
    );
  return ms;
}

/** Negative when `a` is earlier than `b`, 0 at the same moment, positive when later (for sort). */
export function compareInstants(a: IsoInstant, b: IsoInstant): number {
  return instantMs(a) - instantMs(b);
}

/** Whether `a` is strictly earlier than `b`. */
export function isBefore(a: IsoInstant, b: IsoInstant): boolean {
  return instantMs(a) < instantMs(b);
}

/** Whether `a` is strictly later than `b`. */
export function isAfter(a: IsoInstant, b: IsoInstant): boolean {
  return instantMs(a) > instantMs(b);
}
