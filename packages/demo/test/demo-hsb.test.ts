import * as E from 'fp-ts/lib/Either.js';
import {
  expectNoUnplannedOutcomes,
  expectOfficeHoursByInventedActors,
  expectSeedDetermined,
  plannedRejections,
} from './demo-checks.js';
import { describe, expect, it } from 'vitest';
import type { Deadline } from '@aimline/calendar';
import { collect, InMemoryEventStore, type RecordedEvent } from '@aimline/kernel';
import { hsbDeadlines, hsbEvents, type HsbState } from '@aimline/hsb-aim';
import { meetingEvents } from '@aimline/meetings';
import { councilModules, defaultPolicy, scenarioContext } from './council.js';
import { hsbScenarios } from '../src/hsb/generator.js';
import { pathsFor } from '../src/hsb/plan.js';
import { seededRng } from '../src/rng.js';
import { runScenarios } from '../src/run-scenarios.js';
import type { ScenarioContext } from '../src/scenario.js';

const policy = defaultPolicy;
const modules = councilModules(policy);
const context = (seed: number, cases = 12): ScenarioContext =>
  scenarioContext(seed, { cases, years: 3, from: '2023-09-04T09:00:00Z' });

/**
 * The event types of the HSB case and its meeting stream that no path of the demo records;
 * every other one is left in the store (so a new event type is either recorded by a path or
 * named here).
 */
const notRecordedByTheDemo = new Set([
  'CaseLinked',
  'CaseReopened',
  'FindingRecorded',
  'ProceedingsWithdrawn',
  // the initial AIM meeting's own stream (MTG-1 … MTG-9), scheduled by a process manager
  'MeetingRescheduled',
  'MeetingCancelled',
  'MinuteTakerAllocated',
  'ContactDetailsQueried',
  'ContactDetailsAmended',
]);
/** What the referral-back path records (always present from 8 cases: HSB-30, HSB-12). */
const referralBack = new Set(['ReferredBackToChildProtection', 'RouteChanged', 'SettingEnded']);
/** What each path and feature leaves in the store. */
const characteristic = [...hsbEvents.types, ...meetingEvents.types].filter(
  (t) => !notRecordedByTheDemo.has(t) && !referralBack.has(t),
);

