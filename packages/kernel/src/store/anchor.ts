import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { canonicalJson } from '../canonical-json.js';
import type { RecordedEvent } from '../event.js';
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

const unsigned = (a: SignedAnchor): Anchor => ({
  format: a.format,
  store: a.store,
  position: a.position,
  count: a.count,
  head: a.head,
  createdAt: a.createdAt,
});

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

/** Signs an anchor with an Ed25519 private key (PEM). */
export const signAnchor = (anchor: Anchor, privateKeyPem: string): SignedAnchor => ({
  ...anchor,
  signature: sign(
    null,
    Buffer.from(canonicalJson(anchor)),
    createPrivateKey(privateKeyPem),
  ).toString('base64'),
});

/** Whether an anchor's signature verifies with the public key (PEM). */
export const anchorSignatureValid = (anchor: SignedAnchor, publicKeyPem: string): boolean => {
  try {
    return verify(
      null,
      Buffer.from(canonicalJson(unsigned(anchor))),
      createPublicKey(publicKeyPem),
      Buffer.from(anchor.signature, 'base64'),
    );
  } catch {
    return false;
  }
};

export interface AnchorCheck {
  readonly signatureValid: boolean;
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

/**
 * Checks a store against a signed anchor with the public key alone: the signature, the store
 * identity, and the global chain recomputed from the events up to the anchor's position (count
 * and head). Lists what was added after it.
 */
export const checkAnchor = async (
  store: EventStore,
  anchor: SignedAnchor,
  publicKeyPem: string,
): Promise<AnchorCheck> => {
  const upTo = BigInt(anchor.position);
  let link = GLOBAL_GENESIS;
  let count = 0;
  let position = 0n;
  const added: AnchorCheck['added'][number][] = [];
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
  const signatureValid = anchorSignatureValid(anchor, publicKeyPem);
  const sameStore = (await store.identity()) === anchor.store;
  return {
    signatureValid,
    sameStore,
    found,
    intact: signatureValid && sameStore && count === anchor.count && link === anchor.head,
    missing: Math.max(0, anchor.count - count),
    added,
  };
};
