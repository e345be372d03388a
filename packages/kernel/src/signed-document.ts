/**
 * Signed documents: a small JSON document that names its format, signed with Ed25519 over the
 * canonical JSON of every member but `signature`, and checked with the public key alone. The
 * event store's anchors (`aimline-anchor/1`) and the access log's
 * (`aimline-access-log-anchor/1`) are both this one thing. The format is signed with the rest,
 * so a signature over one kind of document is never taken for another under the same key.
 */
import { createPrivateKey, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { canonicalJson } from './canonical-json.js';
import { fieldProblems, type FieldProblem } from './codec/decode-errors.js';
import { unknownFields } from './codec/exact-fields.js';

/** What a signed document must say: its format (`aimline-anchor/1`). */
export interface SignableDocument {
  readonly format: string;
}

/** A document with its Ed25519 signature (base64) over the canonical JSON of the document. */
export type Signed<D extends SignableDocument> = D & { readonly signature: string };

/** An Ed25519 key as PEM text, or parsed once (`ed25519PrivateKey`, `ed25519PublicKey`). */
export type Ed25519Key = string | KeyObject;

/** An Ed25519 signature in base64: 64 bytes, padded, nothing else. */
const Ed25519Signature = t.refinement(
  t.string,
  (s) => /^[A-Za-z0-9+/]{86}==$/.test(s),
  'an Ed25519 signature (88 characters of base64)',
);

/** The codec of a signed document of the kind `document` decodes. */
export const signedDocument = <C extends t.Mixed>(document: C) =>
  t.intersection([document, t.type({ signature: Ed25519Signature })]);

/**
 * A signed document decoded strictly from parsed JSON: every member the codec declares, of its
 * type, and no other. Each problem names the member (`seq`, `signature`) and never quotes a
 * value. The signature itself is checked by `documentSignatureValid`.
 */
export const decodeSignedDocument = <C extends t.Mixed>(
  codec: C,
  json: unknown,
): E.Either<FieldProblem[], t.TypeOf<C>> => {
  const decoded = codec.decode(json);
  if (E.isLeft(decoded)) return E.left(fieldProblems(decoded.left, { values: 'kind-only' }));
  const unknown = unknownFields(codec, json);
  return unknown.length > 0 ? E.left(unknown) : E.right(decoded.right as t.TypeOf<C>);
};

/** The document without its signature: what the signature is over. */
const unsigned = <D extends SignableDocument>(signed: Signed<D>): Omit<Signed<D>, 'signature'> => {
  const { signature: _signature, ...document } = signed;
  return document;
};

/** The PEM text is one block with this label, and nothing else. */
const pemBlock = (label: string) =>
  new RegExp(
    `^\\s*-----BEGIN ${label}-----\\r?\\n[A-Za-z0-9+/=\\r\\n]+-----END ${label}-----\\s*$`,
  );

const ed25519Key = (
  pem: string,
  label: 'PRIVATE KEY' | 'PUBLIC KEY',
  parse: (pem: string) => KeyObject,
): E.Either<string, KeyObject> => {
  const what = label === 'PRIVATE KEY' ? 'private' : 'public';
  if (!pemBlock(label).test(pem))
    return E.left(
      `not an Ed25519 ${what} key: expected one PEM block "${label}" (${label === 'PRIVATE KEY' ? 'openssl genpkey -algorithm ed25519' : 'openssl pkey -pubout'})`,
    );
  let key: KeyObject;
  try {
    key = parse(pem);
  } catch {
    return E.left(`not an Ed25519 ${what} key: its PEM block does not hold a key`);
  }
  return key.asymmetricKeyType === 'ed25519'
    ? E.right(key)
    : E.left(`not an Ed25519 ${what} key: it holds a ${String(key.asymmetricKeyType)} key`);
};

/** An Ed25519 private key parsed once from PEM (PKCS #8), or why it is not one (never quoting it). */
export const ed25519PrivateKey = (pem: string): E.Either<string, KeyObject> =>
  ed25519Key(pem, 'PRIVATE KEY', (p) => createPrivateKey(p));

/** An Ed25519 public key parsed once from PEM (SPKI), or why it is not one. */
export const ed25519PublicKey = (pem: string): E.Either<string, KeyObject> =>
  ed25519Key(pem, 'PUBLIC KEY', (p) => createPublicKey(p));

/** Signs a document with an Ed25519 private key. */
export const signDocument = <D extends SignableDocument>(
  document: D,
  privateKey: Ed25519Key,
): Signed<D> => ({
  ...document,
  signature: sign(
    null,
    Buffer.from(canonicalJson(document)),
    typeof privateKey === 'string' ? createPrivateKey(privateKey) : privateKey,
  ).toString('base64'),
});

/**
 * Whether a document's signature verifies with the public key: over every member but
 * `signature`, so a document must be decoded strictly first (`decodeSignedDocument`): a member
 * added to a signed document makes its signature fail, never passes unsigned.
 */
export const documentSignatureValid = <D extends SignableDocument>(
  signed: Signed<D>,
  publicKey: Ed25519Key,
): boolean => {
  try {
    return verify(
      null,
      Buffer.from(canonicalJson(unsigned(signed))),
      typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey,
      Buffer.from(signed.signature, 'base64'),
    );
  } catch {
    return false;
  }
};
