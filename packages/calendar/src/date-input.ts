/**
 * Date arguments: a luxon DateTime, an `Instant` (parsed already), an ISO date `YYYY-MM-DD`, or
 * an ISO instant with offset.
 * An instant stands for its local day in Europe/London (T-1). Bad input throws a TypeError
 * naming the function and the argument.
 */
import { DateTime } from 'luxon';
import { requireNonNegativeInteger } from './argument-checks.js';
import { epochDayFromYmd, parseIsoDate } from './epoch-day.js';
import { Instant, parseInstant } from './instant.js';
import { londonEpochDay, startOfLondonDayMs } from './london-offset.js';
import { isInLondon } from './london-zone.js';

/**
 * Any date argument the public API accepts: a luxon DateTime, an `Instant`, or a string that is
 * an `IsoDate` (`YYYY-MM-DD`) or an `IsoInstant` (with offset).
 */
export type DateInput = DateTime | Instant | string;

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (DateTime.isDateTime(value)) return `an invalid DateTime (${value.invalidReason ?? '?'})`;
  return value === null ? 'null' : typeof value;
}

function badInput(fn: string, arg: string, value: unknown): TypeError {
  return new TypeError(
    `${fn}: ${arg} must be an ISO-8601 date (YYYY-MM-DD), an ISO-8601 instant with offset ` +
      `(e.g. 2026-12-24T10:00:00Z) or a valid luxon DateTime; got ${describe(value)}`,
  );
}

/** The London local day number of a date argument. */
export function toEpochDay(input: DateInput, fn: string, arg: string): number {
  if (input instanceof Instant) return londonEpochDay(input.ms);
  if (typeof input === 'string') {
    if (input.length === 10) {
      const day = parseIsoDate(input);
      if (day !== undefined) return day;
    } else {
      const ms = parseInstant(input);
      if (ms !== undefined) return londonEpochDay(ms);
    }
    throw badInput(fn, arg, input);
  }
  if (DateTime.isDateTime(input) && input.isValid) {
    return isInLondon(input)
      ? epochDayFromYmd(input.year, input.month, input.day)
      : londonEpochDay(input.toMillis());
  }
  throw badInput(fn, arg, input);
}

/** The instant (epoch ms) of a date argument; a plain date stands for 00:00 London time. */
export function toInstantMs(input: DateInput, fn: string, arg: string): number {
  if (input instanceof Instant) return input.ms;
  if (typeof input === 'string') {
    if (input.length === 10) {
      const day = parseIsoDate(input);
      if (day !== undefined) return startOfLondonDayMs(day);
    } else {
      const ms = parseInstant(input);
      if (ms !== undefined) return ms;
    }
    throw badInput(fn, arg, input);
  }
  if (DateTime.isDateTime(input) && input.isValid) return input.toMillis();
  throw badInput(fn, arg, input);
}

/**
 * The London day of `start` for a function that counts `n` days from it: `n` is checked first
 * (a non-negative integer), then `start` (both errors name the function and the argument).
 */
export function startDayOf(start: DateInput, n: number, fn: string, arg = 'start'): number {
  requireNonNegativeInteger(n, fn, 'n');
  return toEpochDay(start, fn, arg);
}
