import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { canonicalJson, fieldProblems, unknownFields } from '@aimline/kernel';

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

/** Where the first break of an access log is (an edited, deleted, inserted or reordered line), if any. */
export const verifyAccessLog = (
  entries: ReadonlyArray<LoggedAccess>,
): { readonly ok: true } | { readonly ok: false; readonly seq: number; readonly why: string } => {
  let prev: LoggedAccess | undefined;
  for (const [i, e] of entries.entries()) {
    const { seq, prevHash, hash, ...entry } = e;
    if (seq !== i) return { ok: false, seq: i, why: `entry ${i} has sequence number ${seq}` };
    if (prevHash !== (prev?.hash ?? ACCESS_LOG_GENESIS))
      return { ok: false, seq, why: `entry ${seq} does not follow entry ${seq - 1}` };
    if (hashOf(prevHash, seq, entry) !== hash)
      return { ok: false, seq, why: `entry ${seq} was changed after it was written` };
    prev = e;
  }
  return { ok: true };
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

/** Reads a log file strictly: a line that is not an entry is refused, naming the line and field. */
export const readAccessLogFile = (file: string): E.Either<string, LoggedAccess[]> => {
  if (!existsSync(file)) return E.right([]);
  const out: LoggedAccess[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      return E.left(`${file} line ${i + 1}: not JSON`);
    }
    const d = Logged.decode(json);
    const problems = E.isLeft(d) ? fieldProblems(d.left) : unknownFields(Logged, json);
    if (E.isLeft(d) || problems.length > 0)
      return E.left(
        `${file} line ${i + 1}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      );
    out.push(d.right);
  }
  return E.right(out);
};

/**
 * An access log in a file of its own (JSON lines, opened for appending only, mode 0600): beside
 * a SQLite store by default, at a path given for EventStoreDB and for `--read-only` evidence
 * copies (whose reading is itself recorded, outside the copy). Never in the event store: a read
 * must not need write access to the evidence, and the log must not become case history.
 */
export const fileAccessLog = (file: string): AccessLog => {
  const existing = readAccessLogFile(file);
  if (E.isLeft(existing)) throw new Error(existing.left);
  const all = existing.right;
  return {
    append: (entry) => {
      const logged = chainAccess(all.at(-1), entry);
      appendFileSync(file, `${JSON.stringify(logged)}\n`, { mode: 0o600, flag: 'a' });
      all.push(logged);
      return logged;
    },
    entries: () => all,
  };
};
