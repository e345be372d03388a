import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isWorkingDay } from '@aimline/calendar';
import {
  bookingFor,
  papersDueFor,
  rebookingFor,
  sittingsBetween,
  type ScheduleEntry,
} from '../src/index.js';
import { calendar, policy } from './fixtures.js';

const schedule = sittingsBetween(policy, calendar, '2024-01-01', '2029-12-31');
const ms = (s: string): number => Date.parse(s);
/** Any instant between 2024 and mid-2028 (so a later sitting always exists). */
const instant = fc
  .integer({ min: ms('2024-01-01T00:00:00Z'), max: ms('2028-06-30T00:00:00Z') })
  .map((n) => new Date(n).toISOString());

describe('PNL-4 booking properties', () => {
  it('PNL-4: for any referral instant the booked sitting is a working day, its papers deadline is not before the referral, and it is the earliest such', () => {
    fc.assert(
      fc.property(instant, (at) => {
        const b = bookingFor(at, schedule, policy, calendar);
        expect(b).toBeDefined();
        expect(isWorkingDay(calendar, b!.sittingDate)).toBe(true);
        expect(ms(b!.papersDue)).toBeGreaterThanOrEqual(ms(at));
        expect(b!.papersDue).toBe(papersDueFor(policy, calendar, b!.sittingDate));
        const earlier = schedule.filter(
          (s) => ms(s.start) > ms(at) && ms(s.start) < ms(b!.sittingStart),
        );
        for (const s of earlier)
          expect(ms(papersDueFor(policy, calendar, s.date))).toBeLessThan(ms(at));
        expect(b!.skipped.map((s) => s.sittingId)).toEqual(earlier.map((s) => s.sittingId));
      }),
      { numRuns: 300 },
    );
  });

  it('PNL-4: when sittings move or are cancelled, every referral stays booked into exactly one live sitting, in time', () => {
    const change = fc.record({
      index: fc.nat(40),
      kind: fc.constantFrom('cancel', 'move'),
      days: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(instant, { minLength: 1, maxLength: 15 }),
        fc.array(change, { maxLength: 8 }),
        instant,
        (referrals, changes, changeAt) => {
          const base = schedule.filter((s) => s.date >= '2024-01-01');
          const bookings = referrals.map((at) => ({
            at,
            booking: bookingFor(at, base, policy, calendar)!,
          }));
          // Apply the changes to a copy of the schedule.
          const changed: ScheduleEntry[] = base.map((s) => ({
            sittingId: s.sittingId,
            date: s.date,
            start: s.start,
          }));
          for (const c of changes) {
            const e = changed[c.index];
            if (e === undefined) continue;
            if (c.kind === 'cancel') changed[c.index] = { ...e, cancelled: true };
            else {
              let d = new Date(ms(`${e.date}T00:00:00Z`) + c.days * 86_400_000)
                .toISOString()
                .slice(0, 10);
              while (!isWorkingDay(calendar, d))
                d = new Date(ms(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
              changed[c.index] = { ...e, date: d, start: `${d}T13:00:00.000Z` };
            }
          }
          const now = [...referrals, changeAt].sort()[referrals.length]!; // rebook no earlier than the last referral
          const live = new Map(
            changed.filter((e) => e.cancelled !== true).map((e) => [e.sittingId, e]),
          );
          for (const { booking } of bookings) {
            const r = rebookingFor(booking, changed, now, policy, calendar);
            const final =
              r.kind === 'rebook' ? r.booking : r.kind === 'unchanged' ? booking : undefined;
            expect(final).toBeDefined(); // never lost
            const entry = live.get(final!.sittingId);
            expect(entry).toBeDefined(); // in exactly one live sitting
            expect(entry!.date).toBe(final!.sittingDate);
            expect(isWorkingDay(calendar, final!.sittingDate)).toBe(true);
            if (r.kind === 'rebook')
              expect(ms(r.booking.papersDue)).toBeGreaterThanOrEqual(ms(now));
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
