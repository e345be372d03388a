/**
 * Signed documents (the event store's anchors, the access log's anchors): one Ed25519 signing
 * and verification, and one strict decoding of a document as a file holds it.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  anchorSignatureValid,
  decodeSignedDocument,
  documentSignatureValid,
  Ed25519KeyRefusedError,
  ed25519PrivateKey,
  ed25519PublicKey,
  signAnchor,
  SignedAnchorCodec,
  signDocument,
  signedDocument,
  type SignedAnchor,
} from '../src/index.js';

/** An anchor file and its public key, written by `aimline audit anchor` as of commit d1541ca. */
const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/store-anchor-d1541ca/${name}`, import.meta.url), 'utf8');
const writtenBefore = fixture('anchor.json');
const itsPublicKey = fixture('anchor.pub');

const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

const decodedAnchor = (json: unknown): SignedAnchor => {
  const decoded = decodeSignedDocument(SignedAnchorCodec, json);
  if (E.isLeft(decoded)) throw new Error(JSON.stringify(decoded.left));
  return decoded.right;
};

describe('signed documents', () => {
  it('given an anchor file written by the code before the signed-document helper, then it decodes strictly and its signature still verifies with its public key', () => {
    const anchor = decodedAnchor(JSON.parse(writtenBefore));
    expect(anchorSignatureValid(anchor, itsPublicKey)).toBe(true);
    const key = ed25519PublicKey(itsPublicKey);
    expect(E.isRight(key) && documentSignatureValid(anchor, key.right)).toBe(true);
  });

  it('given that anchor with any member changed, or with a member added, then its signature does not verify', () => {
    const anchor = decodedAnchor(JSON.parse(writtenBefore));
    for (const changed of [
      { ...anchor, count: anchor.count - 1 },
      { ...anchor, position: '1741' },
      { ...anchor, head: '0'.repeat(64) },
      { ...anchor, createdAt: '2026-11-27T11:58:31.204Z' },
      { ...anchor, store: 'another-store' },
      { ...anchor, note: 'added' },
    ])
      expect(anchorSignatureValid(changed, itsPublicKey)).toBe(false);
  });

  it('given a signature over one format, then the same members under another format do not verify (a store anchor is never an access-log anchor)', () => {
    const { privateKey, publicKey } = pem();
    const signed = signDocument({ format: 'aimline-anchor/1', seq: 3 }, privateKey);
    expect(documentSignatureValid(signed, publicKey)).toBe(true);
    expect(
      documentSignatureValid({ ...signed, format: 'aimline-access-log-anchor/1' }, publicKey),
    ).toBe(false);
  });

  it('given a key parsed once or its PEM text, then the signatures are the same (Ed25519 is deterministic) and verify with the other key form', () => {
    const { privateKey, publicKey } = pem();
    const parsed = ed25519PrivateKey(privateKey);
    const parsedPublic = ed25519PublicKey(publicKey);
    if (E.isLeft(parsed) || E.isLeft(parsedPublic)) throw new Error('keys did not parse');
    const { signature: _signature, ...anchor } = decodedAnchor(JSON.parse(writtenBefore));
    const fromText = signAnchor(anchor, privateKey);
    expect(signAnchor(anchor, parsed.right)).toEqual(fromText);
    expect(anchorSignatureValid(fromText, parsedPublic.right)).toBe(true);
    expect(anchorSignatureValid(fromText, pem().publicKey)).toBe(false);
  });

  it('given an anchor file with an unknown member, a member of the wrong type, a missing member or a signature that is not 64 bytes of base64, then decoding refuses it naming the member, never quoting a value', () => {
    const good = JSON.parse(writtenBefore) as Record<string, unknown>;
    const refusal = (json: unknown) => {
      const decoded = decodeSignedDocument(SignedAnchorCodec, json);
      return E.isLeft(decoded) ? decoded.left : [];
    };
    expect(refusal({ ...good, extra: 'Ash Invented' })).toEqual([
      expect.objectContaining({ path: 'extra' }),
    ]);
    expect(refusal({ ...good, count: '1742' })).toEqual([
      { path: 'count', message: 'expected a whole count, got a string' },
    ]);
    expect(refusal({ ...good, count: -1 })[0]?.path).toBe('count');
    expect(refusal({ ...good, position: '01742' })[0]?.path).toBe('position');
    expect(refusal({ ...good, head: 'Ash Invented' })).toEqual([
      { path: 'head', message: 'expected a SHA-256 link (64 hex digits), got a string' },
    ]);
    expect(refusal({ ...good, createdAt: 'yesterday' })[0]?.path).toBe('createdAt');
    expect(refusal({ ...good, format: 'aimline-access-log-anchor/1' })[0]?.path).toBe('format');
    const { signature: _signature, ...unsigned } = good;
    expect(refusal(unsigned)[0]?.path).toBe('signature');
    expect(refusal({ ...good, signature: `${String(good['signature'])}AAAA` })[0]?.path).toBe(
      'signature',
    );
    expect(JSON.stringify(refusal({ ...good, store: 'Ash Invented' }))).not.toContain('Ash');
  });

  it('given key files that are not Ed25519 keys of the kind asked for, then each is refused saying why, never quoting the file', () => {
    const { privateKey, publicKey } = pem();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const why = (r: E.Either<string, unknown>) => (E.isLeft(r) ? r.left : 'accepted');
    expect(why(ed25519PublicKey(privateKey))).toMatch(
      /^not an Ed25519 public key: expected one PEM block "PUBLIC KEY"/,
    );
    expect(why(ed25519PrivateKey(publicKey))).toMatch(/^not an Ed25519 private key/);
    expect(
      why(ed25519PublicKey(rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString())),
    ).toBe('not an Ed25519 public key: it holds a rsa key');
    expect(why(ed25519PublicKey(`${publicKey}${publicKey}`))).toMatch(/one PEM block/);
    expect(
      why(ed25519PublicKey('-----BEGIN PUBLIC KEY-----\nAshInvented\n-----END PUBLIC KEY-----\n')),
    ).toBe('not an Ed25519 public key: its PEM block does not hold a key');
    expect(why(ed25519PublicKey(publicKey))).toBe('accepted');
  });

  it('given a private key, as PEM text or parsed, where the public key is asked for, then no signature verifies with it (its public key is never taken from it)', () => {
    const { privateKey } = pem();
    const signed = signDocument({ format: 'aimline-anchor/1', seq: 3 }, privateKey);
    expect(documentSignatureValid(signed, privateKey)).toBe(false);
    expect(documentSignatureValid(signed, createPrivateKey(privateKey))).toBe(false);
    expect(documentSignatureValid(signed, createPublicKey(privateKey))).toBe(true);
  });

  it('given a public key where the public key is asked for, but of another algorithm or not one PEM block, then no signature verifies with it', () => {
    const { privateKey, publicKey } = pem();
    const signed = signDocument({ format: 'aimline-anchor/1', seq: 3 }, privateKey);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(documentSignatureValid(signed, rsa)).toBe(false);
    expect(documentSignatureValid(signed, `${publicKey}${publicKey}`)).toBe(false);
    expect(documentSignatureValid(signed, `note\n${publicKey}`)).toBe(false);
  });

  it('given a key that is not an Ed25519 private key (another algorithm, a public key, PEM text not one block), then signing throws Ed25519KeyRefusedError saying why, never quoting the key', () => {
    const { privateKey, publicKey } = pem();
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
    const refusal = (key: string | ReturnType<typeof createPrivateKey>): unknown => {
      try {
        signDocument({ format: 'aimline-anchor/1', seq: 3 }, key);
        return 'signed';
      } catch (e) {
        return e;
      }
    };
    const rsaPem = rsa.export({ type: 'pkcs8', format: 'pem' }).toString();
    for (const [key, why] of [
      [rsaPem, 'not an Ed25519 private key: it holds a rsa key'],
      [rsa, 'not an Ed25519 private key: it holds a rsa key'],
      [createPublicKey(publicKey), 'not an Ed25519 private key: it is a public key'],
      [
        publicKey,
        'not an Ed25519 private key: expected one PEM block "PRIVATE KEY" (openssl genpkey -algorithm ed25519)',
      ],
      [
        `${privateKey}${privateKey}`,
        'not an Ed25519 private key: expected one PEM block "PRIVATE KEY" (openssl genpkey -algorithm ed25519)',
      ],
    ] as const) {
      const error = refusal(key);
      expect(error).toBeInstanceOf(Ed25519KeyRefusedError);
      expect(error).toMatchObject({ expected: 'private', why, message: why });
    }
    expect(String((refusal(rsaPem) as Error).message)).not.toContain('BEGIN');
    expect(refusal(createPrivateKey(privateKey))).not.toBeInstanceOf(Error);
  });

  it('given a document codec, then signedDocument adds exactly a signature member to it', () => {
    const Note = signedDocument(t.type({ format: t.literal('note/1'), text: t.string }));
    const { privateKey, publicKey } = pem();
    const signed = signDocument({ format: 'note/1' as const, text: 'invented' }, privateKey);
    const decoded = decodeSignedDocument(Note, JSON.parse(JSON.stringify(signed)));
    expect(E.isRight(decoded) && documentSignatureValid(decoded.right, publicKey)).toBe(true);
  });
});
