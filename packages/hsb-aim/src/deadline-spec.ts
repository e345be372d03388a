/** One obligation before it meets the calendar: what `deadlines` builds each `Deadline` from. */
import type { DeadlineInput } from '@aimline/calendar';

export type Spec = Omit<DeadlineInput, 'calendar'> & {
  readonly metAt?: string | undefined;
  /** Waived at `at` when that is not after the due instant (a waiver never hides a breach). */
  readonly waived?: { readonly reason: string; readonly at: string };
};
