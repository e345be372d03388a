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

/**
 * An Ed25519 key as PEM text or parsed once (`ed25519PrivateKey`, `ed25519PublicKey`). Either
 * form is held to the same strict reading: PEM text goes through those readers, a `KeyObject`
 * must be an Ed25519 key of the kind asked for (a private key is never taken for a public one).
 */
export type Ed25519Key = string | KeyObject;

/**
 * Thrown by `signDocument` (and the anchors' signing) when its key is not an Ed25519 private
 * key: `why` says what it is instead, never quoting the key.
 */
export class Ed25519KeyRefusedError extends Error {
  constructor(
    /** The kind of key that was asked for. */
    readonly expected: 'private' | 'public',
    readonly why: string,
  ) {
    super(why);
    this.name = 'Ed25519KeyRefusedError';
  }
}

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

type KeyKind = 'private' | 'public';

/** A parsed key, if it is an Ed25519 key of the kind asked for, or why not. */
const ed25519KeyObject = (key: KeyObject, kind: KeyKind): E.Either<string, KeyObject> => {
  if (key.type !== kind) return E.left(`not an Ed25519 ${kind} key: it is a ${key.type} key`);
  return key.asymmetricKeyType === 'ed25519'
    ? E.right(key)
    : E.left(`not an Ed25519 ${kind} key: it holds a ${String(key.asymmetricKeyType)} key`);
};

const ed25519Key = (
  pem: string,
  kind: KeyKind,
  parse: (pem: string) => KeyObject,
): E.Either<string, KeyObject> => {
  const label = kind === 'private' ? 'PRIVATE KEY' : 'PUBLIC KEY';
  if (!pemBlock(label).test(pem))
    return E.left(
      `not an Ed25519 ${kind} key: expected one PEM block "${label}" (${kind === 'private' ? 'openssl genpkey -algorithm ed25519' : 'openssl pkey -pubout'})`,
    );
  let key: KeyObject;
  try {
    key = parse(pem);
  } catch {
    return E.left(`not an Ed25519 ${kind} key: its PEM block does not hold a key`);
  }
  return ed25519KeyObject(key, kind);
};

/** An Ed25519 private key parsed once from PEM (PKCS #8), or why it is not one (never quoting it). */
export const ed25519PrivateKey = (pem: string): E.Either<string, KeyObject> =>
  ed25519Key(pem, 'private', (p) => createPrivateKey(p));

/** An Ed25519 public key parsed once from PEM (SPKI), or why it is not one. */
export const ed25519PublicKey = (pem: string): E.Either<string, KeyObject> =>
  ed25519Key(pem, 'public', (p) => createPublicKey(p));

/** Either form of a key, held to the strict reading of its kind. */
const strictKey = (key: Ed25519Key, kind: KeyKind): E.Either<string, KeyObject> =>
  typeof key === 'string'
    ? kind === 'private'
      ? ed25519PrivateKey(key)
      : ed25519PublicKey(key)
    : ed25519KeyObject(key, kind);

/**
 * Signs a document with an Ed25519 private key. Throws `Ed25519KeyRefusedError` (saying why,
 * never quoting the key) when the key is not one: a public key, another algorithm's key, PEM
 * text that is not exactly one `PRIVATE KEY` block.
 */
export const signDocument = <D extends SignableDocument>(
  document: D,
  privateKey: Ed25519Key,
): Signed<D> => {
  const key = strictKey(privateKey, 'private');
  if (E.isLeft(key)) throw new Ed25519KeyRefusedError('private', key.left);
  return {
    ...document,
    signature: sign(null, Buffer.from(canonicalJson(document)), key.right).toString('base64'),
  };
};

/**
 * Whether a document's signature verifies with the public key: over every member but
 * `signature`, so a document must be decoded strictly first (`decodeSignedDocument`): a member
 * added to a signed document makes its signature fail, never passes unsigned. False, too, when
 * the key is not an Ed25519 public key (a private key is never taken for its public key; parse
 * it first with `ed25519PublicKey` to learn why it is refused).
 */
export const documentSignatureValid = <D extends SignableDocument>(
  signed: Signed<D>,
  publicKey: Ed25519Key,
): boolean => {
  const key = strictKey(publicKey, 'public');
  if (E.isLeft(key)) return false;
  try {
    return verify(
      null,
      Buffer.from(canonicalJson(unsigned(signed))),
      key.right,
      Buffer.from(signed.signature, 'base64'),
    );
  } catch {
    return false;
  }
};
