import { expect } from 'vitest';
import { DateTime } from 'luxon';
import { isWorkingDay, type Calendar } from '@aimline/calendar';
import type { DemoResult } from '../src/run-scenarios.js';
import type { ScenarioStep } from '../src/scenario.js';

/** Every generated command was accepted, except the ones generated on purpose to be refused. */
export const expectNoUnplannedOutcomes = (result: DemoResult): void => {
  expect(
    result.rejected,
    `unexpected rejections: ${JSON.stringify(result.rejected, null, 2)}`,
  ).toEqual([]);
  expect(result.failed, `failures: ${JSON.stringify(result.failed, null, 2)}`).toEqual([]);
};

/**
 * The rule ids of the steps generated on purpose to be refused (sorted), each of which was
 * refused under exactly that rule.
 */
export const plannedRejections = (
  steps: ReadonlyArray<ScenarioStep>,
  result: DemoResult,
): string[] => {
  const planned = steps.flatMap((s) =>
    s.expectRejection === undefined ? [] : [s.expectRejection],
  );
  expect(result.expectedRejections.map((r) => r.ruleId).sort()).toEqual([...planned].sort());
  return planned.sort();
};

/**
 * Every command happens on a working day between 09:00 and `latest` (Europe/London), its `at`
 * in the one UTC form, by an invented actor (id, role, agency: no name), with its own
 * version-4-shaped command id.
 */
export const expectOfficeHoursByInventedActors = (
  steps: ReadonlyArray<ScenarioStep>,
  calendar: Calendar,
  latest: number,
): void => {
  for (const s of steps) {
    const where = `${s.command.type} at ${s.command.at}`;
    expect(s.command.at, where).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const local = DateTime.fromISO(s.command.at, { zone: 'Europe/London' });
    const minutes = local.hour * 60 + local.minute;
    expect(minutes, where).toBeGreaterThanOrEqual(9 * 60);
    expect(minutes, where).toBeLessThanOrEqual(latest);
    expect(isWorkingDay(calendar, s.command.at), where).toBe(true);
    expect(Object.keys(s.command.actor).sort()).toEqual(['agency', 'id', 'role']);
    expect(s.command.actor.id).toMatch(/^[a-z-]+-\d{4}$/);
    expect(s.commandId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  }
  expect(new Set(steps.map((s) => s.commandId)).size).toBe(steps.length);
};

/** The same seed gives the same steps (modules by name); another seed gives other steps. */
export const expectSeedDetermined = (
  generate: (seed: number) => ReadonlyArray<ScenarioStep>,
): void => {
  const strip = (seed: number) =>
    generate(seed).map(({ module: m, ...rest }) => ({ module: m.name, ...rest }));
  expect(strip(7)).toEqual(strip(7));
  expect(strip(8)).not.toEqual(strip(7));
};
