import { toInstantMs, type DateInput } from './date-input.js';
import type { Deadline } from './deadline-codec.js';
import { statusAt } from './deadline.js';

/**
 * The deadlines that stand at `asOf`: those whose clock had started by then (trigger at or
 * before `asOf`), each with its status as of `asOf` (T-7: `asOf` is always given, never read
 * from a clock). A domain module binds this over its own deadline rules.
 */
export function deadlinesAt(all: ReadonlyArray<Deadline>, asOf: DateInput): Deadline[] {
  const asOfMs = toInstantMs(asOf, 'deadlinesAt', 'asOf');
  return all
    .filter((d) => toInstantMs(d.trigger.at, 'deadlinesAt', 'deadline.trigger.at') <= asOfMs)
    .map((d) => ({ ...d, status: statusAt(d, asOf) }));
}