describe('aimline demo: synthetic HSB AIM cases', () => {
  it('seed 7, 12 cases: every command accepted except the planned typed rejections; every path recorded', async () => {
    const steps = hsbScenarios(context(7));
    const store = new InMemoryEventStore();
    const result = await runScenarios(store, steps, undefined, { modules });
    expectNoUnplannedOutcomes(result);

    // Every booking's meeting stream was scheduled by the process manager; nothing refused.
    expect(result.handOffs.refused).toEqual([]);
    const planned = plannedRejections(steps, result);
    expect(planned.length).toBeGreaterThanOrEqual(3);
    expect(planned.length).toBeLessThanOrEqual(4);
    expect(planned).toEqual(expect.arrayContaining(['FORBIDDEN', 'HSB-6', 'HSB-22']));
    // The refusal by the command policy (issue 13 item 1): typed, naming the principal and the
    // command, and nothing of it recorded.
    const forbidden = steps.find((s) => s.expectRejection === 'FORBIDDEN')!;
    expect(result.expectedRejections.find((r) => r.ruleId === 'FORBIDDEN')?.reason).toMatch(
      new RegExp(
        `^FORBIDDEN: principal "${forbidden.command.actor.id}" \\(social-worker\\) may not issue AllocateAssessors`,
      ),
    );

    const events = await collect(store.readAll());
    expect(events.filter((e) => e.metadata.commandId === forbidden.commandId)).toEqual([]);
    const types = new Set(events.map((e) => e.type));
    const missing = [...characteristic, ...referralBack].filter((t) => !types.has(t));
    expect(missing, `event types missing from the store`).toEqual([]);

    // HSB-30: the referral-back path (always present from 8 cases) shows the route change.
    const changes = events.filter((e) => e.type === 'RouteChanged');
    expect(changes.length).toBeGreaterThan(0);
    for (const e of changes)
      expect(e.data).toMatchObject({
        from: 'criminal-justice',
        to: 'child-protection',
        proceedingsEnded: { ending: 'no-further-action' },
        leadAgency: 'childrens-social-care',
      });
    // HSB-12: the same path moves the child; the new setting has its own visit and plan.
    expect(types.has('SettingEnded')).toBe(true);
    expect(
      events.filter(
        (e) =>
          e.type === 'HomeSafetyPlanAgreed' &&
          (e.data as { setting: string }).setting === 'grandparents',
      ).length,
    ).toBeGreaterThan(0);

    // Scores graph: a case with an initial scoring and several re-scorings.
    const reviewsPerStream = new Map<string, number>();
    for (const e of events)
      if (e.type === 'ReviewHeld')
        reviewsPerStream.set(e.stream, (reviewsPerStream.get(e.stream) ?? 0) + 1);
    expect(Math.max(...reviewsPerStream.values())).toBeGreaterThanOrEqual(2);

    // The under-12s model and a no-AIM route with its reason are recorded.
    const allocations = events.filter((e) => e.type === 'AssessorsAllocated');
    expect(allocations.some((e) => (e.data as { model: string }).model === 'under-12s')).toBe(true);
    expect(
      events.some(
        (e) =>
          e.type === 'RouteDecided' &&
          (e.data as { route: string; noInterventionReason?: unknown }).route ===
            'no-aim-intervention' &&
          (e.data as { noInterventionReason?: unknown }).noInterventionReason !== undefined,
      ),
    ).toBe(true);

    // Some events are recorded late (the audit trail flags them: more than 48 hours).
    const lateSteps = steps.filter(
      (s) =>
        s.recordedAt !== undefined &&
        Date.parse(s.recordedAt) - Date.parse(s.command.at) > 48 * 3_600_000,
    );
    expect(lateSteps.length).toBeGreaterThanOrEqual(2);

    // Deadlines missed on purpose: late allocation (HSB-11) and late home visit (HSB-12).
    const module = modules.find((m) => m.name === 'hsb-case')!;
    const byStream = new Map<string, RecordedEvent[]>();
    for (const e of events)
      if (e.stream.startsWith(module.streamPrefix))
        byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
    const all: Deadline[] = [];
    for (const stream of byStream.values()) {
      let state = module.decider.initialState as HsbState;
      for (const recorded of stream) {
        const decoded = module.events.decode(recorded);
        if (E.isLeft(decoded)) throw new Error(`undecodable ${recorded.type}`);
        state = module.decider.evolve(state, decoded.right) as HsbState;
      }
      all.push(...hsbDeadlines(state, policy.hsb, policy.calendar));
    }
    const breached = new Set(all.filter((d) => d.status.kind === 'breached').map((d) => d.ruleId));
    expect([...breached]).toEqual(expect.arrayContaining(['HSB-11', 'HSB-12']));
    const met = all.filter((d) => d.status.kind === 'met').length;
    expect(met).toBeGreaterThan(all.filter((d) => d.status.kind === 'breached').length * 3);
  });

  it('every command happens in business hours (Europe/London) on a working day, written as a UTC instant, by an invented actor', () => {
    const steps = hsbScenarios(context(7));
    expectOfficeHoursByInventedActors(steps, policy.calendar, 17 * 60 + 29);
  });

  it('the same seed gives the same steps; another seed gives other steps', () => {
    expectSeedDetermined((seed) => hsbScenarios(context(seed)));
  });

  it('with 6 cases every path still appears', async () => {
    const paths = pathsFor(seededRng(1), 6);
    expect(new Set(paths).size).toBe(6);
    const steps = hsbScenarios(context(11, 6));
    const store = new InMemoryEventStore();
    const result = await runScenarios(store, steps, undefined, { modules });
    expect(
      [...result.rejected, ...result.failed],
      JSON.stringify([...result.rejected, ...result.failed], null, 2),
    ).toEqual([]);
    const types = new Set((await collect(store.readAll())).map((e) => e.type));
    expect(characteristic.filter((t) => !types.has(t))).toEqual([]);
  });

  it('other seeds, sizes and windows, and a council that uses AIM3: no unexpected rejection', async () => {
    const aim3: typeof policy = {
      ...policy,
      hsb: { ...policy.hsb, modelsInUse: [...policy.hsb.modelsInUse, 'AIM3'] },
    };
    const aim3Modules = councilModules(aim3);
    const runs = [
      { seed: 1, cases: 3, years: 1, p: policy, m: modules },
      { seed: 2, cases: 9, years: 2, p: policy, m: modules },
      { seed: 3, cases: 20, years: 4, p: policy, m: modules },
      { seed: 4, cases: 12, years: 3, p: aim3, m: aim3Modules },
    ];
    for (const run of runs) {
      const steps = hsbScenarios({
        ...context(run.seed, run.cases),
        years: run.years,
        policy: run.p,
        modules: run.m,
      });
      const result = await runScenarios(new InMemoryEventStore(), steps, undefined, { modules });
      const problems = [...result.rejected, ...result.failed];
      expect(problems, `seed ${run.seed}: ${JSON.stringify(problems, null, 2)}`).toEqual([]);
      if (run.p === aim3) {
        expect(result.expectedRejections.map((r) => r.ruleId).sort()).toEqual([
          'FORBIDDEN',
          'HSB-22',
          'HSB-6',
        ]);
        expect(steps.some((s) => (s.command.data as { model?: string }).model === 'AIM3')).toBe(
          true,
        );
      }
    }
  });
});
