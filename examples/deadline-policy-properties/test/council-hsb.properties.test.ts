import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWorkingDay, localDate, nonWorkingWeekdays, type Deadline } from '@aimline/calendar';
import { comparePolicies, councilPolicy, fold } from '../src/compare.js';
import { councilCalendar, councilDeadlines } from '../src/council-policy.js';
import { history } from './arbitraries.js';

const BEFORE_UNITS: ReadonlyArray<Deadline['unit']> = [
  'daysBefore',
  'hoursBefore',
  'workingDaysBefore',
];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "29 Dec": how an explanation names a skipped day. */
const short = (iso: string) =>
  `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1] ?? ''}`;
const nextDay = (iso: string) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

const runs = { numRuns: 300 };

describe("HSB deadlines under the council's policy (closure days, HSB-12 in working days)", () => {
  it('every working-day deadline is due at the end of a working day of the council calendar', () => {
    fc.assert(
      fc.property(history, (commands) => {
        const ds = councilDeadlines(fold(commands, councilPolicy));
        const working = ds.filter((d) => d.unit === 'workingDays');
        expect(working.map((d) => d.ruleId)).toEqual(
          expect.arrayContaining(['HSB-11', 'HSB-12', 'HSB-14', 'NAT-3']),
        );
        for (const d of working) {
          expect(isWorkingDay(councilCalendar, d.due), `${d.ruleId} ${d.explanation}`).toBe(true);
          expect(d.calendarId).toBe('example-borough');
        }
      }),
      runs,
    );
  });

  it('no deadline counted forward is due earlier than under the default policy; HSB-12 switches unit', () => {
    fc.assert(
      fc.property(history, (commands) => {
        for (const { council, standard } of comparePolicies(commands)) {
          if (BEFORE_UNITS.includes(council.unit)) continue;
          expect(
            Date.parse(council.due),
            `${council.ruleId}: ${council.explanation} / ${standard.explanation}`,
          ).toBeGreaterThanOrEqual(Date.parse(standard.due));
          if (council.ruleId === 'HSB-12') {
            expect([standard.unit, council.unit]).toEqual(['calendarDays', 'workingDays']);
            expect(council.amount).toBe(standard.amount);
          } else expect(council.unit).toBe(standard.unit);
        }
      }),
      runs,
    );
  });

  it('a deadline counted back from a meeting (T-4) is never later than under the default policy', () => {
    fc.assert(
      fc.property(history, (commands) => {
        for (const { council, standard } of comparePolicies(commands))
          if (BEFORE_UNITS.includes(council.unit))
            expect(Date.parse(council.due)).toBeLessThanOrEqual(Date.parse(standard.due));
      }),
      runs,
    );
  });

  it('every deadline carries its rule id, and its explanation names the closure days it skipped', () => {
    fc.assert(
      fc.property(history, (commands) => {
        for (const d of councilDeadlines(fold(commands, councilPolicy))) {
          expect(d.ruleId).toMatch(/^(HSB|NAT|MTG)-\d+$/);
          expect(d.explanation.startsWith(`${d.label} due by `)).toBe(true);
          if (d.unit !== 'workingDays') continue;
          const skipped = nonWorkingWeekdays(
            councilCalendar,
            nextDay(localDate(d.start)),
            d.due,
          ).filter((s) => s.kind === 'closureDay');
          if (skipped.length === 0) expect(d.explanation).not.toContain('closure');
          else {
            expect(d.explanation).toContain(
              skipped.length === 1 ? 'is a closure day' : 'are closure days',
            );
            for (const s of skipped) expect(d.explanation).toContain(short(s.date));
          }
        }
      }),
      runs,
    );
  });
});
