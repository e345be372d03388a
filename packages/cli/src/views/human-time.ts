/**
 * Instants as the people who read the CLI's tables and reports read them: London local time
 * ("14:30 GMT Tue 5 Mar 2024", "end of Fri 21 Mar 2025") and elapsed time in words ("2 days 3
 * hours"), with the calendar's display helpers. `--json` keeps the ISO-8601 instants.
 */
import { humanDuration, instantMs, londonDay, londonTime, type Deadline } from '@aimline/calendar';

export { londonDay, londonTime };

/** The London day it was recorded when that is not the day it happened (a late record), else ''. */
export const recordedIfLater = (occurredAt: string, recordedAt: string): string => {
  const recorded = londonDay(recordedAt);
  return recorded === londonDay(occurredAt) ? '' : recorded;
};

/** How late, from hours (the deadline tracker's `hoursLate`): "1 day 6 hours". */
export const lateBy = (hoursLate: number | undefined): string =>
  hoursLate === undefined ? '' : humanDuration(hoursLate * 3_600_000);

/**
 * A deadline's status in words at `asOf`: "open", "overdue 2 days 3 hours", "met",
 * "met 1 day late", "waived", "waived 2 days late" (the breach stands).
 */
export const statusInWords = (d: Pick<Deadline, 'due' | 'status'>, asOf: string): string => {
  const s = d.status;
  switch (s.kind) {
    case 'open':
      return instantMs(asOf) > instantMs(d.due)
        ? `overdue ${humanDuration(instantMs(asOf) - instantMs(d.due))}`
        : 'open';
    case 'met':
      return 'met';
    case 'waived':
      return 'waived';
    case 'breached':
      return s.metAt !== undefined
        ? `met ${humanDuration(instantMs(s.metAt) - instantMs(d.due))} late`
        : s.waived !== undefined
          ? `waived ${humanDuration(instantMs(s.waived.at) - instantMs(d.due))} late`
          : `overdue ${humanDuration(instantMs(asOf) - instantMs(d.due))}`;
  }
};
