/**
 * PNL-1: the panel's sittings from the council's pattern (default: the first Monday of each
 * month, 13:00-17:00 Europe/London). A pattern date that is not a working day moves to the next
 * working day, and the sitting says why.
 */
import { DateTime } from 'luxon';
import { isWorkingDay, nextWorkingDay, type Calendar } from '@aimline/calendar';
import type { PanelPolicy } from '../policy.js';
import { londonInstant, longDate, whyNotWorking } from './local-time.js';

export interface ScheduledSitting {
  /** `yyyy-mm`, the month of the pattern date (the stream id). */
  readonly sittingId: string;
  /** The date the pattern gives. */
  readonly patternDate: string;
  /** The date the panel sits (a working day). */
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly venue: string;
  readonly movedFrom: { readonly date: string; readonly reason: string } | null;
}

/** The pattern's date in a month (`yyyy-mm`): the nth given weekday. */
export const patternDateOf = (policy: PanelPolicy, sittingId: string): string => {
  const first = DateTime.fromISO(`${sittingId}-01`, { zone: 'Europe/London' });
  if (!first.isValid) throw new RangeError(`patternDateOf: not a month: ${sittingId}`);
  const offset = (policy.sittingWeekday - first.weekday + 7) % 7;
  return first.plus({ days: offset + 7 * (policy.sittingOccurrence - 1) }).toISODate();
};

/** The scheduled sitting of a month (`yyyy-mm`) under the policy and calendar (PNL-1). */
export const sittingForMonth = (
  policy: PanelPolicy,
  calendar: Calendar,
  sittingId: string,
): ScheduledSitting => {
  const patternDate = patternDateOf(policy, sittingId);
  const moves = !isWorkingDay(calendar, patternDate);
  const date = moves ? nextWorkingDay(calendar, patternDate) : patternDate;
  return {
    sittingId,
    patternDate,
    date,
    start: londonInstant(date, policy.sittingStart),
    end: londonInstant(date, policy.sittingEnd),
    venue: policy.defaultVenue,
    movedFrom: moves
      ? {
          date: patternDate,
          reason: `${longDate(patternDate)} is ${whyNotWorking(calendar, patternDate)}, so the panel sits on the next working day, ${longDate(date)} (PNL-1)`,
        }
      : null,
  };
};

const monthId = (d: DateTime): string => d.toFormat('yyyy-LL');

/** Every scheduled sitting whose date lies in [from, to] (local dates `YYYY-MM-DD`), in order. */
export const sittingsBetween = (
  policy: PanelPolicy,
  calendar: Calendar,
  from: string,
  to: string,
): ScheduledSitting[] => {
  const start = DateTime.fromISO(from, { zone: 'Europe/London' })
    .startOf('month')
    .minus({ months: 1 });
  const end = DateTime.fromISO(to, { zone: 'Europe/London' }).startOf('month');
  if (!start.isValid || !end.isValid)
    throw new RangeError(`sittingsBetween: bad range ${from} … ${to}`);
  const out: ScheduledSitting[] = [];
  for (let m = start; m <= end; m = m.plus({ months: 1 })) {
    const s = sittingForMonth(policy, calendar, monthId(m));
    if (s.date >= from && s.date <= to) out.push(s);
  }
  return out;
};
