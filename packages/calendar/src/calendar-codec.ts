/**
 * The calendar value (T-2, T-5) and its io-ts codecs: a calendar is plain data, so a whole
 * calendar, or a council's extension of one, can be loaded from JSON.
 */
import * as t from 'io-ts';
import { orderedRange } from './ordered-range.js';
import { integerBetween, IsoDateCodec, NonEmptyString } from './primitive-codecs.js';

const Month = integerBetween('Month', 1, 12);
const DayOfMonth = integerBetween('DayOfMonth', 1, 31);
const IsoWeekdayCodec = integerBetween('IsoWeekday (1 = Monday … 7 = Sunday)', 1, 7);
const Year = integerBetween('Year', 1000, 9999);
/** Optional first and last year (inclusive) in which a standing rule applies; never backwards. */
const YearBounds = orderedRange(
  t.partial({ fromYear: Year, untilYear: Year }),
  'fromYear',
  'untilYear',
  'YearBounds',
);

/**
 * A fixed date every year (1 January, 25 December, 17 March …). With `substitute`, a date that
 * falls at a weekend gives a substitute day: the next weekday that is not already a bank holiday.
 */
export const FixedDateRuleCodec = t.intersection([
  t.type({
    kind: t.literal('fixedDate'),
    name: NonEmptyString,
    month: Month,
    day: DayOfMonth,
    substitute: t.boolean,
  }),
  YearBounds,
]);

/** A day relative to Easter Sunday (Good Friday = -2, Easter Monday = +1). */
export const EasterOffsetRuleCodec = t.intersection([
  t.type({
    kind: t.literal('easterOffset'),
    name: NonEmptyString,
    offsetDays: integerBetween('OffsetDays', -60, 60),
  }),
  YearBounds,
]);

/** The nth (1-5) or last (-1) given weekday of a month, e.g. the last Monday of May. */
export const NthWeekdayRuleCodec = t.intersection([
  t.type({
    kind: t.literal('nthWeekdayOfMonth'),
    name: NonEmptyString,
    month: Month,
    weekday: IsoWeekdayCodec,
    nth: t.union([
      t.literal(1),
      t.literal(2),
      t.literal(3),
      t.literal(4),
      t.literal(5),
      t.literal(-1),
    ]),
  }),
  YearBounds,
]);

export const StandingRuleCodec = t.union([
  FixedDateRuleCodec,
  EasterOffsetRuleCodec,
  NthWeekdayRuleCodec,
]);
export type StandingRule = t.TypeOf<typeof StandingRuleCodec>;

/** A one-off bank holiday (moved, added), e.g. `{ date: '2023-05-08', name: 'Coronation …' }`. */
export const HolidayAdditionCodec = t.readonly(
  t.type({ date: IsoDateCodec, name: NonEmptyString }),
);
export type HolidayAddition = t.TypeOf<typeof HolidayAdditionCodec>;

/** A standing-rule bank holiday that does not happen in one year, with the reason. */
export const HolidayRemovalCodec = t.readonly(
  t.type({ date: IsoDateCodec, reason: NonEmptyString }),
);
export type HolidayRemoval = t.TypeOf<typeof HolidayRemovalCodec>;

/** A day the council is closed that is not a bank holiday (not a working day, T-2). */
export const ClosureDayCodec = t.readonly(t.type({ date: IsoDateCodec, name: NonEmptyString }));
export type ClosureDay = t.TypeOf<typeof ClosureDayCodec>;

export const CalendarCodec = t.readonly(
  t.type({
    id: NonEmptyString,
    name: NonEmptyString,
    zone: t.literal('Europe/London'),
    standingRules: t.readonlyArray(StandingRuleCodec),
    changes: t.readonly(
      t.type({
        add: t.readonlyArray(HolidayAdditionCodec),
        remove: t.readonlyArray(HolidayRemovalCodec),
      }),
    ),
    closures: t.readonlyArray(ClosureDayCodec),
  }),
);

/**
 * A working-day calendar: Europe/London, standing bank-holiday rules, one-off changes and
 * council closure days. Plain immutable data; build new ones with `extendCalendar`.
 */
export type Calendar = t.TypeOf<typeof CalendarCodec>;

/** What a council adds to a calendar without a release (all parts optional). */
export const CalendarExtensionCodec = t.partial({
  /** A new id for the extended calendar (default: `<base id>+extended`). */
  id: NonEmptyString,
  /** A new name (default: `<base name> (extended)`). */
  name: NonEmptyString,
  addHolidays: t.readonlyArray(HolidayAdditionCodec),
  removeHolidays: t.readonlyArray(HolidayRemovalCodec),
  closureDays: t.readonlyArray(ClosureDayCodec),
});
export type CalendarExtension = t.TypeOf<typeof CalendarExtensionCodec>;
