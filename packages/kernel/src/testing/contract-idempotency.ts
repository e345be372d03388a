import { expect, it } from 'vitest';
import { DuplicateEventIdError } from '../store/errors.js';
import type { ContractContext } from './contract-context.js';
import { collect, sampleEvent, samples, uniquePrefix } from './sample-events.js';

/** Idempotency: by event id and by command (id and fingerprint). */
export const idempotencyContract = ({ withStore }: ContractContext): void => {
  it('is idempotent by event id: a retried append stores nothing and returns the original result', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('idem')}1`;
      const batch = samples(3);
      const first = await store.append(s, batch, { expectedRevision: 'no-stream' });
      const again = await store.append(s, batch, { expectedRevision: 'no-stream' });
      expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
      expect(again.position).toBe(first.position);
      expect(again.events.map((e) => e.id)).toEqual(first.events.map((e) => e.id));
      const anyAgain = await store.append(s, batch, { expectedRevision: 'any' });
      expect(anyAgain.nextExpectedRevision).toBe(2);
      expect((await collect(store.readStream(s))).length).toBe(3);
    }));

  it('refuses the same event id with different content', () =>
    withStore(async (store) => {
      const s = `${uniquePrefix('dup')}1`;
      const e = sampleEvent(1);
      await store.append(s, [e], { expectedRevision: 'no-stream' });
      const changed = { ...e, data: { n: 2, note: 'altered' } };
      await expect(store.append(s, [changed], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect((await collect(store.readStream(s))).map((x) => x.data)).toEqual([e.data]);
    }));
};
