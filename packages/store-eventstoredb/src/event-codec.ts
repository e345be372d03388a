import {
  CorruptStoreError,
  IncompatibleStoreError,
  unreadableStoredData,
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
 * A resolved event read back from the server as the port's `RecordedEvent`, with what is damaged
 * in it. An event at a known stream and revision whose bytes are not an Aimline event's (data
 * not JSON; metadata not a JSON object, or without the fields every event carries) is still an
 * event, as SQLite's `decodeRowWithDamage` makes one: it comes out with
 * `unreadableStoredData(why)` as its data, which every event decoder refuses (so readers report
 * it, through their view, and go on), and, when the hash-chain fields are what is missing, empty
 * ones, which chain verification reports as a broken link at that revision. `damage` says why
 * (it names no value: the stored text may hold personal data). What leaves no event to report
 * (an unresolved link, an unreadable revision) throws a `CorruptStoreError`; a server that gives
 * no commit position (before 22.6) an `IncompatibleStoreError`.
 */
export const fromResolvedEventWithDamage = (
  resolved: ResolvedEvent,
): { readonly event: RecordedEvent; readonly damage: string | undefined } => {
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
  const read = metadataOf(event.metadata);
  const damage = event.isJson
    ? 'damage' in read
      ? read.damage
      : undefined
    : 'the event data is not JSON';
  const { schemaVersion, ...metadata } = 'damage' in read ? read.readable : read.metadata;
  return {
    event: {
      id: event.id,
      stream: event.streamId,
      revision,
      position,
      type: event.type,
      schemaVersion,
      data: damage === undefined ? event.data : unreadableStoredData(damage),
      metadata,
    },
    damage,
  };
};

/** `fromResolvedEventWithDamage` for reads: a damaged event is delivered for its reader to refuse. */
export const fromResolvedEvent = (resolved: ResolvedEvent): RecordedEvent =>
  fromResolvedEventWithDamage(resolved).event;

/**
 * `fromResolvedEventWithDamage` for the append path, which chains from and compares against
 * stored events: a damaged event throws a `CorruptStoreError` naming its stream and revision
 * rather than being built upon.
 */
export const fromResolvedEventStrictly = (resolved: ResolvedEvent): RecordedEvent => {
  const { event, damage } = fromResolvedEventWithDamage(resolved);
  if (damage !== undefined)
    throw new CorruptStoreError(`${event.stream}@${event.revision}`, damage);
  return event;
};

type StoredMetadata = ChainedMetadata & { readonly schemaVersion: number };

/** Fields every Aimline event's metadata holds as text. */
const TEXT_FIELDS = [
  'occurredAt',
  'recordedAt',
  'commandId',
  'correlationId',
  'causationId',
  'prevHash',
  'hash',
] as const;

/**
 * The stored metadata, or what is wrong with it and what of it can still be carried: the
 * metadata as stored when its hash-chain fields are text (so the chain check hashes it as it
 * is), else empty hash-chain fields; schema version 0 when it has none readable.
 */
const metadataOf = (
  raw: unknown,
):
  | { readonly metadata: StoredMetadata }
  | { readonly damage: string; readonly readable: StoredMetadata } => {
  if (typeof raw !== 'object' || raw === null || raw instanceof Uint8Array || Array.isArray(raw))
    return {
      damage: 'the event metadata is not a JSON object',
      readable: { prevHash: '', hash: '', schemaVersion: 0 } as unknown as StoredMetadata,
    };
  const m = raw as Record<string, unknown>;
  const chained = typeof m['prevHash'] === 'string' && typeof m['hash'] === 'string';
  const schemaVersion = m['schemaVersion'];
  const versioned =
    typeof schemaVersion === 'number' && Number.isInteger(schemaVersion) && schemaVersion >= 1;
  const missing = TEXT_FIELDS.find((field) => typeof m[field] !== 'string');
  const damage =
    missing !== undefined
      ? `metadata.${missing} is missing or not a string`
      : typeof m['actor'] !== 'object' || m['actor'] === null
        ? 'metadata.actor is missing'
        : !versioned
          ? 'metadata.schemaVersion is missing or not an integer ≥ 1'
          : undefined;
  if (damage === undefined) return { metadata: m as unknown as StoredMetadata };
  const readable = {
    ...(chained ? m : { prevHash: '', hash: '' }),
    schemaVersion: versioned ? schemaVersion : 0,
  } as unknown as StoredMetadata;
  return { damage, readable };
};
