import type { EventStore } from '../store/event-store.js';

export interface ContractOptions {
  /** Runs of the model-based property (default 30). */
  readonly numRuns?: number;
  /** Concurrent writers in the race test (default 8). */
  readonly writers?: number;
  /** Whether `dispose()` is tested (off when the factory shares one client). */
  readonly testsDispose?: boolean;
  /**
   * Whether the store records each stream's end apart from its events (offers
   * `recordedStreamEnd`): the contract checks the member is present exactly when this is set.
   */
  readonly recordsStreamEnd: boolean;
}

/** What every part of the contract suite works with. */
export interface ContractContext {
  readonly open: () => Promise<EventStore>;
  readonly options: ContractOptions;
  readonly numRuns: number;
  readonly writers: number;
  /** Opens a store, runs `f` with it and disposes it (unless the factory shares one client). */
  readonly withStore: <T>(f: (store: EventStore) => Promise<T>) => Promise<T>;
}

export const contractContext = (
  open: () => Promise<EventStore>,
  options: ContractOptions,
): ContractContext => ({
  open,
  options,
  numRuns: options.numRuns ?? 30,
  writers: options.writers ?? 8,
  withStore: async (f) => {
    const store = await open();
    try {
      return await f(store);
    } finally {
      if (options.testsDispose !== false) await store.dispose();
    }
  },
});
