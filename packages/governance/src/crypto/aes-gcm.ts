/**
 * AES-256-GCM as the sealed formats store it (`field-cipher.ts`, format 1; `sealed-boxes.ts`,
 * format 2): a payload is the base64url of IV ‖ ciphertext ‖ tag, with a random 96-bit IV and a
 * 128-bit tag, and the additional data is text the format builds from where the payload belongs.
 */
import {
  createCipheriv,
  createDecipheriv,
  createSecretKey,
  randomBytes,
  type KeyObject,
} from 'node:crypto';

/**
 * A data key's bytes as a node:crypto `KeyObject`, made once per key and reused. Given a
 * `Buffer`, `createCipheriv`/`createDecipheriv` build a key object afresh on every call, which
 * costs more than decrypting a small box does; a read opens several boxes with each key it
 * loads (286 boxes with 112 keys in the benchmark's replay), and an append seals with keys
 * already used.
 *
 * The `KeyObject` is keyed by the very `Buffer` the key vault holds, weakly, so it lives no
 * longer than the bytes do: when the vault drops a key (an erasure, closing the vault) it calls
 * `forgetSecretKey` before wiping the bytes, so wiped bytes never stand for a live key.
 */
const made = new WeakMap<Buffer, KeyObject>();

export const secretKeyOf = (bytes: Buffer): KeyObject => {
  let key = made.get(bytes);
  if (key === undefined) {
    key = createSecretKey(bytes);
    made.set(bytes, key);
  }
  return key;
};

/** Forgets the `KeyObject` made from `bytes` (they are about to be wiped or dropped). */
export const forgetSecretKey = (bytes: Buffer): void => {
  made.delete(bytes);
};

/** AES-256-GCM's random IV and its tag, in bytes, in every sealed format and wrapped key. */
export const IV_BYTES = 12;
export const TAG_BYTES = 16;
/** The fewest base64url characters that can hold an IV and a tag. */
export const MIN_PAYLOAD_CHARS = Math.ceil(((IV_BYTES + TAG_BYTES) * 4) / 3);

// The additional data is handed to OpenSSL at once (setAAD copies it), so one buffer serves
// every payload; longer text than it holds gets a buffer of its own.
const scratch = Buffer.allocUnsafe(2048);
const aadBytes = (text: string): Buffer =>
  text.length * 3 <= scratch.length
    ? scratch.subarray(0, scratch.write(text, 0, 'utf8'))
    : Buffer.from(text, 'utf8');

/** Encrypts `plaintext` (UTF-8) under `key`, bound to `aad`, and gives the payload as stored. */
export const sealPayload = (key: Buffer, aad: string, plaintext: string): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secretKeyOf(key), iv).setAAD(aadBytes(aad));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
};

/**
 * The plaintext (UTF-8) of a payload; throws when the key, the additional data or the bytes are
 * not those sealed (nothing is returned before the tag checks).
 */
export const openPayload = (key: Buffer, payload: string, aad: string): string => {
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('the payload is too short');
  const decipher = createDecipheriv('aes-256-gcm', secretKeyOf(key), bytes.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  })
    .setAAD(aadBytes(aad))
    .setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  const plain = decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES));
  decipher.final(); // checks the tag: throws before anything is returned
  return plain.toString('utf8');
};
