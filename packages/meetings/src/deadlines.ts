/**
 * The deadlines of one meeting (T-6): MTG-5 (reports to the chair before the meeting), MTG-9
 * (lists and hard copies destroyed after the upload) and, when a domain's policy sets one, the
 * minutes-distribution timescale (e.g. PNL-7). Pure: status is `met` or `waived` from the events
 * (a waiver after the due instant leaves it `breached`, T-6), otherwise `open`; the deadline
 * tracker decides `breached` at its `asOf` (T-7).
 */
import { deadlineOf, waive, type Calendar, type Deadline } from '@aimline/calendar';
import type { MeetingPolicy, Timescale } from './policy.js';
import { distributionList, isHeld } from './queries.js';
import { fullyDistributedAt } from './rules.js';
import type { MeetingState, Schedule } from './state.js';
import type { ReportKind } from './values.js';

const reportLabel: Record<ReportKind, string> = {
  'aim-report': 'AIM report to the chair',
  'professional-report': "Professional's report to the chair",
};

/** The event that set the current date: the schedule, or the latest reschedule. */
const dateSetBy = (state: MeetingState, schedule: Schedule): { event: string; at: string } => {
  const last = state.reschedules[state.reschedules.length - 1];
  return last === undefined
    ? { event: 'MeetingScheduled', at: schedule.scheduledAt }
    : { event: 'MeetingRescheduled', at: last.at };
};

/** An obligation that was still open when the meeting was cancelled is waived (MTG-1). */
const waivedIfCancelled = (state: MeetingState, d: Deadline): Deadline =>
  state.cancelledAt === null ? d : waive(d, 'the meeting was cancelled', state.cancelledAt);

/** What each of a scheduled meeting's deadline rules reads. */
interface ScheduledMeeting {
  readonly state: MeetingState;
  readonly schedule: Schedule;
  readonly policy: MeetingPolicy;
  readonly calendar: Calendar;
}

/**
 * MTG-5 (T-4): each report reaches the chair `daysBefore` calendar days before the meeting (end
 * of that local day, moved back to the previous working day). One deadline per report
 * submitted (per kind and author, met at its first submission) and one open deadline per report
 * kind the policy expects for this kind of meeting that has not arrived.
 */
const reportDeadlines = ({ state, schedule, policy, calendar }: ScheduledMeeting): Deadline[] => {
  const rule = policy.reportsToChair;
  const make = (label: string, metAt?: string): Deadline =>
    deadlineOf(
      {
        ruleId: rule.ruleId,
        label,
        trigger: dateSetBy(state, schedule),
        unit: 'daysBefore',
        amount: rule.daysBefore,
        start: schedule.start,
        startDescription: 'the meeting',
        metAt,
      },
      calendar,
    );
  const out: Deadline[] = [];
  const seen = new Set<string>();
  for (const r of state.reports) {
    const key = `${r.reportKind}\u0000${r.author.id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(make(`${reportLabel[r.reportKind]} from ${r.author.id}`, r.at));
  }
  for (const kind of policy.expectedReports[schedule.kind] ?? []) {
    if (state.reports.some((r) => r.reportKind === kind)) continue;
    out.push(waivedIfCancelled(state, make(reportLabel[kind])));
  }
  return out;
};

/** A domain's timescale from `start`, met at `metAt` if it was. */
const within = (
  timescale: Timescale,
  of: MinutesOf,
  metAt: string | undefined,
  calendar: Calendar,
): Deadline =>
  deadlineOf(
    {
      ruleId: timescale.ruleId,
      label: of.label,
      trigger: of.trigger,
      unit: timescale.unit,
      amount: timescale.amount,
      start: of.start,
      startDescription: of.startDescription,
      metAt,
    },
    calendar,
  );

/**
 * MTG-9: lists and hard copies destroyed within `timescale` of the minutes' upload, met at their
 * destruction; none before the upload. One implementation for every process that keeps minutes
 * (this package's meetings and `panel`'s sittings).
 */
export const hardCopiesDeadlines = (
  timescale: Timescale,
  uploadedAt: string | null,
  destroyedAt: string | null,
  calendar: Calendar,
): Deadline[] => {
  if (uploadedAt === null) return [];
  const of: MinutesOf = {
    label: 'Lists and hard copies destroyed',
    trigger: { event: 'MinutesUploaded', at: uploadedAt },
    start: uploadedAt,
    startDescription: 'the upload of the minutes',
  };
  return [within(timescale, of, destroyedAt ?? undefined, calendar)];
};

/** What a minutes-distribution deadline is counted from, and what it is called. */
export interface MinutesOf {
  readonly label: string;
  readonly trigger: { readonly event: string; readonly at: string };
  /** The meeting's start (an instant, or the date of a sitting). */
  readonly start: string;
  readonly startDescription: string;
}

/**
 * A domain's minutes-distribution timescale (e.g. PNL-7), counted from the meeting's start and
 * met when the minutes reached everyone on the list (`distributedAt`). One implementation for
 * every process that keeps minutes (this package's meetings and `panel`'s sittings).
 */
export const minutesDistributionDeadline = (
  timescale: Timescale,
  of: MinutesOf,
  distributedAt: string | undefined,
  calendar: Calendar,
): Deadline => within(timescale, of, distributedAt, calendar);

const distributionDeadline = ({
  state,
  schedule,
  policy,
  calendar,
}: ScheduledMeeting): Deadline[] => {
  const timescale = policy.minutesDistributionWithin;
  if (timescale === undefined || state.attendance === null) return [];
  const of = {
    label: 'Minutes distributed',
    trigger: { event: 'AttendanceRecorded', at: state.attendance.at },
    start: schedule.start,
    startDescription: 'the meeting',
  };
  return [
    minutesDistributionDeadline(
      timescale,
      of,
      fullyDistributedAt(distributionList(state), state.distributions),
      calendar,
    ),
  ];
};

/**
 * Every deadline of the meeting, each with its rule id, trigger, start, unit, calendar, due
 * instant, status and explanation (T-6).
 */
export const meetingDeadlines = (
  state: MeetingState,
  policy: MeetingPolicy,
  calendar: Calendar,
): ReadonlyArray<Deadline> => {
  const schedule = state.schedule;
  if (schedule === null) return [];
  const meeting = { state, schedule, policy, calendar };
  return [
    ...reportDeadlines(meeting),
    ...(isHeld(state) ? distributionDeadline(meeting) : []),
    ...hardCopiesDeadlines(
      policy.hardCopiesDestroyedWithin,
      state.upload?.at ?? null,
      state.hardCopiesDestroyedAt,
      calendar,
    ),
  ];
};
