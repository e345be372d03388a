import { expect, it } from 'vitest';
import type { EventStore } from '../store/event-store.js';
import { verifyLink } from '../store/hash-chain.js';
import type { ContractContext } from './contract-context.js';
import { collect } from '../collect.js';
import { samples, uniquePrefix } from './sample-events.js';

/** Reads of one stream and of all streams, the per-stream hash chain, checkpoints. */
export const readContract = ({ withStore }: ContractContext): void => {
  it('reads a stream backwards, from a revision, and up to a count', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('read')}1`;
      await store.append(s, samples(6), { expectedRevision: 'no-stream' });
      const rev = async (o: Parameters<EventStore['readStream']>[1]) =>
        (await collect(store.readStream(s, o))).map((e) => e.revision);
      expect(await rev({ direction: 'backwards' })).toEqual([5, 4, 3, 2, 1, 0]);
      expect(await rev({ direction: 'backwards', fromRevision: 3, maxCount: 2 })).toEqual([3, 2]);
      expect(await rev({ fromRevision: 4 })).toEqual([4, 5]);
      expect(await rev({ fromRevision: 1, maxCount: 2 })).toEqual([1, 2]);
      expect(await rev({ fromRevision: 9 })).toEqual([]);
      expect(await collect(store.readStream(`${s}-missing`))).toEqual([]);
    }));

  it('reads all streams in global order, after a position, filtered by stream prefix', () =>
    withStore(async (store) => {
      const prefix = uniquePrefix('all');
      const order: string[] = [];
      for (let i = 0; i < 6; i++) {
        const s = `${prefix}${i % 3}`;
        const batch = samples(2, i * 2);
        await store.append(s, batch, { expectedRevision: 'any' });
        order.push(...batch.map((e) => e.id));
      }
      const all = await collect(store.readAll({ filter: { streamPrefixes: [prefix] } }));
      expect(all.map((e) => e.id)).toEqual(order);
      for (let i = 1; i < all.length; i++)
        expect(all[i]!.position > all[i - 1]!.position).toBe(true);
      const after = await collect(
        store.readAll({ after: all[4]!.position, filter: { streamPrefixes: [prefix] } }),
      );
      expect(after.map((e) => e.id)).toEqual(order.slice(5));
      const page = await collect(
        store.readAll({
          after: all[1]!.position,
          maxCount: 3,
          filter: { streamPrefixes: [prefix] },
        }),
      );
      expect(page.map((e) => e.id)).toEqual(order.slice(2, 5));
      const one = await collect(store.readAll({ filter: { streamPrefixes: [`${prefix}1`] } }));
      expect(one.every((e) => e.stream === `${prefix}1`)).toBe(true);
      expect(one.length).toBe(4);
    }));

  it('chains every stream by hash, and the chain verifies', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('hash')}1`;
      await store.append(s, samples(3), { expectedRevision: 'no-stream' });
      await store.append(s, samples(2, 3), { expectedRevision: 2 });
      const events = await collect(store.readStream(s));
      let previous: { revision: number; hash: string } | undefined;
      for (const e of events) {
        expect(verifyLink(e, previous)).toBeUndefined();
        previous = { revision: e.revision, hash: e.metadata.hash };
      }
      const tampered = { ...events[1]!, data: { n: 99 } };
      expect(verifyLink(tampered, { revision: 0, hash: events[0]!.metadata.hash })).toMatchObject({
        kind: 'HashMismatch',
        revision: 1,
      });
    }));

  it('carries an identity: a UUID, the same on every call', () =>
    withStore(async (store) => {
      const identity = await store.identity();
      expect(identity).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(await store.identity()).toBe(identity);
    }));

  it('saves and loads checkpoints', () =>
    withStore(async (store) => {
      const n = uniquePrefix('cp');
      expect(await store.checkpoints.load(n)).toBeUndefined();
      await store.checkpoints.save(n, 42n);
      expect(await store.checkpoints.load(n)).toBe(42n);
      await store.checkpoints.save(n, 2n ** 63n - 1n);
      expect(await store.checkpoints.load(n)).toBe(2n ** 63n - 1n);
    }));
};
