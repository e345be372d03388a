import { describe, expect, it } from 'vitest';
import type { EventStore } from '../store/event-store.js';
import { StoreDisposedError } from '../store/errors.js';
import { appendContract } from './contract-appends.js';
import { contractContext, type ContractOptions } from './contract-context.js';
import { groupContract } from './contract-group.js';
import { headPositionContract } from './contract-head-position.js';
import { idempotencyContract } from './contract-idempotency.js';
import { modelContract } from './contract-model.js';
import { readContract } from './contract-reads.js';
import { streamEndContract } from './contract-stream-end.js';
import { subscriptionContract } from './contract-subscriptions.js';
import { samples } from './sample-events.js';

export type { ContractOptions } from './contract-context.js';

/**
 * The event-store contract: every adapter runs exactly these tests. `open` returns a store
 * (a new one, or a shared one: every test uses streams of its own unique prefix and filters
 * reads of all streams by it, so a shared server is fine).
 */
export const eventStoreContract = (
  name: string,
  open: () => Promise<EventStore>,
  options: ContractOptions,
): void => {
  const ctx = contractContext(open, options);
  describe(`EventStore contract: ${name}`, () => {
    appendContract(ctx);
    groupContract(ctx);
    idempotencyContract(ctx);
    readContract(ctx);
    streamEndContract(ctx);
    headPositionContract(ctx);
    subscriptionContract(ctx);
    modelContract(ctx);
    if (options.testsDispose !== false)
      it('refuses every call after dispose with a typed error', async () => {
        const store = await open();
        await store.dispose();
        await expect(
          store.append('x-1', samples(1), { expectedRevision: 'any' }),
        ).rejects.toBeInstanceOf(StoreDisposedError);
        await expect(store.streamRevision('x-1')).rejects.toBeInstanceOf(StoreDisposedError);
      });
  });
};
