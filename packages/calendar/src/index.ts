/**
 * @aimline/calendar: UK working-day calendars, Europe/London deadline arithmetic and the
 * Deadline value (rules T-1 … T-7, NAT-2). Pure: no I/O, no clock, no randomness.
 *
 * A module whose every export is public is re-exported whole (`export *`): its names are listed
 * once, in the module. From a module that also holds internal helpers, the public names are
 * listed here.
 */

// luxon's DateTime, re-exported so callers can build and read date arguments without their own
// luxon dependency.
export { DateTime } from 'luxon';

// Values and codecs
export type { IsoDate } from './epoch-day.js';
export type { IsoInstant } from './instant.js';
export type { DateInput } from './date-input.js';
export { IsoDateCodec, IsoInstantCodec, NonEmptyString } from './primitive-codecs.js';
export {
  CalendarCodec,
  CalendarExtensionCodec,
  ClosureDayCodec,
  HolidayAdditionCodec,
  HolidayRemovalCodec,
  StandingRuleCodec,
} from './calendar-codec.js';
export type {
  Calendar,
  CalendarExtension,
  ClosureDay,
  HolidayAddition,
  HolidayRemoval,
  StandingRule,
} from './calendar-codec.js';

// Calendars (T-2, T-5)
export * from './regional-calendars.js';
export * from './extend-calendar.js';
export {
  bankHolidays,
  closureDays,
  describeDay,
  isBankHoliday,
  nonWorkingWeekdays,
} from './bank-holidays.js';
export type { DayInfo, DayKindName, NamedDate } from './bank-holidays.js';

// Working days (T-2)
export * from './working-day-functions.js';

// Calendar days, weeks, months, hours, "before a meeting" (T-1, T-3, T-4, NAT-2)
export * from './calendar-arithmetic.js';

// The one instant parser and the one date parser (T-1): exact round trip, explicit offset,
// years bounded (default 1000-9999, narrower by policy)
export { Instant, parseInstant, formatInstant } from './instant.js';
export { parseIsoDate, SUPPORTED_YEARS } from './epoch-day.js';
export type { YearRange } from './epoch-day.js';

// Instant comparison (T-1)
export * from './instant-order.js';

// Plain dates, ages and age bands
export * from './plain-date.js';
export * from './age-band.js';
export * from './ordered-range.js';

// Europe/London local dates (T-1)
export * from './local-date.js';
export { LONDON } from './london-zone.js';

// London local, human time for people (screens, tables, reports)
export * from './london-display.js';

// Deadlines (T-6, T-7)
export * from './deadline.js';
export * from './deadline-spec.js';
export * from './deadlines-at.js';
export { DeadlineCodec, DeadlineStatusCodec, DeadlineUnitCodec } from './deadline-codec.js';
export type { Deadline, DeadlineStatus, DeadlineUnit } from './deadline-codec.js';
export { easterSundayDate } from './easter.js';
