import type { ChainKey } from '@aimline/kernel';
import {
  ACCESS_LOG_GENESIS,
  accessHashOf,
  accessMacMessage,
  type LoggedAccess,
} from './access-log.js';

/**
 * A place where an access log's chain does not hold. `index` is where it shows in the entries
 * as the log holds them (0 = the first whole entry), so a mark lands on an entry that is there;
 * `seq` is the sequence number it concerns.
 *
 * - `changed`: the entry's content no longer matches its hash (edited after it was written);
 * - `unlinked`: the entry does not follow the entry before it (one inserted, replaced or moved);
 * - `misplaced`: a sequence number out of order, or given twice;
 * - `deleted`: entries `missing.from`–`missing.to` are in no line of the log; they stood
 *   between the surviving entries `after` (absent when the first entries are gone) and `before`,
 *   and `index` is `before`'s place (the gap comes just before it);
 * - with a chain key only: `forged`, `count` entries from `index` on whose MACs do not verify
 *   (written or rewritten without the key, hashes recomputed or not), and `unsigned`, `count`
 *   entries from `index` on with no MAC although an entry before them has one.
 */
export type AccessLogBreak =
  | {
      readonly kind: 'changed' | 'unlinked' | 'misplaced';
      readonly seq: number;
      readonly index: number;
      readonly why: string;
    }
  | {
      readonly kind: 'deleted';
      readonly seq: number;
      readonly index: number;
      readonly missing: { readonly from: number; readonly to: number };
      readonly after?: number;
      readonly before: number;
      readonly why: string;
    }
  | {
      readonly kind: 'forged' | 'unsigned';
      readonly seq: number;
      readonly index: number;
      readonly count: number;
      readonly why: string;
    };

export type AccessLogCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly seq: number;
      readonly why: string;
      readonly breaks: ReadonlyArray<AccessLogBreak>;
    };

const entriesWord = (from: number, to: number): string =>
  from === to ? `entry ${from} is` : `entries ${from} to ${to} are`;

/** Why a run of sequence numbers is missing, and where it stood. */
const deletion = (
  from: number,
  to: number,
  after: LoggedAccess | undefined,
  before: LoggedAccess,
  index: number,
): AccessLogBreak => ({
  kind: 'deleted',
  seq: from,
  index,
  missing: { from, to },
  ...(after === undefined ? {} : { after: after.seq }),
  before: before.seq,
  why: `${entriesWord(from, to)} missing (deleted) ${
    after === undefined ? 'before' : `between entry ${after.seq} (${after.at}) and`
  } entry ${before.seq} (${before.at})`,
});

/** Whether any of `sorted` (ascending) lies in [from, to). */
const anyBetween = (sorted: ReadonlyArray<number>, from: number, to: number): boolean => {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo]! < to;
};

type MacFault = 'forged' | 'unsigned';

const macWhy = (kind: MacFault, first: LoggedAccess, last: LoggedAccess, count: number): string => {
  const which =
    count === 1
      ? `entry ${first.seq} has`
      : `the ${count} entries from entry ${first.seq} to entry ${last.seq} have`;
  return kind === 'forged'
    ? `${which} a MAC that does not verify under the chain key (written or rewritten without it)`
    : `${which} no MAC although an entry before ${count === 1 ? 'it' : 'them'} has one (removed, or written without the chain key)`;
};

/**
 * With a chain key: each run of entries whose MAC does not verify, and each run without a MAC
 * after an entry that has one (a MAC once given is never dropped; entries before the first MAC
 * were written before a key was set, `unkeyedAccessEntries`).
 */
const macBreaks = (entries: ReadonlyArray<LoggedAccess>, key: ChainKey): AccessLogBreak[] => {
  const out: AccessLogBreak[] = [];
  let keyed = false;
  let run: { kind: MacFault; start: number; count: number } | undefined;
  const close = () => {
    if (run === undefined) return;
    const first = entries[run.start]!;
    const last = entries[run.start + run.count - 1]!;
    out.push({
      kind: run.kind,
      seq: first.seq,
      index: run.start,
      count: run.count,
      why: macWhy(run.kind, first, last, run.count),
    });
    run = undefined;
  };
  for (const [index, e] of entries.entries()) {
    const fault: MacFault | undefined =
      e.mac === undefined
        ? keyed
          ? 'unsigned'
          : undefined
        : e.mac === key.mac(accessMacMessage(e.seq, e.hash))
          ? undefined
          : 'forged';
    if (e.mac !== undefined) keyed = true;
    if (run !== undefined && run.kind === fault) run.count++;
    else {
      close();
      if (fault !== undefined) run = { kind: fault, start: index, count: 1 };
    }
  }
  close();
  return out;
};

/** How many entries come before the first with a MAC (all, when none has one): no MAC to check. */
export const unkeyedAccessEntries = (entries: ReadonlyArray<LoggedAccess>): number => {
  const first = entries.findIndex((e) => e.mac !== undefined);
  return first === -1 ? entries.length : first;
};

/**
 * Whether an access log's chain holds. When it does not, `seq` and `why` name the first break,
 * and `breaks` every one, each located (`AccessLogBreak`): every link is checked against the
 * entry before it as the log holds it, so an entry appended after an alteration does not hide a
 * later one. A run of sequence numbers that no line holds is one deletion, located by the
 * surviving entries around it (`index` is the place of `before`, the entry after the gap; `after`
 * the entry before it); its `seq` is the first missing number, which no entry has. Entries cut
 * from the end leave no gap and cannot be told from a log that ended there, except against an
 * anchor taken before (`checkAccessLogAnchor`).
 *
 * Unkeyed SHA-256 can be recomputed by whoever can write the file. With the chain key the log
 * was written with (`fileAccessLog(file, { key })`), every MAC is checked too: a rewrite with
 * recomputed hashes is `forged`, MACs stripped after the first are `unsigned`.
 */
export const verifyAccessLog = (
  entries: ReadonlyArray<LoggedAccess>,
  key?: ChainKey,
): AccessLogCheck => {
  const held = [...new Set(entries.map((e) => e.seq))].sort((a, b) => a - b);
  const seen = new Set<number>();
  const breaks: AccessLogBreak[] = [];
  let prev: LoggedAccess | undefined;
  for (const [index, e] of entries.entries()) {
    const { seq, prevHash, hash, mac: _mac, ...entry } = e;
    const expected = prev === undefined ? 0 : prev.seq + 1;
    if (seq > expected && !anyBetween(held, expected, seq))
      breaks.push(deletion(expected, seq - 1, prev, e, index));
    else if (seq !== expected)
      breaks.push({
        kind: 'misplaced',
        seq,
        index,
        why: `entry ${seq} ${seen.has(seq) ? 'is in the log twice: again' : 'is out of order:'} ${
          prev === undefined ? 'first' : `after entry ${prev.seq}`
        }`,
      });
    else if (prevHash !== (prev?.hash ?? ACCESS_LOG_GENESIS))
      breaks.push({
        kind: 'unlinked',
        seq,
        index,
        why: `entry ${seq} does not follow entry ${seq - 1}`,
      });
    if (accessHashOf(prevHash, seq, entry) !== hash)
      breaks.push({
        kind: 'changed',
        seq,
        index,
        why: `entry ${seq} was changed after it was written`,
      });
    seen.add(seq);
    prev = e;
  }
  const all =
    key === undefined
      ? breaks
      : [...breaks, ...macBreaks(entries, key)].sort((a, b) => a.index - b.index);
  const first = all[0];
  return first === undefined
    ? { ok: true }
    : { ok: false, seq: first.seq, why: first.why, breaks: all };
};
