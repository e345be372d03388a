import * as t from 'io-ts';
import {
  documentSignatureValid,
  IsoInstant,
  signDocument,
  signedDocument,
  type Ed25519Key,
  type Signed,
} from '@aimline/kernel';
import type { LoggedAccess } from './access-log.js';

/**
 * What an access-log anchor states: the log (its file), its last entry (sequence number and
 * hash: the entry's link, which covers every entry before it through the chain), the MACs it
 * covers, and when it was taken. The log does not record which event store it belongs to, so
 * the anchor names the file alone.
 */
export interface AccessLogAnchor {
  readonly format: 'aimline-access-log-anchor/1';
  /** The log's file, as the anchoring command opened it. */
  readonly log: string;
  /** The sequence number of the log's last entry. */
  readonly seq: number;
  /** That entry's hash. */
  readonly hash: string;
  /**
   * The first entry of the run of entries ending at the anchored one that all carried a MAC
   * (all of them, in a log written under the chain key from its start: 0); absent when the
   * anchored entry had none.
   */
  readonly macsFrom?: number;
  readonly createdAt: string;
}

/** An access-log anchor with its Ed25519 signature (the kernel's signed document). */
export type SignedAccessLogAnchor = Signed<AccessLogAnchor>;

const SequenceNumber = t.refinement(
  t.number,
  (n) => Number.isSafeInteger(n) && n >= 0,
  'a sequence number (a whole number from 0)',
);

/** A signed access-log anchor as a file holds it, for `decodeSignedDocument`. */
export const SignedAccessLogAnchorCodec: t.Type<SignedAccessLogAnchor, SignedAccessLogAnchor> =
  signedDocument(
    t.intersection([
      t.type({
        format: t.literal('aimline-access-log-anchor/1'),
        log: t.refinement(t.string, (s) => s !== '', 'a file name'),
        seq: SequenceNumber,
        hash: t.refinement(
          t.string,
          (s) => /^[0-9a-f]{64}$/.test(s),
          'a SHA-256 hash (64 hex digits)',
        ),
        createdAt: IsoInstant,
      }),
      t.partial({ macsFrom: SequenceNumber }),
    ]),
  );

/**
 * The anchor of a log as its entries stand (`readAccessLogFile`): its last entry in file order
 * (the one the next append chains after), and the run of MACs ending there. Undefined for a log
 * with no entry: there is nothing to anchor.
 */
export const accessLogAnchor = (
  entries: ReadonlyArray<LoggedAccess>,
  log: string,
  createdAt: string,
): AccessLogAnchor | undefined => {
  const last = entries.at(-1);
  if (last === undefined) return undefined;
  let first = entries.length;
  while (first > 0 && entries[first - 1]!.mac !== undefined) first--;
  return {
    format: 'aimline-access-log-anchor/1',
    log,
    seq: last.seq,
    hash: last.hash,
    ...(first < entries.length ? { macsFrom: entries[first]!.seq } : {}),
    createdAt,
  };
};

/**
 * Signs an access-log anchor with an Ed25519 private key (PEM, or `ed25519PrivateKey`); throws
 * the kernel's `Ed25519KeyRefusedError` when the key is not one.
 */
export const signAccessLogAnchor = (
  anchor: AccessLogAnchor,
  privateKey: Ed25519Key,
): SignedAccessLogAnchor => signDocument(anchor, privateKey);

/**
 * Something in the log that does not hold against its anchor, naming the anchor's member it
 * concerns (`field`) and where in the log it shows (`index`: the entry's place in the file's
 * entries, when there is one).
 *
 * - `signature`: the anchor's signature does not verify with the public key (the anchor forged
 *   or altered, or the wrong key); the only fault then, since the anchor's members are not to be
 *   believed;
 * - `cut`: the log ends before the anchored entry (entries cut from its end, or an older, shorter
 *   copy restored); `index` is the log's last entry, if any;
 * - `missing`: the anchored entry is not in the log, though later entries are (deleted);
 * - `replaced`: the log has an entry with the anchored sequence number, not the one anchored (an
 *   older copy restored and appended to, or the log rewritten up to it);
 * - `stripped`: `count` entries from `index` on have no MAC, though every entry from
 *   `macsFrom` to the anchored one carried one when anchored.
 */
export interface AccessLogAnchorFault {
  readonly kind: 'signature' | 'cut' | 'missing' | 'replaced' | 'stripped';
  readonly field: 'signature' | 'seq' | 'hash' | 'macsFrom';
  readonly index?: number;
  readonly count?: number;
  readonly why: string;
}

