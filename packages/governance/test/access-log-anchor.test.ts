/**
 * Anchors of the access log (issue 13 item 3): what the log's own chain cannot show — entries
 * cut from its end, an older copy restored, every MAC stripped — shows against a signed
 * statement of its last entry kept elsewhere, checked with the public key alone. Invented
 * principals only.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { decodeSignedDocument, hmacChainKey } from '@aimline/kernel';
import {
  accessLogAnchor,
  chainAccess,
  checkAccessLogAnchor,
  signAccessLogAnchor,
  SignedAccessLogAnchorCodec,
  verifyAccessLog,
  type LoggedAccess,
  type SignedAccessLogAnchor,
} from '../src/index.js';
import { accessEntry } from './fixtures/access-entry.js';

const key = hmacChainKey('chain.key', randomBytes(32));
const pems = () => {
  const pair = generateKeyPairSync('ed25519');
  return {
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};
const { privateKey, publicKey } = pems();
const LOG = '/var/lib/aimline/events.db.access-log.jsonl';
const AT = '2026-07-02T09:00:00Z';

/** `entries` with a read appended for each purpose, by a writer given the chain key (or not). */
const appended = (
  entries: ReadonlyArray<LoggedAccess>,
  purposes: ReadonlyArray<string>,
  keyed = true,
): LoggedAccess[] =>
  purposes.reduce<LoggedAccess[]>(
    (all, p) => [...all, chainAccess(all.at(-1), accessEntry(p), keyed ? key : undefined)],
    [...entries],
  );

/** Reads 0 to 3 under the chain key. */
const fourReads = (): LoggedAccess[] => appended([], ['a', 'b', 'c', 'd']);

const anchorOf = (entries: ReadonlyArray<LoggedAccess>): SignedAccessLogAnchor => {
  const anchor = accessLogAnchor(entries, LOG, AT);
  if (anchor === undefined) throw new Error('nothing to anchor');
  return signAccessLogAnchor(anchor, privateKey);
};

const check = (entries: ReadonlyArray<LoggedAccess>, anchor: SignedAccessLogAnchor) =>
  checkAccessLogAnchor(entries, anchor, publicKey);

const withoutMac = ({ mac: _mac, ...e }: LoggedAccess): LoggedAccess => e;

