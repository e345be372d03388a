import * as t from 'io-ts';
import type { RecordedEvent } from '../event.js';
import { IsoInstant } from '../instant.js';
import {
  documentSignatureValid,
  signDocument,
  signedDocument,
  type Ed25519Key,
} from '../signed-document.js';
import type { EventStore } from './event-store.js';
import { globalLink, GLOBAL_GENESIS, type ChainHead } from './global-chain.js';

/** What an anchor states: the store, and the head of its global chain at a moment. */
export interface Anchor {
  readonly format: 'aimline-anchor/1';
  readonly store: string;
  readonly position: string;
  readonly count: number;
  readonly head: string;
  readonly createdAt: string;
}

/** An anchor with its Ed25519 signature (base64) over the canonical JSON of the anchor. */
export interface SignedAnchor extends Anchor {
  readonly signature: string;
}

const matching = (name: string, pattern: RegExp) =>
  t.refinement(t.string, (s) => pattern.test(s), name);

/**
 * A signed anchor as a file holds it, for `decodeSignedDocument`: every member of `SignedAnchor`,
 * of its type (a position in decimal digits, a whole count, a SHA-256 head in hex), and no other.
 */
export const SignedAnchorCodec: t.Type<SignedAnchor, SignedAnchor> = signedDocument(
  t.type({
    format: t.literal('aimline-anchor/1'),
    store: matching('a store identity', /^\S+$/),
    position: matching('a position (decimal digits)', /^(?:0|[1-9][0-9]*)$/),
    count: t.refinement(t.number, (n) => Number.isSafeInteger(n) && n >= 0, 'a whole count'),
    head: matching('a SHA-256 link (64 hex digits)', /^[0-9a-f]{64}$/),
    createdAt: IsoInstant,
  }),
);

/** The head of a store's global chain, recomputed from its events (any store). */
export const computeHead = async (store: EventStore): Promise<ChainHead> => {
  let link = GLOBAL_GENESIS;
  let count = 0;
  let position = 0n;
  for await (const e of store.readAll()) {
    link = globalLink(link, e.position, e.metadata.hash);
    position = e.position;
    count++;
  }
  return { count, position, link };
};

/**
 * Signs an anchor with an Ed25519 private key (PEM, or parsed: `ed25519PrivateKey`); throws
 * `Ed25519KeyRefusedError` when the key is not one.
 */
export const signAnchor = (anchor: Anchor, privateKey: Ed25519Key): SignedAnchor =>
  signDocument(anchor, privateKey);

/**
 * Whether an anchor's signature verifies with the public key (PEM, or `ed25519PublicKey`); false
 * when the key is not an Ed25519 public key.
 */
export const anchorSignatureValid = (anchor: SignedAnchor, publicKey: Ed25519Key): boolean =>
  documentSignatureValid(anchor, publicKey);

/**
 * An anchor whose signature does not verify with the public key: it states nothing, so nothing
 * is worked out from its members (store, count, position, head) and the store is not read.
 */
export interface AnchorNotVerified {
  readonly signatureValid: false;
  readonly intact: false;
}

/** A store checked against an anchor whose signature verifies. */
export interface AnchorVerified {
  readonly signatureValid: true;
  readonly sameStore: boolean;
  /** The chain recomputed over the events up to the anchor's position. */
  readonly found: ChainHead;
  /** Whether everything up to the anchor is exactly what was anchored. */
  readonly intact: boolean;
  /** Anchored events no longer in the log (count anchored − count found, when positive). */
  readonly missing: number;
  /** Events recorded after the anchor. */
  readonly added: ReadonlyArray<Pick<RecordedEvent, 'position' | 'stream' | 'revision' | 'type'>>;
}

export type AnchorCheck = AnchorNotVerified | AnchorVerified;

/**
 * Checks a store against a signed anchor with the public key alone: the signature first (an
 * anchor that does not verify is `AnchorNotVerified`, and nothing else is worked out from its
 * unverified members, so a forged anchor cannot report events missing or added), then the store
 * identity, and the global chain recomputed from the events up to the anchor's position (count
 * and head). Lists what was added after it.
 */
export const checkAnchor = async (
  store: EventStore,
  anchor: SignedAnchor,
  publicKey: Ed25519Key,
): Promise<AnchorCheck> => {
  if (!anchorSignatureValid(anchor, publicKey)) return { signatureValid: false, intact: false };
  const upTo = BigInt(anchor.position);
  let link = GLOBAL_GENESIS;
  let count = 0;
  let position = 0n;
  const added: AnchorVerified['added'][number][] = [];
  for await (const e of store.readAll()) {
    if (e.position > upTo) {
      added.push({ position: e.position, stream: e.stream, revision: e.revision, type: e.type });
      continue;
    }
    link = globalLink(link, e.position, e.metadata.hash);
    position = e.position;
    count++;
  }
  const found = { count, position, link };
  const sameStore = (await store.identity()) === anchor.store;
  return {
    signatureValid: true,
    sameStore,
    found,
    intact: sameStore && count === anchor.count && link === anchor.head,
    missing: Math.max(0, anchor.count - count),
    added,
  };
};
