import { createHash, createHmac } from 'node:crypto';

/**
 * The global chain: one hash chain over the whole log in position order, beside the per-stream
 * chains. Link `p` is SHA-256 of the previous link, the position and the event's own hash, so
 * deleting, inserting, reordering or altering any event breaks every later link; the chain's
 * head (count, position, link) is what anchors sign and what keyed stores authenticate.
 */
export const GLOBAL_GENESIS = '0'.repeat(64);

/** The link of the event at `position` whose per-stream hash is `eventHash`. */
export const globalLink = (previous: string, position: bigint, eventHash: string): string =>
  createHash('sha256').update(`${previous}\n${position}\n${eventHash}`).digest('hex');

/**
 * The key port: authenticates chain links and heads with a secret held outside the event store
 * (a key file, an environment variable, or a council's KMS). Recomputing the chain after a
 * rewrite is then detected by anyone who holds the key. `mac` is HMAC-SHA-256 (hex) or any MAC
 * of the same strength; `keyId` names the key (never the secret) so verifiers pick the right one.
 */
export interface ChainKey {
  readonly keyId: string;
  mac(message: string): string;
}

/** A `ChainKey` from a secret in memory (at least 32 bytes): HMAC-SHA-256. */
export const hmacChainKey = (keyId: string, secret: Uint8Array): ChainKey => {
  if (secret.length < 32)
    throw new RangeError(`the chain key "${keyId}" has ${secret.length} bytes; at least 32 needed`);
  const copy = Buffer.from(secret);
  return { keyId, mac: (message) => createHmac('sha256', copy).update(message).digest('hex') };
};

/** What a row's MAC covers: the store, the position and the link. */
export const linkMacMessage = (store: string, position: bigint, link: string): string =>
  `aimline-chain-link\n${store}\n${position}\n${link}`;

/** The head of a store's global chain: how many events, the last position and its link. */
export interface ChainHead {
  readonly count: number;
  readonly position: bigint;
  readonly link: string;
}

/** What a head's MAC covers (another domain than a row's, so a row's MAC is never a head's). */
export const headMacMessage = (store: string, head: ChainHead): string =>
  `aimline-chain-head\n${store}\n${head.count}\n${head.position}\n${head.link}`;
