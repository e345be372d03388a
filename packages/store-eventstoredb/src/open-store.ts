import type { EventStoreDbClientLike } from './client-port.js';
import { eventStoreDbClientFromUrl } from './connection.js';
import { EventStoreDbStore, type EventStoreDbStoreOptions } from './eventstoredb-store.js';

/**
 * The adapter over a client, or over a client it makes from a URL (see
 * `eventStoreDbClientFromUrl`). A store opened from a URL owns its client: `dispose()`
 * disposes it (so CLIs and tests exit); one given a client leaves it open unless
 * `disposeClient: true`.
 */
export const openEventStoreDbStore = (
  clientOrUrl: EventStoreDbClientLike | string,
  options: EventStoreDbStoreOptions = {},
): EventStoreDbStore =>
  typeof clientOrUrl === 'string'
    ? new EventStoreDbStore(eventStoreDbClientFromUrl(clientOrUrl), {
        disposeClient: true,
        ...options,
      })
    : new EventStoreDbStore(clientOrUrl, options);
