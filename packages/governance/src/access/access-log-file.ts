import { closeSync, fstatSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { fieldProblems, unknownFields, type ChainKey } from '@aimline/kernel';
import {
  AccessEntry,
  AccessLogUnavailable,
  chainAccess,
  type AccessLog,
  type LoggedAccess,
} from './access-log.js';
import {
  ACCESS_LOG_LOCK_WAIT_MS,
  accessLogLock,
  underLock,
  type AccessLogLock,
} from './access-log-lock.js';

export { ACCESS_LOG_LOCK_WAIT_MS };

const Logged = t.intersection([
  AccessEntry,
  t.type({ seq: t.number, prevHash: t.string, hash: t.string }),
  t.partial({ mac: t.string }),
]);

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

export interface FileAccessLogOptions {
  /** How long to wait for another writer's lock before the log is `AccessLogUnavailable`. */
  readonly lockWaitMs?: number;
  /**
   * The chain key (the event store's `ChainKey`, held outside the log: a key file or a
   * council's KMS): each appended entry carries its link's MAC, which `verifyAccessLog` checks
   * with the same key. Every writer of one log must be given it.
   */
  readonly key?: ChainKey;
}

/** One line strictly: an entry, or why it is not one (naming the field, never quoting a value). */
const parseLine = (line: string): E.Either<string, LoggedAccess> => {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return E.left('not JSON');
  }
  const d = Logged.decode(json);
  const problems = E.isLeft(d) ? fieldProblems(d.left) : unknownFields(Logged, json);
  return E.isLeft(d) || problems.length > 0
    ? E.left(problems.map((p) => `${p.path}: ${p.message}`).join('; '))
    : E.right(d.right);
};

const codeOf = (e: unknown): unknown => (e as { code?: unknown } | null)?.code;

/** The file must be a regular file (or not exist yet); anything else is unavailable. */
const exists = (file: string): boolean => {
  try {
    if (statSync(file).isFile()) return true;
  } catch (e) {
    if (codeOf(e) === 'ENOENT') return false;
    throw new AccessLogUnavailable(file, e);
  }
  throw new AccessLogUnavailable(file, new Error('it is not a regular file'));
};

/** Fills `bytes` from the open file `fd`, from byte `position` on. */
const readAt = (fd: number, bytes: Buffer, position: number): void => {
  for (let at = 0; at < bytes.length;) {
    const read = readSync(fd, bytes, at, bytes.length - at, position + at);
    if (read === 0) throw new Error(`it ended at byte ${position + at}, before its size`);
    at += read;
  }
};

/** The file's bytes up to its size under the lock, read after the lock is let go. */
const readLogFile = (file: string, hold: AccessLogLock['hold']): AccessLogFile => {
  if (!exists(file)) return { entries: [], damaged: [], endsMidLine: false };
  // Only the size is taken under the lock: a write under way has then finished, and appends
  // only ever add past it, so the bytes before it are read without holding writers up.
  const text = withLogOpen(file, 'r', (fd) => {
    const bytes = Buffer.alloc(hold(() => onFile(file, () => fstatSync(fd).size)));
    onFile(file, () => readAt(fd, bytes, 0));
    return bytes.toString('utf8');
  });
  const entries: LoggedAccess[] = [];
  const damaged: DamagedLine[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line === '') continue;
    const parsed = parseLine(line);
    if (E.isLeft(parsed)) damaged.push({ line: i + 1, why: parsed.left });
    else entries.push(parsed.right);
  }
  return { entries, damaged, endsMidLine: text !== '' && !text.endsWith('\n') };
};

/**
 * Reads a log file strictly, line by line, up to its size under its lock (so a write under way
 * is never read half done, and writers wait only while that size is taken): a line that is not
 * an entry (not JSON, a missing, wrong or unknown field) is reported as damaged, naming the line
 * and the field, and the other lines are still read, so one bad line never hides the rest of
 * the record or stops reads being recorded. A file that does not exist holds nothing; one that
 * cannot be read is `AccessLogUnavailable`.
 */
export const readAccessLogFile = (
  file: string,
  options: FileAccessLogOptions = {},
): AccessLogFile =>
  readLogFile(file, (work) => underLock(file, options.lockWaitMs ?? ACCESS_LOG_LOCK_WAIT_MS, work));

/** Read backwards in chunks this long; a longer line is carried across chunks. */
const TAIL_CHUNK = 4 * 1024;
const NEWLINE = 0x0a;

interface Tail {
  /** The file's last entry (skipping lines that are not entries). */
  readonly last: LoggedAccess | undefined;
  /** Whether the file ends mid-line (a write cut short). */
  readonly endsMidLine: boolean;
}

