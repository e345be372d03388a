/**
 * PNL-3, PNL-4: which sitting a referral is booked into. Papers must reach members a policy
 * number of working days (7) before the sitting; a referral too late for a sitting goes to the
 * next one, and the booking lists the sittings it skipped, each with the reason.
 */
import {
  compareInstants,
  instantMs,
  subtractWorkingDays,
  toUtcIso,
  type Calendar,
} from '@aimline/calendar';
import type { PanelPolicy } from '../policy.js';
import type { Booking } from '../values.js';
import { longDate } from './local-time.js';

/** A sitting as the booking functions see it (generated, or overlaid with moves and cancellations). */
export interface ScheduleEntry {
  readonly sittingId: string;
  readonly date: string;
  readonly start: string;
  readonly cancelled?: boolean;
}

/** PNL-4: the end of the Nth working day before the sitting's date, as a UTC instant. */
export const papersDueFor = (
  policy: PanelPolicy,
  calendar: Calendar,
  sittingDate: string,
): string => toUtcIso(subtractWorkingDays(calendar, sittingDate, policy.papersWorkingDaysBefore));

const byStart = (a: ScheduleEntry, b: ScheduleEntry): number => compareInstants(a.start, b.start);

const tooLate = (policy: PanelPolicy, sittingDate: string, papersDue: string): string =>
  `papers for the sitting on ${longDate(sittingDate)} had to reach members by the end of ${longDate(papersDue)} (${policy.papersWorkingDaysBefore} working days before); too late, so booked into the next sitting (PNL-4)`;

/**
 * The earliest sitting, not cancelled, whose papers deadline is not earlier than `at` (so the
 * papers can still reach members in time). Undefined when the schedule has none: pass a longer one.
 */
export const bookingFor = (
  at: string,
  schedule: ReadonlyArray<ScheduleEntry>,
  policy: PanelPolicy,
  calendar: Calendar,
): Booking | undefined => {
  const skipped: Array<{ sittingId: string; reason: string }> = [];
  for (const entry of [...schedule].sort(byStart)) {
    if (instantMs(entry.start) <= instantMs(at)) continue;
    if (entry.cancelled === true) {
      skipped.push({
        sittingId: entry.sittingId,
        reason: `the sitting on ${longDate(entry.date)} is cancelled`,
      });
      continue;
    }
    const papersDue = papersDueFor(policy, calendar, entry.date);
    if (instantMs(papersDue) < instantMs(at)) {
      skipped.push({ sittingId: entry.sittingId, reason: tooLate(policy, entry.date, papersDue) });
      continue;
    }
    return {
      sittingId: entry.sittingId,
      sittingDate: entry.date,
      sittingStart: entry.start,
      papersDue,
      skipped,
    };
  }
  return undefined;
};

export type Rebooking =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'rebook'; readonly booking: Booking; readonly reason: string }
  | { readonly kind: 'no-sitting'; readonly reason: string };

/**
 * What to do with a booking after sittings moved or were cancelled (PNL-4): nothing when its
 * sitting stands; the same sitting on its new date when the papers can still be (or were
 * already) sent in time; otherwise the earliest later sitting that `bookingFor` gives at `at`.
 */
export const rebookingFor = (
  current: Booking,
  schedule: ReadonlyArray<ScheduleEntry>,
  at: string,
  policy: PanelPolicy,
  calendar: Calendar,
  papersSentAt?: string,
): Rebooking => {
  const entry = schedule.find((e) => e.sittingId === current.sittingId);
  if (entry !== undefined && entry.cancelled !== true) {
    if (entry.date === current.sittingDate && entry.start === current.sittingStart)
      return { kind: 'unchanged' };
    const papersDue = papersDueFor(policy, calendar, entry.date);
    const inTime =
      instantMs(papersDue) >= instantMs(at) ||
      (papersSentAt !== undefined && instantMs(papersSentAt) <= instantMs(papersDue));
    if (inTime && instantMs(entry.start) > instantMs(at))
      return {
        kind: 'rebook',
        booking: {
          sittingId: entry.sittingId,
          sittingDate: entry.date,
          sittingStart: entry.start,
          papersDue,
          skipped: [],
        },
        reason: `the sitting moved from ${longDate(current.sittingDate)} to ${longDate(entry.date)}`,
      };
  }
  const why =
    entry === undefined
      ? `the sitting ${current.sittingId} is no longer in the schedule`
      : entry.cancelled === true
        ? `the sitting on ${longDate(current.sittingDate)} was cancelled`
        : `the sitting moved to ${longDate(entry.date)}, too soon for the papers`;
  const rest = schedule.filter((e) => e.sittingId !== current.sittingId);
  const booking = bookingFor(at, rest, policy, calendar);
  return booking === undefined
    ? { kind: 'no-sitting', reason: `${why}; no later sitting in the schedule given` }
    : { kind: 'rebook', booking, reason: why };
};
