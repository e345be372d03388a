/**
 * Group commit (`createAimline({ groupCommit: true })`): commands executed in the same turn of
 * the event loop commit together — one `appendMany` — and each is answered as it would have
 * been alone, only once its group is stored.
 */
import { describe, expect, it } from 'vitest';
import { InMemoryEventStore, type AppendRequest } from '@aimline/kernel';
import { reportConcern, setUp, socialWorker } from './fixtures.js';

/** An in-memory store that counts its group commits (`appendMany`: one per group). */
const countingStore = () => {
  const store = new InMemoryEventStore();
  const groups: number[] = [];
  const appendMany = async (requests: ReadonlyArray<AppendRequest>) => {
    groups.push(requests.length);
    const outcomes = [];
    for (const r of requests)
      try {
        outcomes.push({
          kind: 'appended' as const,
          result: await store.append(r.stream, r.events, { expectedRevision: r.expectedRevision }),
        });
      } catch (e) {
        outcomes.push({ kind: 'refused' as const, error: e as never });
      }
    return outcomes;
  };
  return { store: Object.assign(store, { appendMany }), groups };
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
    expect(groups).toEqual([3]);
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
    expect(groups).toEqual([1, 1]);
  });
});
