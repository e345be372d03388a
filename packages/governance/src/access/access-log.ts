import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { canonicalJson, errorWithCauses, fieldProblems, unknownFields } from '@aimline/kernel';

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

const hashOf = (prevHash: string, seq: number, entry: AccessEntry): string =>
  createHash('sha256')
    .update(prevHash)
    .update(canonicalJson({ ...entry, seq }))
    .digest('hex');

/** Chains an entry after `last` (or the genesis). */
export const chainAccess = (last: LoggedAccess | undefined, entry: AccessEntry): LoggedAccess => {
  const seq = last === undefined ? 0 : last.seq + 1;
  const prevHash = last?.hash ?? ACCESS_LOG_GENESIS;
  return { ...entry, seq, prevHash, hash: hashOf(prevHash, seq, entry) };
};

/** A place where an access log's chain does not hold: the entry (by sequence number) and why. */
export interface AccessLogBreak {
  readonly seq: number;
  readonly why: string;
}

/**
 * Whether an access log's chain holds. When it does not, `seq` and `why` name the first break
 * (an edited, deleted, inserted or reordered entry), and `breaks` every one: each link is
 * checked against the entry before it as the log holds it, so an entry appended after an
 * alteration does not hide a later one.
 */
export const verifyAccessLog = (
  entries: ReadonlyArray<LoggedAccess>,
):
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly seq: number;
      readonly why: string;
      readonly breaks: ReadonlyArray<AccessLogBreak>;
    } => {
  const breaks: AccessLogBreak[] = [];
  let prev: LoggedAccess | undefined;
  for (const e of entries) {
    const { seq, prevHash, hash, ...entry } = e;
    const expected = prev === undefined ? 0 : prev.seq + 1;
    if (seq !== expected)
      breaks.push({ seq: expected, why: `entry ${expected} has sequence number ${seq}` });
    else if (prevHash !== (prev?.hash ?? ACCESS_LOG_GENESIS))
      breaks.push({ seq, why: `entry ${seq} does not follow entry ${seq - 1}` });
    if (hashOf(prevHash, seq, entry) !== hash)
      breaks.push({ seq, why: `entry ${seq} was changed after it was written` });
    prev = e;
  }
  const first = breaks[0];
  return first === undefined ? { ok: true } : { ok: false, ...first, breaks };
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

const Logged = t.intersection([
  AccessEntry,
  t.type({ seq: t.number, prevHash: t.string, hash: t.string }),
]);

/**
 * The access log's file cannot be read or written (a folder in its place, no such folder, no
 * permission, a full disk). No read of personal data may go unrecorded, so the read fails and
 * shows nothing.
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

/** A line of a log file that is not an entry (a write cut short, an edit that broke its form). */
export interface DamagedLine {
  /** The line number, from 1. */
  readonly line: number;
  readonly why: string;
}

/** What a log file holds: its entries, in file order, and the lines that are not entries. */
export interface AccessLogFile {
  readonly entries: ReadonlyArray<LoggedAccess>;
  readonly damaged: ReadonlyArray<DamagedLine>;
  /** Whether the file's last line has no newline (a write cut short): the next append starts a line. */
  readonly endsMidLine: boolean;
}

/**
 * Reads a log file strictly, line by line: a line that is not an entry (not JSON, a missing,
 * wrong or unknown field) is reported as damaged, naming the line and the field, and the other
 * lines are still read, so one bad line never hides the rest of the record or stops reads
 * being recorded. A file that does not exist holds nothing; one that cannot be read is
 * `AccessLogUnavailable`.
 */
export const readAccessLogFile = (file: string): AccessLogFile => {
  if (!existsSync(file)) return { entries: [], damaged: [], endsMidLine: false };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AccessLogUnavailable(file, e);
  }
  const entries: LoggedAccess[] = [];
  const damaged: DamagedLine[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      damaged.push({ line: i + 1, why: 'not JSON' });
      continue;
    }
    const d = Logged.decode(json);
    const problems = E.isLeft(d) ? fieldProblems(d.left) : unknownFields(Logged, json);
    if (E.isLeft(d) || problems.length > 0)
      damaged.push({
        line: i + 1,
        why: problems.map((p) => `${p.path}: ${p.message}`).join('; '),
      });
    else entries.push(d.right);
  }
  return { entries, damaged, endsMidLine: text !== '' && !text.endsWith('\n') };
};

/**
 * An access log in a file of its own (JSON lines, opened for appending only, mode 0600): beside
 * a SQLite store by default, at a path given for EventStoreDB and for `--read-only` evidence
 * copies (whose reading is itself recorded, outside the copy). Never in the event store: a read
 * must not need write access to the evidence, and the log must not become case history.
 *
 * A log that has been altered, or whose last write was cut short, is still appended to: each
 * new entry chains after the last entry the file holds, on a line of its own. Refusing would let
 * one bad line stop every read of the case system; the alteration stays where it is, and
 * `verifyAccessLog` (so `aimline access-log`) reports it on every later check. A file that cannot
 * be read or written is `AccessLogUnavailable`, thrown before anything is shown.
 */
export const fileAccessLog = (file: string): AccessLog => {
  const existing = readAccessLogFile(file);
  const all = [...existing.entries];
  let startsLine = existing.endsMidLine;
  return {
    append: (entry) => {
      const logged = chainAccess(all.at(-1), entry);
      try {
        appendFileSync(file, `${startsLine ? '\n' : ''}${JSON.stringify(logged)}\n`, {
          mode: 0o600,
          flag: 'a',
        });
      } catch (e) {
        throw new AccessLogUnavailable(file, e);
      }
      startsLine = false;
      all.push(logged);
      return logged;
    },
    entries: () => all,
  };
};
