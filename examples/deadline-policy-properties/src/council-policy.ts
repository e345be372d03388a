/**
 * Example Borough Council's own deadline policy, as a council would keep it beside its app:
 *
 * - its calendar: England and Wales plus the council's closure between Christmas and New Year
 *   (every weekday from 27 to 31 December that is not already a bank holiday), as data;
 * - its HSB AIM timescales: the defaults, except that the HSB-12 home visit and home safety
 *   plan are due within 5 *working* days of allocation instead of 5 calendar days.
 */
import * as E from 'fp-ts/lib/Either.js';
import {
  englandAndWales,
  extendCalendar,
  isWorkingDay,
  type Calendar,
  type ClosureDay,
  type Deadline,
} from '@aimline/calendar';
import { hsbDeadlines, loadHsbPolicy, type HsbPolicy, type HsbState } from '@aimline/hsb-aim';
import { describeProblems } from '@aimline/kernel';

/** The years the council has published its closure for. */
export const CLOSURE_YEARS = { from: 2020, to: 2035 } as const;

/** The weekdays 27–31 December of `year` that England and Wales still counts as working days. */
export const christmasClosure = (year: number): ClosureDay[] =>
  [27, 28, 29, 30, 31]
    .map((day) => `${year}-12-${day}`)
    .filter((date) => isWorkingDay(englandAndWales, date))
    .map((date) => ({ date, name: 'Council closure between Christmas and New Year' }));

const closureDays: ClosureDay[] = [];
for (let y = CLOSURE_YEARS.from; y <= CLOSURE_YEARS.to; y++)
  closureDays.push(...christmasClosure(y));

export const councilCalendar: Calendar = extendCalendar(englandAndWales, {
  id: 'example-borough',
  name: 'Example Borough Council',
  closureDays,
});

/** The council's overrides, as it would keep them in a JSON file. */
export const councilHsbOverrides = { homeSafetyPlanUnit: 'workingDays' } as const;

const loaded = loadHsbPolicy(councilHsbOverrides);
if (E.isLeft(loaded)) throw new Error(`council HSB policy: ${describeProblems(loaded.left)}`);
export const councilHsbPolicy: HsbPolicy = loaded.right;

/** Every HSB obligation of a case under the council's own policy and calendar. */
export const councilDeadlines = (state: HsbState): Deadline[] =>
  hsbDeadlines(state, councilHsbPolicy, councilCalendar);