describe('access-log anchors (issue 13 item 3)', () => {
  it('given a keyed log of four reads, when it is anchored, then the anchor states the log, its last entry and the MACs from entry 0, signed', () => {
    const entries = fourReads();
    const anchor = anchorOf(entries);
    const { signature, ...stated } = anchor;
    expect(stated).toEqual({
      format: 'aimline-access-log-anchor/1',
      log: LOG,
      seq: 3,
      hash: entries[3]!.hash,
      macsFrom: 0,
      createdAt: AT,
    });
    expect(signature).toMatch(/^[A-Za-z0-9+/]{86}==$/);
  });

  it('given an empty log, then there is nothing to anchor', () => {
    expect(accessLogAnchor([], LOG, AT)).toBeUndefined();
  });

  it('given the anchored log and two reads recorded after, then everything anchored holds and the two are counted as added', () => {
    const entries = fourReads();
    const anchor = anchorOf(entries);
    expect(check(appended(entries, ['e', 'f']), anchor)).toEqual({
      signatureValid: true,
      faults: [],
      added: 2,
      intact: true,
    });
  });

  it('given entries 2 and 3 cut from the end, then the chain alone holds, and against the anchor the cut is named by its entries and where the log now ends (seq)', () => {
    const entries = fourReads();
    const anchor = anchorOf(entries);
    const cut = entries.slice(0, 2);
    expect(verifyAccessLog(cut, key)).toEqual({ ok: true });
    expect(check(cut, anchor).faults).toEqual([
      {
        kind: 'cut',
        field: 'seq',
        index: 1,
        why: 'the anchored entry 3 is not in the log, which ends at entry 1 (2026-07-01T10:00:00Z): entries 2 to 3 cut from its end, or an older copy restored',
      },
    ]);
    expect(check([], anchor).faults).toEqual([
      expect.objectContaining({
        kind: 'cut',
        why: 'the anchored entry 3 is not in the log, which holds no entry: entries 0 to 3 cut from its end, or an older copy restored',
      }),
    ]);
  });

  it('given an older copy of the log restored (reads 0 and 1) and reads recorded after it, then the chain alone holds, and against the anchor entry 3 is not the one anchored (hash)', () => {
    const entries = fourReads();
    const anchor = anchorOf(entries);
    const restored = appended(entries.slice(0, 2), ['x', 'y', 'z']);
    expect(verifyAccessLog(restored, key)).toEqual({ ok: true });
    const result = check(restored, anchor);
    expect(result.faults).toEqual([
      {
        kind: 'replaced',
        field: 'hash',
        index: 3,
        why: 'entry 3 is not the entry anchored (its hash differs): an older copy of the log restored, or the log rewritten up to it',
      },
    ]);
    expect(result.intact).toBe(false);
  });

  it('given the anchored entry deleted with reads after it, then it is missing (seq), and the chain names the gap', () => {
    const entries = appended(fourReads(), ['e']);
    const anchor = anchorOf(entries.slice(0, 4));
    const deleted = [...entries.slice(0, 3), entries[4]!];
    expect(check(deleted, anchor).faults).toEqual([
      {
        kind: 'missing',
        field: 'seq',
        why: 'the anchored entry 3 is not in the log, though later entries are (deleted)',
      },
    ]);
    expect(verifyAccessLog(deleted, key)).toMatchObject({ ok: false, seq: 3 });
  });

  it('given every MAC stripped, then the chain with the key reads it as a log written before a key was set, and against the anchor (no chain key needed) entries 0 to 3 are named: their MACs removed (macsFrom)', () => {
    const entries = fourReads();
    const anchor = anchorOf(entries);
    const stripped = entries.map(withoutMac);
    expect(verifyAccessLog(stripped, key)).toEqual({ ok: true });
    expect(check(stripped, anchor).faults).toEqual([
      {
        kind: 'stripped',
        field: 'macsFrom',
        index: 0,
        count: 4,
        why: 'entries 0 to 3 have no MAC, though every entry from entry 0 to entry 3 carried one when anchored (removed)',
      },
    ]);
  });

  it('given a log keyed from entry 2 on, then the anchor covers the MACs from entry 2: removing them is named, entries 0 and 1 never had one', () => {
    const entries = appended(appended([], ['a', 'b'], false), ['c', 'd']);
    const anchor = anchorOf(entries);
    expect(anchor.macsFrom).toBe(2);
    expect(check(entries, anchor).intact).toBe(true);
    const stripped = [...entries.slice(0, 3), withoutMac(entries[3]!)];
    expect(check(stripped, anchor).faults).toEqual([
      {
        kind: 'stripped',
        field: 'macsFrom',
        index: 3,
        count: 1,
        why: 'entry 3 has no MAC, though every entry from entry 2 to entry 3 carried one when anchored (removed)',
      },
    ]);
    expect(anchorOf(appended([], ['a'], false)).macsFrom).toBeUndefined();
  });

  it('given an anchor altered after signing, or checked with another public key, then its signature is refused (signature) and that is its only fault', () => {
    const entries = fourReads();
    const anchor = anchorOf(entries);
    const signatureFault = {
      kind: 'signature',
      field: 'signature',
      why: 'the anchor signature does not verify with this public key (the anchor forged or altered, or another key)',
    };
    expect(check(entries, { ...anchor, seq: 1, hash: entries[1]!.hash }).faults).toEqual([
      signatureFault,
    ]);
    expect(checkAccessLogAnchor(entries, anchor, pems().publicKey)).toMatchObject({
      signatureValid: false,
      faults: [signatureFault],
      intact: false,
    });
    const forged = signAccessLogAnchor(
      {
        format: 'aimline-access-log-anchor/1',
        log: LOG,
        seq: 1,
        hash: entries[1]!.hash,
        createdAt: AT,
      },
      pems().privateKey,
    );
    expect(check(entries.slice(0, 2), forged).faults).toEqual([signatureFault]);
  });

  it('given a forged anchor whose claims the log contradicts (entries past its end, another hash, MACs it never had), then only the signature is reported: nothing is worked out from an anchor that does not verify', () => {
    const entries = fourReads();
    const unkeyed = appended([], ['a', 'b', 'c', 'd'], false);
    const forgedBy = pems().privateKey;
    const forged = (claims: { seq: number; hash: string; macsFrom?: number }) =>
      signAccessLogAnchor(
        { format: 'aimline-access-log-anchor/1', log: LOG, ...claims, createdAt: AT },
        forgedBy,
      );
    const onlyTheSignature = {
      signatureValid: false,
      faults: [
        {
          kind: 'signature',
          field: 'signature',
          why: 'the anchor signature does not verify with this public key (the anchor forged or altered, or another key)',
        },
      ],
      added: 0,
      intact: false,
    };
    // Each would be a `cut`, a `replaced`, a `missing` or a `stripped` finding under the real key.
    for (const [log, anchor] of [
      [entries, forged({ seq: 41, hash: 'f'.repeat(64) })],
      [entries, forged({ seq: 1, hash: 'f'.repeat(64) })],
      [[entries[0]!, entries[2]!, entries[3]!], forged({ seq: 1, hash: entries[1]!.hash })],
      [unkeyed, forged({ seq: 3, hash: unkeyed[3]!.hash, macsFrom: 0 })],
      [entries, forged({ seq: 0, hash: entries[0]!.hash })],
    ] as const)
      expect(checkAccessLogAnchor(log, anchor, publicKey)).toEqual(onlyTheSignature);
    // The same anchor altered after signing: the log it names is not checked against it either.
    const anchor = anchorOf(entries);
    expect(check(entries.slice(0, 2), { ...anchor, macsFrom: 1 })).toEqual(onlyTheSignature);
  });

  it('given an anchor file with an unknown member, a member of the wrong type, or a negative sequence number, then decoding refuses it naming the member, never quoting a value', () => {
    const good = JSON.parse(JSON.stringify(anchorOf(fourReads()))) as Record<string, unknown>;
    const refusal = (json: unknown) => {
      const decoded = decodeSignedDocument(SignedAccessLogAnchorCodec, json);
      return E.isLeft(decoded) ? decoded.left : [];
    };
    expect(refusal(good)).toEqual([]);
    expect(refusal({ ...good, subjects: ['ch-1'] })).toEqual([
      expect.objectContaining({ path: 'subjects' }),
    ]);
    expect(refusal({ ...good, seq: '3' })).toEqual([
      { path: 'seq', message: 'expected a sequence number (a whole number from 0), got a string' },
    ]);
    expect(refusal({ ...good, macsFrom: -1 })[0]?.path).toBe('macsFrom');
    expect(refusal({ ...good, hash: 'Ash Invented' })).toEqual([
      { path: 'hash', message: 'expected a SHA-256 hash (64 hex digits), got a string' },
    ]);
    expect(refusal({ ...good, format: 'aimline-anchor/1' })[0]?.path).toBe('format');
  });
});
