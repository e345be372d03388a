/**
 * Issue 13 item 2, the timeline (and so the HTML report, which draws it): a principal whose grant
 * shows only some event types of a case sees its timeline's deadlines as the whole history says
 * they stand (`standingTimeline`): never open when an entry they may not see met it, only the
 * deadlines their own view opens, and nothing of a withheld entry but a deadline's standing.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Deadline } from '@aimline/calendar';
import type { EventStore } from '@aimline/kernel';
import {
  deadlineKey,
  defaultAccessPolicy,
  memoryAccessLog,
  needToKnowReader,
  SETTLED_OUT_OF_VIEW,
  type AccessPolicy,
  type Principal,
} from '@aimline/governance';
import { caseTimeline, eventDecoder, type CaseTimeline } from '@aimline/projections';
import { hsb, principal } from '../../governance/test/access-fixtures.js';
import {
  anyPolicy,
  anyPrincipal,
  anySteps,
  CASES,
  concernOnly,
  storeOf,
  waiverReason,
  withoutWaiverReason,
} from '../../governance/test/deadline-histories.js';
import { principalView, standingTimeline } from '../src/index.js';

const decode = eventDecoder([hsb]);

/** The principal's view of the store: what they may read, and the whole history it stands on. */
const viewOf = (store: EventStore, policy: AccessPolicy, who: Principal) => {
  const reader = needToKnowReader({
    store,
    modules: [hsb],
    policy,
    principal: who,
    log: memoryAccessLog(),
    clock: () => '2026-09-01T09:00:00Z',
  });
  const request = { purpose: 'case review' };
  return principalView(reader, request);
};

const keyed = (stream: string, deadlines: ReadonlyArray<Deadline>) =>
  new Map(deadlines.map((deadline) => [deadlineKey({ stream, deadline }), deadline]));
const idOf = (d: Pick<Deadline, 'ruleId' | 'label' | 'due'>) => `${d.ruleId}|${d.label}|${d.due}`;

describe('the timeline shows deadlines as the whole history says they stand (issue 13 item 2)', () => {
  it('HSB-2: given a principal who sees the concern but not the strategy discussion held on time, then the timeline shows HSB-2 met, and no entry they see settles it', async () => {
    const store = await storeOf([
      { strategyAfterHours: 6, route: true, section47: false, close: false },
    ]);
    const view = viewOf(store, concernOnly, principal('health', { streams: ['hsb-case-C-1'] }));
    const own = await caseTimeline(view, decode, hsb, 'hsb-case-C-1');
    // Their own view alone (what the timeline showed before) says open: the entry that met it
    // is not theirs to see, and their last entry is the concern.
    expect(own.deadlines.find((d) => d.ruleId === 'HSB-2')?.status.kind).toBe('open');
    const { timeline, judgedAt } = await standingTimeline(view, decode, hsb, 'hsb-case-C-1');
    expect(timeline.deadlines.find((d) => d.ruleId === 'HSB-2')?.status).toEqual({
      kind: 'met',
      at: '2026-06-01T15:00:00.000Z',
    });
    expect(timeline.entries.map((e) => e.type)).toEqual(['ConcernReported']);
    expect(timeline.entries[0]!.opened.map((d) => d.ruleId)).toContain('HSB-2');
    expect(timeline.entries.flatMap((e) => e.settled)).toEqual([]);
    // Judged when the case's last entry was recorded (the route decision), as the whole
    // history has it: a deadline met after their last visible entry is met.
    expect(judgedAt).toBe('2026-06-04T16:00:00Z');
  });

  it("given a principal whose view gives the whole stream (an auditor), then it is folded once; given one who sees part of it, then twice (their own working and the whole history's)", async () => {
    const store = await storeOf([
      { strategyAfterHours: 6, route: true, section47: false, close: false },
    ]);
    const stream = 'hsb-case-C-1';
    const events = (await caseTimeline(store, decode, hsb, stream)).entries.length;
    const decodedFor = async (who: Principal, policy: AccessPolicy) => {
      let decoded = 0;
      const counting: typeof decode = (recorded) => {
        decoded++;
        return decode(recorded);
      };
      const { timeline } = await standingTimeline(
        viewOf(store, policy, who),
        counting,
        hsb,
        stream,
      );
      return { decoded, timeline };
    };
    const auditor = await decodedFor(principal('auditor'), defaultAccessPolicy);
    expect(auditor.decoded).toBe(events);
    expect(auditor.timeline).toEqual(await caseTimeline(store, decode, hsb, stream));
    const health = await decodedFor(principal('health', { streams: [stream] }), concernOnly);
    expect(health.decoded).toBe(events + health.timeline.entries.length);
  });

  test.prop([fc.array(anySteps, { minLength: 1, maxLength: 3 }), anyPolicy, anyPrincipal], {
    numRuns: 40,
  })(
    'for any history, read rules and principal: the timeline shows only the entries they may see; every deadline stands as the whole history says (never open when met); only deadlines their own view opens are shown and none of those is missing; each entry opens and settles only what both workings agree on; a waiver reason is theirs or left out',
    async (cases, policy, who) => {
      const store = await storeOf(cases);
      const view = viewOf(store, policy, who);
      for (const caseId of CASES) {
        const stream = `hsb-case-${caseId}`;
        const truth = await caseTimeline(store, decode, hsb, stream);
        if (truth.entries.length === 0) continue;
        const { timeline, judgedAt } = await standingTimeline(view, decode, hsb, stream);
        const own: CaseTimeline = await caseTimeline(view, decode, hsb, stream, judgedAt);
        // The entries are exactly what their own view shows.
        expect(timeline.entries.map((e) => [e.revision, e.type])).toEqual(
          own.entries.map((e) => [e.revision, e.type]),
        );
        if (own.entries.length === 0) {
          expect(timeline.deadlines).toEqual([]);
          continue;
        }
        expect(judgedAt).toBe(truth.entries.at(-1)!.recordedAt);
        const whole = keyed(stream, truth.deadlines);
        const mine = keyed(stream, own.deadlines);
        const shown = keyed(stream, timeline.deadlines);
        for (const [key, deadline] of shown) {
          expect(mine.has(key)).toBe(true);
          expect(withoutWaiverReason(deadline)).toEqual(withoutWaiverReason(whole.get(key)!));
          const reason = waiverReason(deadline.status);
          if (reason !== undefined)
            expect([SETTLED_OUT_OF_VIEW, waiverReason(mine.get(key)!.status)]).toContain(reason);
        }
        for (const key of mine.keys()) if (whole.has(key)) expect(shown.has(key)).toBe(true);
        const truthAt = new Map(truth.entries.map((e) => [e.revision, e]));
        const shownIds = new Set(timeline.deadlines.map(idOf));
        for (const [i, entry] of timeline.entries.entries()) {
          const t = truthAt.get(entry.revision)!;
          const ownOpened = new Set(own.entries[i]!.opened.map(idOf));
          for (const d of entry.opened) {
            expect(t.opened.map(idOf)).toContain(idOf(d));
            expect(ownOpened.has(idOf(d))).toBe(true);
          }
          for (const d of entry.settled) {
            expect(shownIds.has(idOf(d))).toBe(true);
            const settledThen = t.settled.find((s) => idOf(s) === idOf(d));
            expect(settledThen && withoutWaiverReason(settledThen)).toEqual(withoutWaiverReason(d));
          }
        }
      }
    },
  );
});
