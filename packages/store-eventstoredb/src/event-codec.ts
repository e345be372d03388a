import {
  CorruptStoreError,
  IncompatibleStoreError,
  type ChainedEvent,
  type ChainedMetadata,
  type RecordedEvent,
} from '@aimline/kernel';
import {
  jsonEvent,
  type AppendResult,
  type EventData,
  type JSONType,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { commitPositionOf, revisionFromClient } from './bigint-conversion.js';

/** Prefix of the streams that hold checkpoints (see `checkpoints.ts`); never an Aimline event stream. */
export const CHECKPOINT_STREAM_PREFIX = 'aimline-checkpoint-';

/** Prefix of the streams that claim command ids (see `command-claims.ts`); never an Aimline event stream. */
export const COMMAND_STREAM_PREFIX = 'aimline-command-';

/**
 * An event chained by the kernel as the client's event data: data as JSON, and everything
 * else the port stores (actor, times, ids, `prevHash`, `hash`, `schemaVersion`) in the
 * event's metadata JSON. Stream, revision and position are the server's own.
 */
export const toEventData = (event: ChainedEvent): EventData =>
  jsonEvent({
    id: event.id,
    type: event.type,
    data: event.data as JSONType,
    metadata: { ...event.metadata, schemaVersion: event.schemaVersion },
  });

/**
 * A batch of one event as the server stored it, from the append's own answer (its position is
 * the event's): the event as it reads back (data and metadata through JSON, as stored), without
 * a read. Undefined for a longer batch, or an answer without a position or at another revision.
 */
export const recordedFromAppend = (
  chained: ReadonlyArray<ChainedEvent>,
  result: AppendResult,
): RecordedEvent[] | undefined => {
  const event = chained[0];
  const position = commitPositionOf(result.position?.commit);
  if (chained.length !== 1 || event === undefined || position === undefined) return undefined;
  if (result.nextExpectedRevision !== BigInt(event.revision)) return undefined;
  return [
    {
      ...event,
      position,
      data: JSON.parse(JSON.stringify(event.data)) as unknown,
      metadata: JSON.parse(JSON.stringify(event.metadata)) as ChainedMetadata,
    },
  ];
};

/** Whether an event read from `$all` is the server's own (system stream or system event type). */
export const isSystemEvent = (stream: string, type: string): boolean =>
  stream.startsWith('$') || type.startsWith('$');

/** Whether a stream is one the adapter uses for its own bookkeeping. */
/** The stream that holds the store's identity (see `store-identity.ts`). */
export const IDENTITY_STREAM = 'aimline-store-identity';

export const isBookkeepingStream = (stream: string): boolean =>
  stream.startsWith(CHECKPOINT_STREAM_PREFIX) ||
  stream.startsWith(COMMAND_STREAM_PREFIX) ||
  stream === IDENTITY_STREAM;

/**
 * A resolved event read back from the server as the port's `RecordedEvent`. Fails with a
 * `CorruptStoreError` naming the stream and revision when the bytes are not an Aimline
 * event, and with an `IncompatibleStoreError` when the server gives no commit position
 * (servers before 22.6 give none on stream reads).
 */
export const fromResolvedEvent = (resolved: ResolvedEvent): RecordedEvent => {
  const event = resolved.event;
  if (event === undefined)
    throw new CorruptStoreError('a resolved event', 'it carries no event (an unresolved link?)');
  const location = `${event.streamId}@${event.revision}`;
  const revision = revisionFromClient(event.revision, location);
  const position =
    commitPositionOf(event.position?.commit) ?? commitPositionOf(resolved.commitPosition);
  if (position === undefined)
    throw new IncompatibleStoreError(
      location,
      'the server returned no commit position (EventStoreDB 22.6 or later is needed)',
    );
  if (!event.isJson) throw new CorruptStoreError(location, 'the event data is not JSON');
  const { schemaVersion, ...metadata } = metadataOf(event.metadata, location);
  return {
    id: event.id,
    stream: event.streamId,
    revision,
    position,
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata,
  };
};

const metadataOf = (
  raw: unknown,
  location: string,
): ChainedMetadata & { readonly schemaVersion: number } => {
  if (typeof raw !== 'object' || raw === null || raw instanceof Uint8Array || Array.isArray(raw))
    throw new CorruptStoreError(location, 'the event metadata is not a JSON object');
  const m = raw as Record<string, unknown>;
  for (const field of [
    'occurredAt',
    'recordedAt',
    'commandId',
    'correlationId',
    'causationId',
    'prevHash',
    'hash',
  ])
    if (typeof m[field] !== 'string')
      throw new CorruptStoreError(location, `metadata.${field} is missing or not a string`);
  if (typeof m['actor'] !== 'object' || m['actor'] === null)
    throw new CorruptStoreError(location, 'metadata.actor is missing');
  const schemaVersion = m['schemaVersion'];
  if (typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1)
    throw new CorruptStoreError(
      location,
      'metadata.schemaVersion is missing or not an integer ≥ 1',
    );
  return m as unknown as ChainedMetadata & { readonly schemaVersion: number };
};
