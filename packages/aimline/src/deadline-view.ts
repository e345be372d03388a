import { humanDuration, instantMs, londonTime, settledAt, type Deadline } from '@aimline/calendar';

/**
 * Where an obligation stands at `asOf`:
 * - `open`: not yet due and not yet met;
 * - `due-soon`: open and due within the policy's `dueSoonHours`;
 * - `overdue`: past due and not met;
 * - `met`: met on time; `met-late`: met after it was due;
 * - `waived`: no longer owed (e.g. the case closed) before it was due, with the reason;
 * - `waived-late`: waived after it was due: the breach stands, with how late it was then.
 */
export type DeadlineState =
  'open' | 'due-soon' | 'overdue' | 'met' | 'met-late' | 'waived' | 'waived-late';

/** One obligation as it stands at `asOf`, explained. */
export interface DeadlineView {
  /** The rule that produced it, e.g. `HSB-11`. */
  readonly ruleId: string;
  /** What is due, e.g. `Allocation`. */
  readonly label: string;
  readonly state: DeadlineState;
  /** The last acceptable instant (UTC ISO-8601, as the calendar computes it). */
  readonly due: string;
  /** The same instant in London local time, e.g. `end of Fri 21 Mar 2025`. */
  readonly dueLocal: string;
  /** When it was met, met late or waived (an instant as recorded). */
  readonly settledAt?: string;
  /** How late, in words (`overdue`, `met-late` and `waived-late`), e.g. `2 days 3 hours`. */
  readonly late?: string;
  /** How the due instant was worked out, then where it stands at `asOf`, in sentences. */
  readonly explanation: string;
  /** The calendar's `Deadline` value, with its status at `asOf`. */
  readonly deadline: Deadline;
}

/** A deadline (with its status at `asOf`) as a view with its state and explanation. */
export const deadlineView = (d: Deadline, asOf: string, dueSoonHours: number): DeadlineView => {
  const dueMs = instantMs(d.due);
  const asOfMs = instantMs(asOf);
  const at = settledAt(d.status);
  const lateMs = at === undefined ? asOfMs - dueMs : instantMs(at) - dueMs;
  let state: DeadlineState;
  let standing: string;
  switch (d.status.kind) {
    case 'met':
      state = 'met';
      standing = `Met at ${londonTime(d.status.at)}.`;
      break;
    case 'waived':
      state = 'waived';
      standing = `Waived at ${londonTime(d.status.at)}: ${d.status.reason}.`;
      break;
    case 'breached': {
      const waiver = d.status.waived;
      state = at === undefined ? 'overdue' : waiver === undefined ? 'met-late' : 'waived-late';
      standing =
        at === undefined
          ? `Overdue by ${humanDuration(lateMs)} at ${londonTime(asOf)}.`
          : waiver === undefined
            ? `Met late at ${londonTime(at)}, ${humanDuration(lateMs)} after it was due.`
            : `Waived late at ${londonTime(at)}, ${humanDuration(lateMs)} after it was due: ${waiver.reason}.`;
      break;
    }
    case 'open': {
      const soon = dueMs - asOfMs <= dueSoonHours * 3_600_000;
      state = soon ? 'due-soon' : 'open';
      standing = `${soon ? 'Due soon' : 'Open'}: ${humanDuration(dueMs - asOfMs)} left at ${londonTime(asOf)}.`;
      break;
    }
  }
  return {
    ruleId: d.ruleId,
    label: d.label,
    state,
    due: d.due,
    dueLocal: londonTime(d.due),
    ...(at === undefined ? {} : { settledAt: at }),
    ...(state === 'overdue' || state === 'met-late' || state === 'waived-late'
      ? { late: humanDuration(lateMs) }
      : {}),
    explanation: `${d.explanation}. ${standing}`,
    deadline: d,
  };
};