/** The tail of an open log of `size` bytes, read backwards from its end. */
const tailOf = (fd: number, size: number): Tail => {
  let endsMidLine = false;
  let end = size;
  // The bytes after the newline nearest the start of what was read: the end of a line that
  // begins in an earlier chunk (none before the first chunk is read).
  let carry: Buffer | undefined;
  while (end > 0) {
    const start = Math.max(0, end - TAIL_CHUNK);
    const chunk = Buffer.alloc(end - start);
    readAt(fd, chunk, start);
    if (carry === undefined) endsMidLine = chunk[chunk.length - 1] !== NEWLINE;
    const bytes = carry === undefined ? chunk : Buffer.concat([chunk, carry]);
    let lineEnd = bytes.length;
    for (let nl = bytes.lastIndexOf(NEWLINE, lineEnd - 1); nl >= 0 && lineEnd > 0;) {
      const parsed = parseLine(bytes.subarray(nl + 1, lineEnd).toString('utf8'));
      if (E.isRight(parsed)) return { last: parsed.right, endsMidLine };
      lineEnd = nl;
      nl = lineEnd > 0 ? bytes.lastIndexOf(NEWLINE, lineEnd - 1) : -1;
    }
    if (start === 0) {
      const parsed = parseLine(bytes.subarray(0, lineEnd).toString('utf8'));
      return { last: E.isRight(parsed) ? parsed.right : undefined, endsMidLine };
    }
    carry = bytes.subarray(0, lineEnd);
    end = start;
  }
  return { last: undefined, endsMidLine };
};

/** Runs file work on the log, its failure `AccessLogUnavailable`. */
const onFile = <T>(file: string, work: () => T): T => {
  try {
    return work();
  } catch (e) {
    throw e instanceof AccessLogUnavailable ? e : new AccessLogUnavailable(file, e);
  }
};

/**
 * Runs `work` on the log open (for appending: created, mode 0600, if it does not exist) with
 * its size, from one `fstat`. A file that is not a regular file is `AccessLogUnavailable`.
 */
const withLogOpen = <T>(
  file: string,
  flags: 'r' | 'a+',
  work: (fd: number, size: number) => T,
): T => {
  const fd = onFile(file, () => openSync(file, flags, 0o600));
  try {
    const stat = onFile(file, () => fstatSync(fd));
    if (!stat.isFile()) throw new AccessLogUnavailable(file, new Error('it is not a regular file'));
    return work(fd, stat.size);
  } finally {
    closeSync(fd);
  }
};

/** Writes all of `text` to the end of the open log `fd` (opened for appending). */
const appendAll = (fd: number, text: string): void => {
  const bytes = Buffer.from(text, 'utf8');
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
};

/**
 * An access log in a file of its own (JSON lines, opened for appending only, mode 0600): beside
 * a SQLite store by default, at a path given for EventStoreDB and for `--read-only` evidence
 * copies (whose reading is itself recorded, outside the copy). Never in the event store: a read
 * must not need write access to the evidence, and the log must not become case history.
 *
 * Several writers may share the file (a long-running `aimline serve` and CLI reads, two
 * handles in one process): each append takes the log's lock, reads the file's last entry as it
 * is then, and chains after it, so no sequence number is given twice while the log's tail is
 * unaltered (an append chains after the last line that parses: after an edit to the last
 * entry, breaking its form or changing its number, a number already given can be given again;
 * the edit itself is reported). Nothing of
 * the file is cached between appends, and `entries()` reads the file; each handle keeps one connection for
 * its lock (see `accessLogLock`).
 *
 * A log that has been altered, or whose last write was cut short, is still appended to: each
 * new entry chains after the last entry the file holds, on a line of its own. Refusing would let
 * one bad line stop every read of the case system; the alteration stays where it is, and
 * `verifyAccessLog` (so `aimline access-log`) reports it on every later check. A file that cannot
 * be read or written, or whose lock another process holds too long, is `AccessLogUnavailable`,
 * thrown before anything is shown.
 */
export const fileAccessLog = (file: string, options: FileAccessLogOptions = {}): AccessLog => {
  const lock = accessLogLock(file, options.lockWaitMs ?? ACCESS_LOG_LOCK_WAIT_MS);
  // A log that cannot be used is refused when opened, before any read is attempted.
  if (exists(file)) withLogOpen(file, 'r', (fd, size) => onFile(file, () => tailOf(fd, size)));
  return {
    append: (entry) =>
      lock.hold(() =>
        withLogOpen(file, 'a+', (fd, size) => {
          const tail = onFile(file, () => tailOf(fd, size));
          const logged = chainAccess(tail.last, entry, options.key);
          const line = `${tail.endsMidLine ? '\n' : ''}${JSON.stringify(logged)}\n`;
          onFile(file, () => appendAll(fd, line));
          return logged;
        }),
      ),
    entries: () => readLogFile(file, (work) => lock.hold(work)).entries,
  };
};
