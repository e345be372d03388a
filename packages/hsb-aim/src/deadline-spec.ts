/** One obligation before it meets the calendar: what `deadlines` builds each `Deadline` from. */
import type { DeadlineInput } from '@aimline/calendar';

export type Spec = Omit<DeadlineInput, 'calendar'> & {
  readonly metAt?: string | undefined;
  /** Waived at `at` (after the due instant the breach stands: a waiver never hides it). */
  readonly waived?: { readonly reason: string; readonly at: string };
};
