/** fast-check arbitraries: dates (weighted towards Christmas) and whole HSB case histories. */
import fc from 'fast-check';
import type { HsbCommand } from '@aimline/hsb-aim';
import { exampleCase } from '../src/example-case.js';

const DAY = 86_400_000;
export const dayNumber = (iso: string): number => Math.floor(Date.parse(`${iso}T00:00:00Z`) / DAY);
export const isoOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

/** Any date from 2021 to 2034, half of them between 10 December and 10 January. */
export const anyDate: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: dayNumber('2021-01-01'), max: dayNumber('2034-12-31') }).map(isoOfDay),
  fc
    .tuple(fc.integer({ min: 2021, max: 2033 }), fc.integer({ min: 0, max: 31 }))
    .map(([year, offset]) => isoOfDay(dayNumber(`${year}-12-10`) + offset)),
);

const plus = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/**
 * A child-protection case from the report to the allocation, and sometimes the initial joint
 * supervision and the booking of the initial AIM meeting: every gap drawn, the order kept.
 */
export const history: fc.Arbitrary<HsbCommand[]> = fc
  .record({
    reportDate: anyDate,
    reportMinute: fc.integer({ min: 7 * 60, max: 18 * 60 }),
    toStrategy: fc.integer({ min: 10, max: 72 * 60 }),
    toAllocation: fc.integer({ min: 90, max: 25 * 24 * 60 }),
    supervision: fc.option(
      fc.record({
        after: fc.integer({ min: 60, max: 15 * 24 * 60 }),
        meetingAfter: fc.option(fc.integer({ min: 24 * 60, max: 60 * 24 * 60 })),
      }),
    ),
  })
  .map((g) => {
    const reportAt = plus(`${g.reportDate}T00:00:00.000Z`, g.reportMinute);
    const strategyAt = plus(reportAt, g.toStrategy);
    const allocatedAt = plus(strategyAt, g.toAllocation);
    const supervisedAt =
      g.supervision === null ? undefined : plus(allocatedAt, g.supervision.after);
    const meetingStart =
      supervisedAt === undefined || g.supervision?.meetingAfter == null
        ? undefined
        : plus(supervisedAt, g.supervision.meetingAfter);
    return exampleCase({
      reportAt,
      strategyAt,
      allocatedAt,
      ...(supervisedAt === undefined ? {} : { supervisedAt }),
      ...(meetingStart === undefined ? {} : { meetingStart }),
    });
  });
