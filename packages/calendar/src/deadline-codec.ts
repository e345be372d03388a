/**
 * The Deadline value (T-6) and its io-ts codec: every computed deadline carries the rule id,
 * the event that started it, the start instant, the unit and amount, the calendar used, the
 * due instant (UTC ISO-8601), its status and a one-line explanation.
 */
import * as t from 'io-ts';
import { IsoInstantCodec, NonEmptyString, NonNegativeNumber } from './primitive-codecs.js';

/**
 * - `hours`: elapsed hours after the start (T-1);
 * - `calendarDays`, `weeks`: end of the local day N days / 7N days after the start (T-3);
 * - `months`: end of the local day N calendar months after, clamped to month end (NAT-2);
 * - `workingDays`: end of the Nth working day after the start (T-2);
 * - `daysBefore`: end of the local day N calendar days before the start (a meeting), moved back
 *   to the previous working day (T-4);
 * - `hoursBefore`: N elapsed hours before the start (T-4);
 * - `workingDaysBefore`: end of the Nth working day before the start (e.g. PNL-4).
 */
export const DeadlineUnitCodec = t.keyof({
  hours: null,
  calendarDays: null,
  workingDays: null,
  weeks: null,
  months: null,
  daysBefore: null,
  hoursBefore: null,
  workingDaysBefore: null,
});
export type DeadlineUnit = t.TypeOf<typeof DeadlineUnitCodec>;

export const OpenStatusCodec = t.readonly(t.type({ kind: t.literal('open') }));
/** Met at or before the due instant. */
export const MetStatusCodec = t.readonly(t.type({ kind: t.literal('met'), at: IsoInstantCodec }));
/** A waiver: why the obligation no longer applies, and from when. */
export const WaiverCodec = t.readonly(t.type({ reason: NonEmptyString, at: IsoInstantCodec }));
/**
 * Past due and not met: `by` is how late (ISO-8601 duration of elapsed time) as of the question
 * asked; with `metAt`, how late it was met (a late meeting stays breached); with `waived`, how
 * late it was when it was waived (a waiver after the due instant never hides the breach).
 */
export const BreachedStatusCodec = t.readonly(
  t.intersection([
    t.type({ kind: t.literal('breached') }),
    t.partial({ by: NonEmptyString, metAt: IsoInstantCodec, waived: WaiverCodec }),
  ]),
);
export const WaivedStatusCodec = t.readonly(
  t.type({ kind: t.literal('waived'), reason: NonEmptyString, at: IsoInstantCodec }),
);
export const DeadlineStatusCodec = t.union([
  OpenStatusCodec,
  MetStatusCodec,
  BreachedStatusCodec,
  WaivedStatusCodec,
]);
export type DeadlineStatus = t.TypeOf<typeof DeadlineStatusCodec>;

export const DeadlineCodec = t.readonly(
  t.type({
    /** The rule that produced the deadline, e.g. `HSB-11`. */
    ruleId: NonEmptyString,
    /** What is due, e.g. `Allocation`. */
    label: NonEmptyString,
    /** The event that started the clock. */
    trigger: t.readonly(t.type({ event: NonEmptyString, at: IsoInstantCodec })),
    /** The instant counted from (for the "before" units: the meeting start). */
    start: IsoInstantCodec,
    unit: DeadlineUnitCodec,
    amount: NonNegativeNumber,
    calendarId: NonEmptyString,
    /** The last acceptable instant, UTC ISO-8601. */
    due: IsoInstantCodec,
    status: DeadlineStatusCodec,
    explanation: t.string,
  }),
);
export type Deadline = t.TypeOf<typeof DeadlineCodec>;
