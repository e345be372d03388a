/**
 * The three UK regional calendars (T-2, T-5): England and Wales (the default), Scotland and
 * Northern Ireland.
 */
import type { Calendar } from './calendar-codec.js';
import { ukOneOffAdditions, ukOneOffRemovals } from './uk-one-off-changes.js';
import { standingRulesOf } from './uk-standing-rules.js';

function ukCalendar(id: Region, name: string): Calendar {
  return Object.freeze({
    id,
    name,
    zone: 'Europe/London' as const,
    standingRules: standingRulesOf(id),
    changes: Object.freeze({ add: ukOneOffAdditions, remove: ukOneOffRemovals }),
    closures: Object.freeze([]),
  });
}

export const englandAndWales: Calendar = ukCalendar('england-and-wales', 'England and Wales');

export const scotland: Calendar = ukCalendar('scotland', 'Scotland');

export const northernIreland: Calendar = ukCalendar('northern-ireland', 'Northern Ireland');

/** The default calendar (T-2): England and Wales. */
export const defaultCalendar: Calendar = englandAndWales;

export type Region = 'england-and-wales' | 'scotland' | 'northern-ireland';

export const regions: readonly Region[] = ['england-and-wales', 'scotland', 'northern-ireland'];

/** The built-in calendar of a region; an unknown region is a RangeError. */
export function calendarForRegion(region: string): Calendar {
  switch (region) {
    case 'england-and-wales':
      return englandAndWales;
    case 'scotland':
      return scotland;
    case 'northern-ireland':
      return northernIreland;
    default:
      throw new RangeError(
        `calendarForRegion: region must be one of ${regions.join(', ')}; got ${JSON.stringify(region)}`,
      );
  }
}
