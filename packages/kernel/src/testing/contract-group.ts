import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import type { EventToAppend } from '../event.js';
import { appendGroup } from '../store/append-group.js';
import type { ContractContext } from './contract-context.js';
import { collect } from '../collect.js';
import { sampleEvent, samples, uniquePrefix } from './sample-events.js';

/**
 * Group commit (`appendGroup`: the store's `appendMany` where it offers one, else one append
 * after another): every append of a group gets its own outcome, in order; a refused append
 * stores nothing and leaves the others alone; a later append sees the earlier ones.
 */
export const groupContract = ({ withStore }: ContractContext): void => {
  it('commits a group: each append its own outcome, a refused one stores nothing and blocks none', () =>
    withStore(async (store) => {
      const p = uniquePrefix('group');
      const first = samples(2);
      const again = samples(1);
      const retried = await store.append(`${p}done`, again, { expectedRevision: 'no-stream' });
      const outcomes = await appendGroup(store, [
        { stream: `${p}a`, events: first, expectedRevision: 'no-stream' },
        { stream: `${p}b`, events: samples(1), expectedRevision: 5 },
        {
          stream: `${p}c`,
          events: [{ ...sampleEvent(7), id: 'not-a-uuid' }],
          expectedRevision: 'any',
        },
        { stream: `${p}a`, events: samples(1, 2), expectedRevision: 1 },
        { stream: `${p}done`, events: again, expectedRevision: 'no-stream' },
        { stream: `${p}d`, events: samples(1), expectedRevision: 'no-stream' },
      ]);
      expect(outcomes.map((o) => o.kind)).toEqual([
        'appended',
        'refused',
        'refused',
        'appended',
        'appended',
        'appended',
      ]);
      expect(outcomes[1]).toMatchObject({
        error: { kind: 'WrongExpectedRevision', actual: undefined },
      });
      expect(outcomes[2]).toMatchObject({ error: { kind: 'InvalidAppend' } });
      // The later append to the same stream saw the first: revision 2, chained to revision 1.
      const a = await collect(store.readStream(`${p}a`));
      expect(a.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2]);
      expect(a[2]!.metadata.prevHash).toBe(a[1]!.metadata.hash);
      // The repeated append is the original result, stored once.
      expect(outcomes[4]).toMatchObject({
        result: { nextExpectedRevision: 0, events: [{ id: retried.events[0]!.id }] },
      });
      expect(await store.streamRevision(`${p}done`)).toBe(0);
      expect(await store.streamRevision(`${p}b`)).toBeUndefined();
      expect(await store.streamRevision(`${p}c`)).toBeUndefined();
      expect(await store.streamRevision(`${p}d`)).toBe(0);
      // Positions follow the group's order.
      const positions = [0, 3, 5].map((i) => {
        const o = outcomes[i]!;
        return o.kind === 'appended' ? o.result.position : -1n;
      });
      expect(positions[0]! < positions[1]! && positions[1]! < positions[2]!).toBe(true);
    }));

  it('refuses, in a group, every append to a stream after one of the group refused there (each was built on it)', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('group-built-on')}1`;
      await store.append(s, samples(1), { expectedRevision: 'no-stream' });
      const outcomes = await appendGroup(store, [
        { stream: s, events: samples(2, 1), expectedRevision: 5 },
        // Would meet its expected revision on its own: the refused append's events are not there.
        { stream: s, events: samples(1, 3), expectedRevision: 0 },
      ]);
      expect(outcomes.map((o) => o.kind)).toEqual(['refused', 'refused']);
      expect(outcomes[1]).toMatchObject({ error: { kind: 'WrongExpectedRevision', actual: 0 } });
      expect(await store.streamRevision(s)).toBe(0);
    }));

  it("looks up many streams' revisions at once, and a recorded command's events by its id (where the store offers them)", () =>
    withStore(async (store) => {
      const p = uniquePrefix('bulk');
      // One command recording two events: both carry the first's command id and fingerprint.
      const [first, second] = samples(2) as [EventToAppend, EventToAppend];
      const command = [first, { ...second, metadata: first.metadata }];
      await store.append(`${p}a`, samples(1), { expectedRevision: 'no-stream' });
      const b = await store.append(`${p}b`, command, { expectedRevision: 'no-stream' });
      expect(b.nextExpectedRevision).toBe(1);
      if (store.streamRevisions !== undefined) {
        const revisions = await store.streamRevisions([`${p}a`, `${p}b`, `${p}missing`, `${p}a`]);
        expect([...revisions.entries()].sort()).toEqual([
          [`${p}a`, 0],
          [`${p}b`, 1],
        ]);
        expect((await store.streamRevisions([])).size).toBe(0);
      }
      if (store.eventsOfCommand !== undefined) {
        const found = await store.eventsOfCommand(command[0]!.metadata.commandId.toUpperCase());
        expect(found.map((e) => [e.id, e.revision, e.position])).toEqual(
          b.events.map((e) => [e.id, e.revision, e.position]),
        );
        expect(found.map((e) => e.metadata.hash)).toEqual(b.events.map((e) => e.metadata.hash));
        expect(await store.eventsOfCommand(randomUUID())).toEqual([]);
      }
    }));

  it('commits an empty group as nothing', () =>
    withStore(async (store) => {
      expect(await appendGroup(store, [])).toEqual([]);
    }));
};
