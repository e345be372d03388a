import { expect, it } from 'vitest';
import type { ContractContext } from './contract-context.js';
import { samples, uniquePrefix } from './sample-events.js';

/**
 * `headPosition`: a position at or after the store's last event, so a read of all streams
 * after it gives only what is appended later (a shared server may hold other events, and
 * EventStoreDB its own: only "at or after" and "nothing of this test's after it" are asked).
 */
export const headPositionContract = ({ withStore }: ContractContext): void => {
  it('tells a position at or after its last event (headPosition): a read of all streams after it gives only what is appended later', () =>
    withStore(async (store) => {
      const prefix = uniquePrefix('head');
      const filter = { streamPrefixes: [prefix] };
      const first = await store.append(`${prefix}a`, samples(2), { expectedRevision: 'no-stream' });
      const head = await store.headPosition();
      expect(head).toBeDefined();
      expect(head! >= first.position).toBe(true);
      const before: unknown[] = [];
      for await (const e of store.readAll({ after: head!, filter })) before.push(e);
      expect(before).toEqual([]);
      const second = await store.append(`${prefix}b`, samples(1, 2), {
        expectedRevision: 'no-stream',
      });
      const after: bigint[] = [];
      for await (const e of store.readAll({ after: head!, filter })) after.push(e.position);
      expect(after).toEqual([second.position]);
      expect((await store.headPosition())! >= second.position).toBe(true);
    }));
};
