/**
 * Council policy for meetings: the timescales of MTG-5 and MTG-9 and the optional
 * minutes-distribution timescale a domain imposes (panel: PNL-7). Data, never constants:
 * a council loads overrides from JSON through `MeetingPolicyOverrides`.
 */
import * as t from 'io-ts';
import { NonEmptyString, ReportKind } from './values.js';

/**
 * The units a meeting timescale is counted in, named as `@aimline/calendar`'s deadline units:
 * T-2 working days, T-3 calendar days and weeks, T-1 elapsed hours.
 */
export const DurationUnit = t.keyof(
  { workingDays: null, calendarDays: null, weeks: null, hours: null },
  'DurationUnit',
);
export type DurationUnit = t.TypeOf<typeof DurationUnit>;

const NonNegativeInteger = new t.Type<number, number, unknown>(
  'NonNegativeInteger',
  (u): u is number => typeof u === 'number' && Number.isInteger(u) && u >= 0,
  (u, c) =>
    typeof u === 'number' && Number.isInteger(u) && u >= 0 ? t.success(u) : t.failure(u, c),
  t.identity,
);

/** "within `amount` `unit` of the trigger", tracked under `ruleId`. */
export const Timescale = t.type(
  { unit: DurationUnit, amount: NonNegativeInteger, ruleId: NonEmptyString },
  'Timescale',
);
export type Timescale = t.TypeOf<typeof Timescale>;

export const MeetingPolicy = t.intersection(
  [
    t.type({
      /** MTG-5 (T-4): reports reach the chair `daysBefore` calendar days before the meeting. */
      reportsToChair: t.type({ daysBefore: NonNegativeInteger, ruleId: NonEmptyString }),
      /**
       * MTG-5: which reports each kind of meeting expects (by meeting kind). Reports of other
       * kinds that are submitted are tracked as well; an expected one that is missing stays open.
       */
      expectedReports: t.record(t.string, t.array(ReportKind)),
      /** MTG-9: lists and hard copies destroyed within this timescale of the minutes' upload. */
      hardCopiesDestroyedWithin: Timescale,
    }),
    t.partial({
      /** A domain's own minutes-distribution timescale from the meeting's start (e.g. PNL-7). */
      minutesDistributionWithin: Timescale,
    }),
  ],
  'MeetingPolicy',
);
export type MeetingPolicy = t.TypeOf<typeof MeetingPolicy>;

/**
 * The source's values. Source 000 gives no timescale for destroying lists and hard copies:
 * 5 working days after the upload is this library's policy default (MTG-9), for a council to
 * override. No minutes-distribution timescale by default: 001 says "as soon as possible".
 */
export const defaultMeetingPolicy: MeetingPolicy = {
  reportsToChair: { daysBefore: 2, ruleId: 'MTG-5' },
  expectedReports: {
    'hsb-initial-aim': ['aim-report'],
    'hsb-review': ['aim-report'],
  },
  hardCopiesDestroyedWithin: { unit: 'workingDays', amount: 5, ruleId: 'MTG-9' },
};

/** What a council may override, as JSON. */
export const MeetingPolicyOverrides = t.partial(
  {
    reportsToChair: t.type({ daysBefore: NonNegativeInteger, ruleId: NonEmptyString }),
    expectedReports: t.record(t.string, t.array(ReportKind)),
    hardCopiesDestroyedWithin: Timescale,
    minutesDistributionWithin: Timescale,
  },
  'MeetingPolicyOverrides',
);
export type MeetingPolicyOverrides = t.TypeOf<typeof MeetingPolicyOverrides>;

/** The default policy with a council's (or a domain's) overrides applied. */
export const meetingPolicy = (
  overrides: MeetingPolicyOverrides = {},
  base: MeetingPolicy = defaultMeetingPolicy,
): MeetingPolicy => ({ ...base, ...overrides });
