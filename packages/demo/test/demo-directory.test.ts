import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseDirectory, roles } from '@aimline/governance';
import { InMemoryEventStore, type RecordedEvent } from '@aimline/kernel';
import { demoDirectory } from '../src/directory.js';
import { demoSteps } from '../src/generators.js';
import { runScenarios } from '../src/run-scenarios.js';
import { councilModules, defaultPolicy } from './council.js';

const steps = demoSteps({
  seed: 11,
  policy: defaultPolicy,
  modules: councilModules(defaultPolicy),
  from: '2023-09-04T09:00:00Z',
  years: 2,
  cases: 6,
}).steps;

describe('aimline demo: the invented council directory (principals.json)', () => {
  it('parses strictly and holds at least one principal of every role', () => {
    const directory = parseDirectory(demoDirectory(steps));
    expect(E.isRight(directory)).toBe(true);
    if (E.isLeft(directory)) return;
    const held = new Set([...directory.right.entries.values()].map((e) => e.role));
    expect(roles.filter((r) => !held.has(r))).toEqual([]);
  });

  it('every demo command is written as a principal of the directory, allocated to its stream or granted it on any stream; nothing is refused as FORBIDDEN', async () => {
    const store = new InMemoryEventStore();
    const file = demoDirectory(steps);
    const result = await runScenarios(store, steps, undefined, { directory: file });
    expect(result.failed).toEqual([]);
    const byId = new Map(file.principals.map((p) => [p.id, p]));
    const events: RecordedEvent[] = [];
    for await (const e of store.readAll()) events.push(e);
    expect(events.length).toBeGreaterThan(100);
    for (const e of events) {
      const p = byId.get(e.metadata.actor.id);
      expect(p, e.metadata.actor.id).toBeDefined();
      expect(e.metadata.actor).toEqual({ id: p!.id, role: p!.role, agency: p!.agency });
    }
  });

  it('a school representative is allocated to the cases of their pupils only', () => {
    const reps = demoDirectory(steps).principals.filter((p) => p.role === 'school-representative');
    expect(reps.length).toBeGreaterThan(0);
    for (const rep of reps) {
      expect(rep.school).toBeDefined();
      expect(rep.pupils?.length).toBeGreaterThan(0);
      expect(rep.streams.every((s) => s.startsWith('hsb-case-'))).toBe(true);
    }
  });
});
