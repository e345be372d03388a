import { createHash } from 'node:crypto';
import * as t from 'io-ts';
import { canonicalJson, errorWithCauses, type ChainKey } from '@aimline/kernel';

/** What every entry records of one read: who, what (streams, people, categories), when and why. */
const readFields = {
  /** When the read happened (the reader's clock). */
  at: t.string,
  principal: t.string,
  role: t.string,
  agency: t.string,
  purpose: t.string,
  /**
   * The streams (cases) whose events were read: in format 3 every stream the read showed any
   * event of; in formats 1 and 2 only those it showed personal data of.
   */
  streams: t.readonlyArray(t.string),
  /** The people whose personal data was shown (person ids of the subject mapping). */
  subjects: t.readonlyArray(t.string),
  /** The categories of personal data shown. */
  categories: t.readonlyArray(t.string),
  /** How many personal fields were withheld from this reader. */
  withheld: t.number,
};

/**
 * Format 1 of an entry (logs written before the store read was recorded): no `format` member
 * and no store. Still read and verified as written; never written again.
 */
export const AccessEntryFormat1 = t.type(readFields, 'AccessEntryFormat1');

/**
 * Format 2 of an entry (logs written before every read of a case was recorded, up to
 * 2026-11-26): format 1 and the store that was read (`store`: its identity,
 * `EventStore.identity()`, the UUID made when the store was created — the one a store anchor
 * names), so one log shared by two stores, or a log moved beside another store, still says
 * which store's records each read showed. Only reads that showed personal data were recorded.
 * Still read and verified as written; never written again.
 */
export const AccessEntryFormat2 = t.type(
  { format: t.literal(2), store: t.string, ...readFields },
  'AccessEntryFormat2',
);

/** The entry format a reader writes now. */
export const ACCESS_ENTRY_FORMAT = 3;

/**
 * Format 3 of an entry: format 2 written for every read that showed any event of a stream,
 * whatever personal fields it opened (a read for deadlines opens none of an HSB case's), and
 * `about`: the people the records read are about, whether or not any of their personal data
 * was shown — each stream's primary subject and every person the events shown hold personal
 * data of (the subject mapping a subject access request finds a person's records by). So
 * "who has looked at this child's record" finds a read of the child's case that showed none
 * of the child's fields.
 */
export const AccessEntryFormat3 = t.type(
  {
    format: t.literal(ACCESS_ENTRY_FORMAT),
    store: t.string,
    ...readFields,
    about: t.readonlyArray(t.string),
  },
  'AccessEntryFormat3',
);

/** One read as the log holds it: any format (the newest first). */
export const AccessEntry = t.union(
  [AccessEntryFormat3, AccessEntryFormat2, AccessEntryFormat1],
  'AccessEntry',
);
export type AccessEntry = t.TypeOf<typeof AccessEntry>;
/** An entry as a reader writes it now (format 3: every read of a case, with whom it is about). */
export type CurrentAccessEntry = t.TypeOf<typeof AccessEntryFormat3>;

/** The store an entry names, or undefined for a format-1 entry (the store was not recorded). */
export const storeOfEntry = (entry: AccessEntry): string | undefined =>
  'store' in entry ? entry.store : undefined;

/**
 * How a read recorded in `entry` touched `person`'s records: `personal-data` when it showed
 * personal data of theirs (`subjects`, every format), `record` when it showed events of a
 * record about them but none of their personal data (`about`, format 3), undefined when the
 * entry does not name them (an entry of format 1 or 2 recorded only reads of personal data).
 */
export const readOfPerson = (
  entry: AccessEntry,
  person: string,
): 'personal-data' | 'record' | undefined =>
  entry.subjects.includes(person)
    ? 'personal-data'
    : 'about' in entry && entry.about.includes(person)
      ? 'record'
      : undefined;

/**
 * An entry as the log holds it: its sequence number, its link in the hash chain, and, when the
 * log is written with a chain key, the link's MAC under that key (held outside the log).
 */
export type LoggedAccess = AccessEntry & {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
  readonly mac?: string;
};

export const ACCESS_LOG_GENESIS = '0'.repeat(64);

export const accessHashOf = (prevHash: string, seq: number, entry: AccessEntry): string =>
  createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ ...entry, seq }))
    .digest('hex');

/**
 * What an entry's MAC covers: its sequence number and its link (which covers the entry and the
 * link before it). Another domain than the event store's links and heads, so a MAC of one is
 * never a MAC of the other under the same chain key. Nothing in it names the log: another log
 * written under the same key (or the start of one) verifies as this one, except against an
 * anchor of this one (`checkAccessLogAnchor`: its last entry's hash is not in the other).
 */
export const accessMacMessage = (seq: number, hash: string): string =>
  `aimline-access-log\n${seq}\n${hash}`;

/**
 * Chains an entry after `last` (or the genesis); with a chain key (the event store's
 * `ChainKey`: a key file, or a council's KMS), the link carries its MAC, so a rewrite that
 * recomputes every hash is detected by whoever holds the key.
 */
export const chainAccess = (
  last: LoggedAccess | undefined,
  entry: AccessEntry,
  key?: ChainKey,
): LoggedAccess => {
  const seq = last === undefined ? 0 : last.seq + 1;
  const prevHash = last?.hash ?? ACCESS_LOG_GENESIS;
  const hash = accessHashOf(prevHash, seq, entry);
  return {
    ...entry,
    seq,
    prevHash,
    hash,
    ...(key === undefined ? {} : { mac: key.mac(accessMacMessage(seq, hash)) }),
  };
};

/** The access log port: append-only, hash-chained; what is appended is of the current format. */
export interface AccessLog {
  append(entry: CurrentAccessEntry): LoggedAccess;
  entries(): ReadonlyArray<LoggedAccess>;
}

/** An access log in memory (tests, `memory:` stores); its links MACed when a key is given. */
export const memoryAccessLog = (options: { readonly key?: ChainKey } = {}): AccessLog => {
  const all: LoggedAccess[] = [];
  return {
    append: (entry) => {
      const logged = chainAccess(all.at(-1), entry, options.key);
      all.push(logged);
      return logged;
    },
    entries: () => all,
  };
};

/**
 * The access log's file cannot be read or written (a folder in its place, no such folder, no
 * permission, a full disk, its lock held too long by another writer). No read of personal data
 * may go unrecorded, so the read fails and shows nothing.
 */
export class AccessLogUnavailable extends Error {
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`the access log ${file} cannot be used: ${errorWithCauses(cause)}`, { cause });
    this.name = 'AccessLogUnavailable';
  }
}
