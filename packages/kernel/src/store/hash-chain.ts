import { hash as oneShotHash } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { ChainedMetadata, EventToAppend, RecordedEvent } from '../event.js';

/** The `prevHash` of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields a hash covers: everything stored except the global position and the hash itself. */
export interface HashedContent {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: Omit<ChainedMetadata, 'hash'>;
}

/** One-shot `crypto.hash`: no Hash object per event (replay hashes every event it reads). */
const sha256 = (prevHash: string, text: string): string =>
  oneShotHash('sha256', prevHash + text, 'hex');

/** sha256 over `prevHash` followed by the canonical JSON of the event without its hash. */
export const hashEvent = (content: HashedContent): string =>
  sha256(content.metadata.prevHash, canonicalJson(content));

/**
 * The canonical JSON of a hashed event assembled from canonical texts of its data and of its
 * metadata without the hash — exactly `canonicalJson(content)`, without serialising the data
 * again. Keys in code-point order: data, id, metadata, revision, schemaVersion, stream, type.
 */
export const canonicalEventText = (
  e: {
    readonly id: string;
    readonly stream: string;
    readonly revision: number;
    readonly type: string;
    readonly schemaVersion: number;
  },
  dataJson: string,
  metadataJsonWithoutHash: string,
): string =>
  `{"data":${dataJson},"id":${JSON.stringify(e.id)},"metadata":${metadataJsonWithoutHash},"revision":${e.revision},` +
  `"schemaVersion":${e.schemaVersion},"stream":${JSON.stringify(e.stream)},"type":${JSON.stringify(e.type)}}`;

/**
 * The canonical JSON texts an adapter stored for an event's data and metadata (metadata with
 * `prevHash` and `hash`). Adapters that keep the canonical text attach it to events they read
 * (non-enumerable, under this symbol) so verification hashes the stored bytes themselves
 * instead of serialising the parsed values again. Spreads and JSON drop it.
 */
export interface StoredJson {
  readonly data: string;
  readonly metadata: string;
}
export const STORED_JSON: unique symbol = Symbol.for('aimline.storedJson');

export const attachStoredJson = <E extends object>(event: E, json: StoredJson): E =>
  Object.defineProperty(event, STORED_JSON, { value: json, enumerable: false });

const storedJsonOf = (event: object): StoredJson | undefined =>
  (event as { [STORED_JSON]?: StoredJson })[STORED_JSON];

const HASH_MEMBER = ',"hash":"';

/**
 * The stored metadata text with its `"hash"` member removed (it sits between correlationId and
 * occurredAt), or undefined when the first `"hash"` member found is not that hash.
 */
const withoutHash = (metadataJson: string, hash: string): string | undefined => {
  const at = metadataJson.indexOf(HASH_MEMBER);
  if (at < 0) return undefined;
  const value = at + HASH_MEMBER.length;
  const end = value + hash.length;
  return metadataJson.startsWith(hash, value) && metadataJson.charCodeAt(end) === 34 // '"'
    ? metadataJson.slice(0, at) + metadataJson.slice(end + 1)
    : undefined;
};

/** A stored event as the chain sees it: the hashed content, with its metadata's hash. */
export interface ChainedEvent extends Omit<HashedContent, 'metadata'> {
  readonly metadata: ChainedMetadata;
}

/**
 * Gives events about to be appended their revisions and hash chain, continuing from the
 * stream's last revision and hash (undefined / GENESIS_HASH for a new stream).
 */
export const chainEvents = (
  stream: string,
  lastRevision: number | undefined,
  lastHash: string,
  events: ReadonlyArray<EventToAppend>,
): ChainedEvent[] =>
  chainEventsWithJson(stream, lastRevision, lastHash, events).map((c) => c.event);

/**
 * `chainEvents`, also returning each event's canonical data and metadata texts, computed once
 * and used both for the hash and for storage (so an adapter serialises the data once).
 */
