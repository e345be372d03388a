import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toInstant } from '@aimline/calendar';
import { InMemoryEventStore } from '@aimline/kernel';
import { demoSteps, runScenarios } from '@aimline/demo';
import { openSpillFile, type SpillFile } from '@aimline/store-sqlite';
import { domainRegistry, loadCouncilPolicy } from '@aimline/aimline';
import {
  deadlineReport,
  deadlineTracker,
  eventDecoder,
  replayAsOf,
  spillingStreamTable,
} from '@aimline/projections';
import { attendanceOverview, attendanceOverviewProjection } from '../src/views/attendance-views.js';
import { panelScorecardProjection, panelScorecards } from '../src/views/panel-views.js';
import type { Runtime } from '../src/runtime.js';

const policy = loadCouncilPolicy(undefined);
if (E.isLeft(policy)) throw new Error(policy.left);
const registry = domainRegistry(policy.right);
const decode = eventDecoder(registry.modules);
const store = new InMemoryEventStore();
/** What the views read of the runtime: the policy, and where set-aside events go. */
const rt = { policy: policy.right, unreadable: { add: () => undefined } } as unknown as Runtime;

let dir: string;
const spills: Array<SpillFile<never>> = [];
/** A table of at most `capacity` streams in memory, the rest in a scratch SQLite file. */
const bounded = <V>(capacity: number) => {
  const spill = openSpillFile<V>(join(dir, `spill-${spills.length}.db`));
  spills.push(spill as SpillFile<never>);
  return spillingStreamTable(spill, { capacity });
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aimline-bounded-'));
  const { steps } = demoSteps({
    seed: 11,
    cases: 4,
    years: 2,
    from: '2024-09-02T09:00:00Z',
    policy: policy.right,
    modules: registry.modules,
  });
  const result = await runScenarios(store, steps, () => undefined);
  expect(result.failed).toEqual([]);
}, 120_000);

afterAll(() => {
  for (const s of spills) s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bounded projections over the demo council (every domain): the same answers as unbounded', () => {
  const asOfs = ['2026-03-31T12:00:00Z', '2026-09-01T12:00:00Z'];

  it.each(asOfs)(
    'deadline report at %s, with 3 streams in memory and the rest spilled',
    async (at) => {
      const asOf = toInstant(at);
      const all = await replayAsOf(store, decode, deadlineTracker(registry.modules), asOf);
      const few = await replayAsOf(
        store,
        decode,
        deadlineTracker(registry.modules, { streams: () => bounded(3) }),
        asOf,
      );
      expect(all.state.streams.size).toBeGreaterThan(10);
      expect(few.state.streams.size).toBe(all.state.streams.size);
      const report = deadlineReport(all.state, registry.modules, asOf);
      expect(report.deadlines.length).toBeGreaterThan(10);
      expect(JSON.stringify(deadlineReport(few.state, registry.modules, asOf))).toBe(
        JSON.stringify(report),
      );
    },
  );

  it.each(asOfs)('attendance overview at %s, with 2 cases in memory', async (at) => {
    const asOf = toInstant(at);
    const all = await replayAsOf(store, decode, attendanceOverviewProjection(registry), asOf);
    const few = await replayAsOf(
      store,
      decode,
      attendanceOverviewProjection(registry, () => bounded(2)),
      asOf,
    );
    expect(all.state.cases.size).toBeGreaterThan(2);
    expect(JSON.stringify(attendanceOverview(rt, few.state.cases, asOf))).toBe(
      JSON.stringify(attendanceOverview(rt, all.state.cases, asOf)),
    );
  });

  it('panel scorecards, with 2 children in memory', async () => {
    const all = await replayAsOf(store, decode, panelScorecardProjection(registry), undefined);
    const few = await replayAsOf(
      store,
      decode,
      panelScorecardProjection(registry, () => bounded(2)),
      undefined,
    );
    const cards = panelScorecards(rt, all.state);
    expect(cards.reduce((n, c) => n + c.referrals, 0)).toBeGreaterThan(2);
    expect(JSON.stringify(panelScorecards(rt, few.state))).toBe(JSON.stringify(cards));
  });
});
