/**
 * Group commit (`createAimline({ groupCommit: true })`): commands executed in the same turn of
 * the event loop commit together — one `appendMany` — and each is answered as it would have
 * been alone, only once its group is stored.
 */
import { describe, expect, it } from 'vitest';
import {
  appendGroup,
  delegatingStore,
  InMemoryEventStore,
  type AppendRequest,
} from '@aimline/kernel';
import { reportConcern, setUp, socialWorker } from './fixtures.js';

/**
 * An in-memory store that records its group commits (`appendMany`: one per group, the streams
 * it appends to) and how many are in flight at once. A group commit waits for `hold` when one
 * is given: `holding` resolves when the first group is held.
 */
const countingStore = (hold?: Promise<void>) => {
  const inner = new InMemoryEventStore();
  const groups: string[][] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  let held: () => void = () => undefined;
  const holding = new Promise<void>((resolve) => (held = resolve));
  const store = delegatingStore(inner, {
    appendMany: async (requests: ReadonlyArray<AppendRequest>) => {
      groups.push(requests.map((r) => r.stream));
      mostInFlight = Math.max(mostInFlight, ++inFlight);
      try {
        if (hold !== undefined && groups.length === 1) {
          held();
          await hold;
        }
        return await appendGroup(inner, requests);
      } finally {
        inFlight--;
      }
    },
  });
  return {
    store,
    groups: () => groups.map((g) => g.length),
    streams: groups,
    holding,
    mostInFlight: () => mostInFlight,
  };
};

describe('group commit', () => {
  it('given commands executed together, then they are stored in one group, each answered as alone: a refusal blocks none of the others', async () => {
    const { store, groups } = countingStore();
    const { aimline } = setUp({ store, groupCommit: true });
    const results = await Promise.all([
      aimline.hsb.execute(socialWorker, reportConcern('case-1')),
      aimline.hsb.execute(socialWorker, reportConcern('case-2')),
      // A concern reported again on a case that has one (decided after the first) is refused alone.
      aimline.hsb.execute(socialWorker, reportConcern('case-1')),
      aimline.hsb.execute(socialWorker, reportConcern('case-3')),
    ]);
    expect(results.map((r) => r.kind)).toEqual(['Accepted', 'Accepted', 'Rejected', 'Accepted']);
    expect(results[2]).toMatchObject({ kind: 'Rejected', ruleId: expect.any(String) as string });
    expect(groups()).toEqual([3]);
    expect(await store.streamRevision('hsb-case-case-1')).toBe(0);
    expect(await store.streamRevision('hsb-case-case-3')).toBe(0);
  });

  it('given commands executed one after another, then each is its own group', async () => {
    const { store, groups } = countingStore();
    const { aimline } = setUp({ store, groupCommit: true });
    expect((await aimline.hsb.execute(socialWorker, reportConcern('case-1'))).kind).toBe(
      'Accepted',
    );
    expect((await aimline.hsb.execute(socialWorker, reportConcern('case-2'))).kind).toBe(
      'Accepted',
    );
    expect(groups()).toEqual([1, 1]);
  });

  it('given commands executed while a group commits, then they collect into the next group, which is decided on what the first stored: one group in flight at a time', async () => {
    let release: () => void = () => undefined;
    const { store, streams, holding, mostInFlight } = countingStore(
      new Promise((resolve) => (release = resolve)),
    );
    const { aimline } = setUp({ store, groupCommit: true });
    const first = aimline.hsb.execute(socialWorker, reportConcern('case-1'));
    await holding;
    // The first group is committing: these come meanwhile, on its stream and on another.
    const next = Promise.all([
      aimline.hsb.execute(socialWorker, reportConcern('case-1')),
      aimline.hsb.execute(socialWorker, reportConcern('case-2')),
    ]);
    for (let turn = 0; turn < 10; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(streams).toEqual([['hsb-case-case-1']]);
    release();
    const [again, other] = await next;
    expect((await first).kind).toBe('Accepted');
    // Decided after the first group was stored: the concern already reported is refused, not a conflict retried.
    expect(again).toMatchObject({ kind: 'Rejected', ruleId: expect.any(String) as string });
    expect(other.kind).toBe('Accepted');
    expect(streams).toEqual([['hsb-case-case-1'], ['hsb-case-case-2']]);
    expect(mostInFlight()).toBe(1);
    expect(await store.streamRevision('hsb-case-case-1')).toBe(0);
  });
});
