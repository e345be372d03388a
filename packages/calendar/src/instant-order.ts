/**
 * Instant comparison (T-1): the one way to order ISO instants. Instants with different offsets
 * compare by the moment they name, never by their text. A string that is not an exact instant
 * is a TypeError naming the function and argument.
 */
import { Instant, parseInstant, type IsoInstant } from './instant.js';

/** An instant already parsed, or its ISO-8601 text (read by `parseInstant`). */
export type InstantInput = Instant | IsoInstant;

/** Epoch milliseconds of an instant (an `Instant` is not parsed again). */
export function instantMs(instant: InstantInput): number {
  if (instant instanceof Instant) return instant.ms;
  const ms = typeof instant === 'string' ? parseInstant(instant) : undefined;
  if (ms === undefined)
    throw new TypeError(
      `instantMs: instant must be an ISO-8601 instant with offset; got ${String(instant)}`,
    );
  return ms;
}

/** The parsed instant: an `Instant` as it is, ISO-8601 text parsed (a TypeError when it is not one). */
export function toInstant(instant: InstantInput): Instant {
  return instant instanceof Instant ? instant : Instant.at(instantMs(instant));
}

/** Negative when `a` is earlier than `b`, 0 at the same moment, positive when later (for sort). */
export function compareInstants(a: InstantInput, b: InstantInput): number {
  return instantMs(a) - instantMs(b);
}

/** Whether `a` is strictly earlier than `b`. */
export function isBefore(a: InstantInput, b: InstantInput): boolean {
  return instantMs(a) < instantMs(b);
}

/** Whether `a` is strictly later than `b`. */
export function isAfter(a: InstantInput, b: InstantInput): boolean {
  return instantMs(a) > instantMs(b);
}