export const chainEventsWithJson = (
  stream: string,
  lastRevision: number | undefined,
  lastHash: string,
  events: ReadonlyArray<EventToAppend>,
): Array<{ readonly event: ChainedEvent; readonly json: StoredJson }> => {
  let prevHash = lastHash;
  let revision = lastRevision === undefined ? 0 : lastRevision + 1;
  return events.map((e) => {
    const unhashed = { ...e.metadata, prevHash };
    const dataJson = canonicalJson(e.data);
    const head = { id: e.id, stream, revision, type: e.type, schemaVersion: e.schemaVersion };
    const hash = sha256(prevHash, canonicalEventText(head, dataJson, canonicalJson(unhashed)));
    const metadata = { ...unhashed, hash };
    prevHash = hash;
    revision += 1;
    return {
      event: { ...head, data: e.data, metadata },
      json: { data: dataJson, metadata: canonicalJson(metadata) },
    };
  });
};

export type ChainBreak =
  | {
      readonly kind: 'HashMismatch';
      readonly stream: string;
      readonly revision: number;
      readonly expected: string;
      readonly actual: string;
    }
  | {
      readonly kind: 'BrokenLink';
      readonly stream: string;
      readonly revision: number;
      readonly expectedPrevHash: string;
      readonly actualPrevHash: string;
    }
  | {
      readonly kind: 'RevisionGap';
      readonly stream: string;
      readonly revision: number;
      readonly expectedRevision: number;
    };

/**
 * Verifies one event against the previous one of its stream. Returns the first break, or
 * undefined when the event's bytes still hash to what was recorded at append.
 */
export const verifyLink = (
  event: RecordedEvent,
  previous: { readonly revision: number; readonly hash: string } | undefined,
): ChainBreak | undefined => {
  const expectedRevision = previous === undefined ? 0 : previous.revision + 1;
  if (event.revision !== expectedRevision)
    return {
      kind: 'RevisionGap',
      stream: event.stream,
      revision: event.revision,
      expectedRevision,
    };
  const expectedPrev = previous === undefined ? GENESIS_HASH : previous.hash;
  if (event.metadata.prevHash !== expectedPrev)
    return {
      kind: 'BrokenLink',
      stream: event.stream,
      revision: event.revision,
      expectedPrevHash: expectedPrev,
      actualPrevHash: event.metadata.prevHash,
    };
  const hash = event.metadata.hash;
  const stored = storedJsonOf(event);
  const storedWithoutHash = stored === undefined ? undefined : withoutHash(stored.metadata, hash);
  // The stored bytes as they are (the usual case); else the parsed values serialised again.
  const actual =
    stored !== undefined && storedWithoutHash !== undefined
      ? sha256(event.metadata.prevHash, canonicalEventText(event, stored.data, storedWithoutHash))
      : hashEvent({
          id: event.id,
          stream: event.stream,
          revision: event.revision,
          type: event.type,
          schemaVersion: event.schemaVersion,
          data: event.data,
          metadata: withoutHashMember(event.metadata),
        });
  if (actual !== hash)
    return {
      kind: 'HashMismatch',
      stream: event.stream,
      revision: event.revision,
      expected: hash,
      actual,
    };
  return undefined;
};

/** Whether a stored event has the same content as one being re-appended (idempotency check). */
export const sameContent = (
  stored: RecordedEvent | ChainedEvent,
  candidate: EventToAppend,
): boolean =>
  stored.id === candidate.id &&
  stored.type === candidate.type &&
  stored.schemaVersion === candidate.schemaVersion &&
  canonicalJson(stored.data) === canonicalJson(candidate.data) &&
  canonicalJson(stripChain(stored.metadata)) === canonicalJson(candidate.metadata);

const withoutHashMember = (m: ChainedMetadata): Omit<ChainedMetadata, 'hash'> => {
  const { hash: _h, ...rest } = m;
  return rest;
};

const stripChain = (m: ChainedMetadata): Omit<ChainedMetadata, 'hash' | 'prevHash'> => {
  const { hash: _h, prevHash: _p, ...rest } = m;
  return rest;
};