export interface AccessLogAnchorCheck {
  readonly signatureValid: boolean;
  /**
   * Every fault, in the order of the anchor's members; when the signature does not verify, that
   * one fault alone (an unverified anchor's members are not evidence of anything).
   */
  readonly faults: ReadonlyArray<AccessLogAnchorFault>;
  /**
   * Entries after the anchored one (entries with a later sequence number when it is gone); 0 when
   * the signature does not verify.
   */
  readonly added: number;
  /** Whether everything the anchor states holds (the chain itself is `verifyAccessLog`'s). */
  readonly intact: boolean;
}

const entriesWord = (from: number, to: number): string =>
  from === to ? `entry ${from}` : `entries ${from} to ${to}`;

/** Where the anchored entry is, or why it is not there. */
const anchoredEntry = (
  entries: ReadonlyArray<LoggedAccess>,
  anchor: AccessLogAnchor,
): { readonly index: number } | AccessLogAnchorFault => {
  const same = entries.findIndex((e) => e.seq === anchor.seq && e.hash === anchor.hash);
  if (same !== -1) return { index: same };
  const other = entries.findIndex((e) => e.seq === anchor.seq);
  if (other !== -1)
    return {
      kind: 'replaced',
      field: 'hash',
      index: other,
      why: `entry ${anchor.seq} is not the entry anchored (its hash differs): an older copy of the log restored, or the log rewritten up to it`,
    };
  let lastIndex = -1;
  for (const [i, e] of entries.entries())
    if (lastIndex === -1 || e.seq >= entries[lastIndex]!.seq) lastIndex = i;
  const last = entries[lastIndex];
  if (last === undefined || last.seq < anchor.seq)
    return {
      kind: 'cut',
      field: 'seq',
      ...(last === undefined ? {} : { index: lastIndex }),
      why: `the anchored entry ${anchor.seq} is not in the log, which ${
        last === undefined ? 'holds no entry' : `ends at entry ${last.seq} (${last.at})`
      }: ${entriesWord(last === undefined ? 0 : last.seq + 1, anchor.seq)} cut from its end, or an older copy restored`,
    };
  return {
    kind: 'missing',
    field: 'seq',
    why: `the anchored entry ${anchor.seq} is not in the log, though later entries are (deleted)`,
  };
};

/** Runs of entries the anchor says carried a MAC that have none now. */
const strippedMacs = (
  entries: ReadonlyArray<LoggedAccess>,
  anchor: AccessLogAnchor,
): AccessLogAnchorFault[] => {
  const from = anchor.macsFrom;
  if (from === undefined) return [];
  const out: AccessLogAnchorFault[] = [];
  let run: { start: number; count: number } | undefined;
  const close = () => {
    if (run === undefined) return;
    const first = entries[run.start]!.seq;
    const last = entries[run.start + run.count - 1]!.seq;
    out.push({
      kind: 'stripped',
      field: 'macsFrom',
      index: run.start,
      count: run.count,
      why: `${entriesWord(first, last)} ${run.count === 1 ? 'has' : 'have'} no MAC, though every entry from entry ${from} to entry ${anchor.seq} carried one when anchored (removed)`,
    });
    run = undefined;
  };
  for (const [index, e] of entries.entries()) {
    const covered = e.seq >= from && e.seq <= anchor.seq && e.mac === undefined;
    if (covered && run !== undefined && run.start + run.count === index) run.count++;
    else {
      close();
      if (covered) run = { start: index, count: 1 };
    }
  }
  close();
  return out;
};

/**
 * Checks a log's entries (`readAccessLogFile`) against a signed anchor with the public key alone:
 * the signature, the anchored entry (there, with the anchored hash: not cut from the end, not
 * replaced by an older copy) and the MACs the anchor covers (there: not stripped; whether they
 * verify is `verifyAccessLog`'s, with the chain key). Use it with `verifyAccessLog`, which
 * checks that every entry up to the anchored one links to it. An anchor whose signature does
 * not verify states nothing: its one fault is `signature`, and nothing is worked out from its
 * members (no `cut`, `missing`, `replaced` or `stripped`, no entries `added` after it), so a
 * forged anchor cannot make findings up about the log.
 */
export const checkAccessLogAnchor = (
  entries: ReadonlyArray<LoggedAccess>,
  anchor: SignedAccessLogAnchor,
  publicKey: Ed25519Key,
): AccessLogAnchorCheck => {
  if (!documentSignatureValid(anchor, publicKey))
    return {
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
  const found = anchoredEntry(entries, anchor);
  const faults: AccessLogAnchorFault[] = [
    ...('kind' in found ? [found] : []),
    ...strippedMacs(entries, anchor),
  ];
  const added =
    'kind' in found
      ? entries.filter((e) => e.seq > anchor.seq).length
      : entries.length - found.index - 1;
  return { signatureValid: true, faults, added, intact: faults.length === 0 };
};
