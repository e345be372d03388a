import { createHash } from 'node:crypto';
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

/** sha256 over `prevHash` followed by the canonical JSON of the event without its hash. */
export const hashEvent = (content: HashedContent): string =>
  createHash('sha256')
    .update(content.metadata.prevHash)
    .update(canonicalJson(content))
    .digest('hex');

export interface ChainedEvent {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
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
): ChainedEvent[] => {
  let prevHash = lastHash;
  let revision = lastRevision === undefined ? 0 : lastRevision + 1;
  return events.map((e) => {
    const content: HashedContent = {
      id: e.id,
      stream,
      revision,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: { ...e.metadata, prevHash },
    };
    const hash = hashEvent(content);
    prevHash = hash;
    revision += 1;
    return { ...content, metadata: { ...content.metadata, hash } };
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
  const { hash, ...rest } = event.metadata;
  const actual = hashEvent({
    id: event.id,
    stream: event.stream,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: rest,
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

const stripChain = (m: ChainedMetadata): Omit<ChainedMetadata, 'hash' | 'prevHash'> => {
  const { hash: _h, prevHash: _p, ...rest } = m;
  return rest;
};
