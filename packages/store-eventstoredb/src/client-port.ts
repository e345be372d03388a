import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  AppendResult as ClientAppendResult,
  EventData,
  Filter,
  ReadPosition,
  ReadRevision,
  ResolvedEvent,
  StreamMetadata,
} from '@eventstore/db-client';

/**
 * The part of `EventStoreDBClient` (6.2.1) the adapter uses. `deadline` (ms) bounds a call on
 * the gRPC side; the adapter also bounds every call with its own timer (`call-deadline.ts`). The real client satisfies it
 * as is; tests pass a fake with the same shape to exercise reconnection without a server.
 */
export interface EventStoreDbClientLike {
  appendToStream(
    streamName: string,
    events: EventData[],
    options: { readonly expectedRevision: AppendExpectedRevision; readonly deadline?: number },
  ): Promise<ClientAppendResult>;
  readStream(
    streamName: string,
    options: {
      fromRevision?: ReadRevision;
      direction?: 'forwards' | 'backwards';
      maxCount?: number | bigint;
      deadline?: number;
    },
  ): AsyncIterable<ResolvedEvent>;
  readAll(options: {
    fromPosition?: ReadPosition;
    direction?: 'forwards' | 'backwards';
    maxCount?: number | bigint;
    deadline?: number;
  }): AsyncIterable<AllStreamResolvedEvent>;
  subscribeToAll(options: { fromPosition?: ReadPosition; filter?: Filter }): ClientSubscription;
  setStreamMetadata(
    streamName: string,
    metadata: StreamMetadata,
    options?: { readonly deadline?: number },
  ): Promise<ClientAppendResult>;
  dispose(): Promise<void>;
}

/** A live `$all` subscription as the client returns it: a readable stream of resolved events. */
export interface ClientSubscription extends AsyncIterable<AllStreamResolvedEvent> {
  unsubscribe(): Promise<void>;
  /** The readable's `destroy`: ends a pending read at once when the subscription is closed. */
  destroy?(error?: Error): unknown;
  /** The readable's `on`: an error emitted after the adapter stopped reading must not go unhandled. */
  on?(event: 'error', listener: (error: unknown) => void): unknown;
}
