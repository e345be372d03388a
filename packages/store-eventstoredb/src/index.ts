export { EventStoreDbStore, type EventStoreDbStoreOptions } from './eventstoredb-store.js';
export { openEventStoreDbStore } from './open-store.js';
export {
  eventStoreDbClientFromUrl,
  eventStoreDbConnectionString,
  type ConnectionStringOptions,
  type EventStoreDbEndpoint,
  type NodePreference,
} from './connection.js';
export type { EventStoreDbClientLike, ClientSubscription } from './client-port.js';
export { mapClientError, type ErrorContext } from './error-mapping.js';
export { toClientExpectedRevision, exactExpectedRevision } from './expected-revision.js';
export { revisionFromClient, revisionToClient, commitPositionOf } from './bigint-conversion.js';
export { backoffDelay, defaultReconnectPolicy, type ReconnectPolicy } from './backoff.js';
export {
  subscribeToAllEvents,
  type ReconnectNotice,
  type SubscriptionSettings,
} from './subscription.js';
export { checkpointStreamOf, CHECKPOINT_EVENT_TYPE } from './checkpoints.js';
export { commandStreamOf, COMMAND_CLAIM_EVENT_TYPE } from './command-claims.js';
