import { createHash } from 'node:crypto';
import * as t from 'io-ts';
import { canonicalJson, errorWithCauses } from '@aimline/kernel';

/** One read of personal data: who, what (streams, people, categories), when and why. */
export const AccessEntry = t.type(
  {
    /** When the read happened (the reader's clock). */
    at: t.string,
    principal: t.string,
    role: t.string,
    agency: t.string,
    purpose: t.string,
    /** The streams (cases) whose events were read. */
    streams: t.readonlyArray(t.string),
    /** The people whose personal data was shown (person ids of the subject mapping). */
    subjects: t.readonlyArray(t.string),
    categories: t.readonlyArray(t.string),
    /** How many personal fields were withheld from this reader. */
    withheld: t.number,
  },
  'AccessEntry',
);
export type AccessEntry = t.TypeOf<typeof AccessEntry>;

/** An entry as the log holds it: its sequence number and its link in the hash chain. */
export interface LoggedAccess extends AccessEntry {
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

export const ACCESS_LOG_GENESIS = '0'.repeat(64);

export const accessHashOf = (prevHash: string, seq: number, entry: AccessEntry): string =>
  createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ ...entry, seq }))
    .digest('hex');

/** Chains an entry after `last` (or the genesis). */
export const chainAccess = (last: LoggedAccess | undefined, entry: AccessEntry): LoggedAccess => {
  const seq = last === undefined ? 0 : last.seq + 1;
  const prevHash = last?.hash ?? ACCESS_LOG_GENESIS;
  return { ...entry, seq, prevHash, hash: accessHashOf(prevHash, seq, entry) };
};

/** The access log port: append-only, hash-chained. */
export interface AccessLog {
  append(entry: AccessEntry): LoggedAccess;
  entries(): ReadonlyArray<LoggedAccess>;
}

/** An access log in memory (tests, `memory:` stores). */
export const memoryAccessLog = (): AccessLog => {
  const all: LoggedAccess[] = [];
  return {
    append: (entry) => {
      const logged = chainAccess(all.at(-1), entry);
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
