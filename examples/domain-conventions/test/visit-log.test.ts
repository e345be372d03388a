import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deciderSpec, goldenEventsSuite } from '@aimline/kernel/testing';
import {
  makeVisitDecider,
  visitEvents,
  visitLogModule,
  type VisitCommand,
  type VisitEvent,
} from '../src/visit-log.js';

// #region tests
const spec = deciderSpec(makeVisitDecider({ maxVisits: 1, writeUpWorkingDays: 2 }));
const actor = { id: 'sw-1', role: 'social worker', agency: 'childrens-social-care' };
const booked: VisitEvent = {
  type: 'VisitBooked',
  data: {
    logId: 'log-1',
    at: '2026-03-02T09:00:00Z',
    visitId: 'v-1',
    start: '2026-03-04T10:00:00Z',
    childName: 'Robin Inventedchild',
  },
};
const complete: VisitCommand = {
  type: 'CompleteVisit',
  at: '2026-03-04T12:00:00Z',
  actor,
  data: { logId: 'log-1', visitId: 'v-1' },
};

describe('visit log', () => {
  it('VL-2: a booked visit is completed', () => {
    spec
      .given([booked])
      .when(complete)
      .then([
        {
          type: 'VisitCompleted',
          data: { logId: 'log-1', visitId: 'v-1', at: '2026-03-04T12:00:00Z' },
        },
      ]);
  });
  it('VL-2: a visit that was never booked is not completed, and the field is named', () => {
    spec.given([]).when(complete).thenRejects('VL-2', { field: 'data.visitId' });
  });
  it('VL-1: a log holds at most the policy’s number of visits', () => {
    const { at: _at, ...data } = booked.data;
    const another = { ...data, visitId: 'v-2' };
    spec
      .given([booked])
      .when({ type: 'BookVisit', at: '2026-03-02T10:00:00Z', actor, data: another })
      .thenRejects('VL-1');
  });
});

goldenEventsSuite('visit log events', visitEvents, join(import.meta.dirname, 'golden'));
// #endregion tests

describe('the module’s read side', () => {
  it('VL-3: the write-up deadline stands open until two working days after the visit, then met', () => {
    const module = visitLogModule();
    const state = [booked].reduce(module.decider.evolve, module.decider.initialState);
    expect(module.deadlines(state, '2026-03-05T09:00:00Z').map((d) => d.status.kind)).toEqual([
      'open',
    ]);
    expect(module.deadlines(state, '2026-03-02T08:00:00Z')).toEqual([]);
    const done = module.decider.evolve(state, {
      type: 'VisitCompleted',
      data: { logId: 'log-1', at: '2026-03-05T16:00:00Z', visitId: 'v-1' },
    });
    expect(module.deadlines(done, '2026-03-09T09:00:00Z').map((d) => d.status)).toEqual([
      { kind: 'met', at: '2026-03-05T16:00:00.000Z' },
    ]);
    expect(module.timeline.phaseOf(booked)).toBe('visits');
  });
});

describe('docs/domain-conventions.md', () => {
  it('every TypeScript example in the conventions is code of this package, compiled and run', () => {
    const doc = readFileSync(
      join(import.meta.dirname, '../../../docs/domain-conventions.md'),
      'utf8',
    );
    const code = ['../src/visit-log.ts', 'visit-log.test.ts']
      .map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
      .join('\n');
    const examples = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(4);
    expect(examples.filter((e) => !code.includes(e))).toEqual([]);
  });
});
