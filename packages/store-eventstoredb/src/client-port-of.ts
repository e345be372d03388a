import { EventStoreDBClient, jsonEvent, type EventData } from '@eventstore/db-client';
// The unary Append RPC of the pinned client (6.2.1): see `clientPortOf` for why not its default.
import { append } from '@eventstore/db-client/dist/streams/appendToStream/append.js';
import { prepareStreamMetadata } from '@eventstore/db-client/dist/streams/utils/streamMetadata.js';
import { metastreamOf } from '@eventstore/db-client/dist/streams/utils/systemStreams.js';
import type { EventStoreDbClientLike } from './client-port.js';

/**
 * The port over a real `EventStoreDBClient`, appending through the unary `Append` RPC, not the
 * client's default batch-append stream. Why, as seen on a real 3-node cluster (failover test):
 * - the 6.2.1 client sends every append of a client over one long-lived batch-append stream
 *   opened with no gRPC deadline; a follower that forwarded an append to a leader killed
 *   meanwhile never answers it, so that append never settled;
 * - its table of pending batch appends is one per process: when one client's stream fails it
 *   rejects every client's pending appends, and when the server then answers one of them the
 *   client throws `TypeError: undefined is not iterable` inside gRPC's message handler (an
 *   unhandled rejection, which ends a Node process by default).
 * A unary append is one gRPC call with its own deadline and its own outcome. Any other client
 * (a fake, a wrapper) is used as it is.
 */
export const clientPortOf = (client: EventStoreDbClientLike): EventStoreDbClientLike => {
  if (!(client instanceof EventStoreDBClient)) return client;
  const appendUnary = (
    stream: string,
    events: EventData[],
    options: Parameters<EventStoreDbClientLike['appendToStream']>[2],
  ) =>
    append.call(client, stream, events, {
      expectedRevision: options.expectedRevision,
      batchAppendSize: Number.MAX_SAFE_INTEGER,
      ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
    });
  return {
    appendToStream: appendUnary,
    readStream: (stream, options) => client.readStream(stream, options),
    readAll: (options) => client.readAll(options),
    subscribeToAll: (options) => client.subscribeToAll(options),
    setStreamMetadata: (stream, metadata, options = {}) =>
      appendUnary(
        metastreamOf(stream),
        [jsonEvent({ type: '$metadata', data: prepareStreamMetadata(metadata) })],
        { expectedRevision: 'any', ...options },
      ),
    dispose: () => client.dispose(),
  };
};
