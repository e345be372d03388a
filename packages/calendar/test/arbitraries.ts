/** fast-check arbitraries for the calendar tests: dates and instants in 1995-2035. */
import { fc } from '@fast-check/vitest';

const FIRST_MS = Date.UTC(1995, 0, 1);
const LAST_MS = Date.UTC(2035, 11, 31, 23, 59, 59, 999);
const DAYS = Math.floor((LAST_MS - FIRST_MS) / 86_400_000);

/** `YYYY-MM-DD` from a day offset after 1 January 1995. */
export function isoDateAt(offset: number): string {
  return new Date(FIRST_MS + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A date `YYYY-MM-DD` between 1 January 1995 and 31 December 2035. */
export const isoDate = fc.integer({ min: 0, max: DAYS }).map(isoDateAt);

/** Two dates a ≤ b between 1995 and 2035. */
export const orderedIsoDates = fc
  .tuple(fc.integer({ min: 0, max: DAYS }), fc.integer({ min: 0, max: DAYS }))
  .map(([x, y]) => [isoDateAt(Math.min(x, y)), isoDateAt(Math.max(x, y))] as const);

/** An instant (epoch ms) between 1995 and 2035. */
export const instantMs = fc.integer({ min: FIRST_MS, max: LAST_MS });

/** A UTC ISO instant between 1995 and 2035. */
export const isoInstant = instantMs.map((ms) => new Date(ms).toISOString());

/** "Small n" as the brief has it: 1..20 working days. */
export const smallN = fc.integer({ min: 1, max: 20 });

/** Every day `YYYY-MM-DD` from `from` to `to` inclusive. */
export function* daysFrom(from: string, to: string): Generator<string> {
  for (
    let ms = Date.parse(`${from}T00:00:00Z`);
    ms <= Date.parse(`${to}T00:00:00Z`);
    ms += 86_400_000
  ) {
    yield new Date(ms).toISOString().slice(0, 10);
  }
}
