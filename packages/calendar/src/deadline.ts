/**
 * Creating a Deadline (T-6) and tracking its status against an `asOf` instant given by the
 * caller (T-7: never the system clock).
 */
import {
  requireFinite,
  requireNonEmptyString,
  requireNonNegativeInteger,
} from './argument-checks.js';
import type { Calendar } from './calendar-codec.js';
import { toInstantMs } from './date-input.js';
import type { DateInput } from './date-input.js';
import type { Deadline, DeadlineStatus, DeadlineUnit } from './deadline-codec.js';
import { DeadlineUnitCodec } from './deadline-codec.js';
import { computeDue } from './deadline-due.js';
import { isoDuration } from './human-format.js';
import { formatInstant, parseInstant } from './instant.js';
import { englandAndWales } from './regional-calendars.js';

export interface DeadlineInput {
  /** The rule that produces the deadline, e.g. `HSB-11`. */
  readonly ruleId: string;
  /** What is due, e.g. `Allocation`. */
  readonly label: string;
  /** The event that started the clock and when it happened. */
  readonly trigger: { readonly event: string; readonly at: DateInput };
  readonly unit: DeadlineUnit;
  /** Hours for `hours`/`hoursBefore` (any non-negative number); otherwise a non-negative integer. */
  readonly amount: number;
  /** Default: England and Wales (T-2). */
  readonly calendar?: Calendar;
  /**
   * The instant counted from; default `trigger.at`. For `daysBefore`, `hoursBefore` and
   * `workingDaysBefore` this is the meeting start. A plain date stands for its 00:00 London.
   */
  readonly start?: DateInput;
  /** How the explanation names the start, e.g. `the strategy meeting` (default: the event). */
  readonly startDescription?: string;
}

/**
 * A new open deadline with its due instant and explanation, e.g. "Allocation due by end of
 * Tue 5 Jan 2027: 5 working days after the strategy meeting on Thu 24 Dec 2026; 25 Dec, 28 Dec
 * and 1 Jan are bank holidays". Throws a TypeError/RangeError naming a bad argument.
 */
export function deadline(input: DeadlineInput): Deadline {
  const fn = 'deadline';
  requireNonEmptyString(input.ruleId, fn, 'ruleId');
  requireNonEmptyString(input.label, fn, 'label');
  requireNonEmptyString(input.trigger.event, fn, 'trigger.event');
  if (!DeadlineUnitCodec.is(input.unit)) {
    throw new RangeError(
      `${fn}: unit must be one of ${Object.keys(DeadlineUnitCodec.keys).join(', ')}; got ${JSON.stringify(input.unit)}`,
    );
  }
  if (input.unit === 'hours' || input.unit === 'hoursBefore') {
    requireFinite(input.amount, fn, 'amount');
    if (input.amount < 0) {
      throw new RangeError(`${fn}: amount must not be negative; got ${input.amount}`);
    }
  } else {
    requireNonNegativeInteger(input.amount, fn, 'amount');
  }
  const calendar = input.calendar ?? englandAndWales;
  const triggerMs = toInstantMs(input.trigger.at, fn, 'trigger.at');
  const startMs = input.start === undefined ? triggerMs : toInstantMs(input.start, fn, 'start');
  const description = input.startDescription ?? input.trigger.event;
  const { dueMs, dueText, reason } = computeDue(
    calendar,
    input.unit,
    input.amount,
    startMs,
    description,
  );
  return {
    ruleId: input.ruleId,
    label: input.label,
    trigger: { event: input.trigger.event, at: formatInstant(triggerMs) },
    start: formatInstant(startMs),
    unit: input.unit,
    amount: input.amount,
    calendarId: calendar.id,
    due: formatInstant(dueMs),
    status: { kind: 'open' },
    explanation: `${input.label} due by ${dueText}: ${reason}`,
  };
}

function instantOf(value: string, fn: string, arg: string): number {
  const ms = parseInstant(value);
  if (ms === undefined) throw new TypeError(`${fn}: ${arg} is not an ISO-8601 instant: ${value}`);
  return ms;
}

/**
 * When a deadline was settled: met (on time or late) or waived (before it was due, or after,
 * when the breach stands); undefined while it is outstanding.
 */
export function settledAt(status: DeadlineStatus): string | undefined {
  if (status.kind === 'met' || status.kind === 'waived') return status.at;
  return status.kind === 'breached' ? (status.metAt ?? status.waived?.at) : undefined;
}

/** Whether the status can still change: open, or breached and neither met nor waived yet. */
export function isOutstanding(status: DeadlineStatus): boolean {
  return status.kind === 'open' || (status.kind === 'breached' && settledAt(status) === undefined);
}

/**
 * The status as of `asOf`: open up to and including the due instant, breached after it (with
 * how late, as an ISO-8601 duration) unless met or waived by then; met, waived and late-met stay
 * from the instant they were settled.
 */
export function statusAt(d: Deadline, asOf: DateInput): DeadlineStatus {
  const asOfMs = toInstantMs(asOf, 'statusAt', 'asOf');
  // A deadline met or waived after `asOf` was still outstanding then: judge it by its due instant.
  const settled = settledAt(d.status);
  const settledLater =
    settled !== undefined && instantOf(settled, 'statusAt', 'deadline.status') > asOfMs;
  if (!isOutstanding(d.status) && !settledLater) return d.status;
  const dueMs = instantOf(d.due, 'statusAt', 'deadline.due');
  return asOfMs > dueMs ? { kind: 'breached', by: isoDuration(asOfMs - dueMs) } : { kind: 'open' };
}

/**
 * The deadline met at `at`: status `met` when on time, otherwise `breached` with `metAt` and how
 * late. A deadline already met, met late or waived is returned unchanged.
 */
export function meet(d: Deadline, at: DateInput): Deadline {
  const atMs = toInstantMs(at, 'meet', 'at');
  if (!isOutstanding(d.status)) return d;
  const dueMs = instantOf(d.due, 'meet', 'deadline.due');
  const metAt = formatInstant(atMs);
  const status: DeadlineStatus =
    atMs <= dueMs
      ? { kind: 'met', at: metAt }
      : { kind: 'breached', by: isoDuration(atMs - dueMs), metAt };
  return { ...d, status };
}

/**
 * The deadline waived at `at` with a reason (required). An outstanding deadline waived at or
 * before its due instant is `waived`; one waived after it stays `breached`, with how late it was
 * then and the waiver (closing a case never rewrites whether its obligations were on time). A
 * deadline already met, met late or waived is returned unchanged.
 */
export function waive(d: Deadline, reason: string, at: DateInput): Deadline {
  requireNonEmptyString(reason, 'waive', 'reason');
  const atMs = toInstantMs(at, 'waive', 'at');
  if (!isOutstanding(d.status)) return d;
  const dueMs = instantOf(d.due, 'waive', 'deadline.due');
  const waiver = { reason, at: formatInstant(atMs) };
  const status: DeadlineStatus =
    atMs <= dueMs
      ? { kind: 'waived', ...waiver }
      : { kind: 'breached', by: isoDuration(atMs - dueMs), waived: waiver };
  return { ...d, status };
}
