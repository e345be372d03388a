/**
 * An obligation as a domain states it (T-6): what starts it and how long it runs, with how it was
 * settled, if it was. `deadlineOf(spec, calendar)` is the one way a domain turns such a statement
 * into a `Deadline`, met or waived as it records.
 */
import type { Calendar } from './calendar-codec.js';
import type { Deadline } from './deadline-codec.js';
import { deadline, meet, waive, type DeadlineInput } from './deadline.js';
import { compareInstants } from './instant-order.js';

/** A deadline's input less its calendar, with when it was met and whether it was waived. */
export type DeadlineSpec = Omit<DeadlineInput, 'calendar'> & {
  readonly metAt?: string | undefined;
  /**
   * Waived at `at` (after the due instant the breach stands: a waiver never hides it). With
   * `ifUnmet`, the waiver settles only an obligation that was not met: a met one stays met,
   * whenever it was met (a case closing waives what it leaves outstanding, not what was done).
   */
  readonly waived?:
    { readonly reason: string; readonly at: string; readonly ifUnmet?: boolean } | undefined;
};

/**
 * The deadline of a spec under a calendar. Whichever came first settles it: met at `metAt`, or
 * waived when the waiver came before the meeting (or there was none) — unless the waiver is
 * `ifUnmet`, when meeting it at all settles it as met. A waiver after the due instant leaves the
 * breach standing.
 */
export function deadlineOf(spec: DeadlineSpec, calendar: Calendar): Deadline {
  const { metAt, waived, ...input } = spec;
  const d = deadline({ ...input, calendar });
  if (
    waived !== undefined &&
    (metAt === undefined || (waived.ifUnmet !== true && compareInstants(waived.at, metAt) < 0))
  )
    return waive(d, waived.reason, waived.at);
  return metAt === undefined ? d : meet(d, metAt);
}
