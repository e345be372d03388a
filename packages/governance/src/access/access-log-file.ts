import { appendFileSync, closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { errorWithCauses, fieldProblems, unknownFields, type ChainKey } from '@aimline/kernel';
import {
  AccessEntry,
  AccessLogUnavailable,
  chainAccess,
  type AccessLog,
  type LoggedAccess,
} from './access-log.js';

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

/** How long a writer or reader waits, by default, for another's lock on the log (ms). */
export const ACCESS_LOG_LOCK_WAIT_MS = 5_000;

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

/**
 * Runs `work` holding the log's lock: an exclusive SQLite transaction (`BEGIN IMMEDIATE`) on
 * `FILE.lock`, which is an OS advisory lock (POSIX `fcntl`) the kernel releases when its holder
 * exits, however it exits — a crashed or killed writer never leaves the log locked, with no
 * staleness guess. Another holder is waited for at most `waitMs` (SQLite's busy timeout), then
 * the log is `AccessLogUnavailable`. Held only while a tail is read and a line appended (or the
 * file read), never across an `await`. A read-only file system (where no one can append) is read
 * without it.
 */
const underLock = <T>(file: string, waitMs: number, work: () => T): T => {
  const lockFile = `${file}.lock`;
  let db: Database.Database | undefined;
  try {
    closeSync(openSync(lockFile, 'a', 0o600));
    db = new Database(lockFile, { timeout: waitMs });
    db.exec('BEGIN IMMEDIATE');
  } catch (e) {
    db?.close();
    if (codeOf(e) === 'EROFS') return work();
    throw new AccessLogUnavailable(
      file,
      codeOf(e) === 'SQLITE_BUSY'
        ? new Error(`its lock ${lockFile} was held by another process for over ${waitMs} ms`)
        : new Error(`its lock ${lockFile}: ${errorWithCauses(e)}`),
    );
  }
  try {
    return work();
  } finally {
    db.exec('COMMIT');
    db.close();
  }
};

/**
 * Reads a log file strictly, line by line, up to its size under its lock (so a write under way
 * is never read half done, and writers wait only for that size to be taken): a line that is not an entry (not JSON, a missing, wrong or unknown field) is
 * reported as damaged, naming the line and the field, and the other lines are still read, so
 * one bad line never hides the rest of the record or stops reads being recorded. A file that
 * does not exist holds nothing; one that cannot be read is `AccessLogUnavailable`.
 */
export const readAccessLogFile = (
  file: string,
  options: FileAccessLogOptions = {},
): AccessLogFile => {
  if (!exists(file)) return { entries: [], damaged: [], endsMidLine: false };
  let fd: number | undefined;
  let text: string;
  try {
    fd = openSync(file, 'r');
    const open = fd;
    // Only the size is taken under the lock: a write under way has then finished, and appends
    // only ever add past it, so the bytes before it are read without holding writers up.
    const size = underLock(
      file,
      options.lockWaitMs ?? ACCESS_LOG_LOCK_WAIT_MS,
      () => fstatSync(open).size,
    );
    const bytes = Buffer.alloc(size);
    for (let at = 0; at < size;) {
      const read = readSync(fd, bytes, at, size - at, at);
      if (read === 0) throw new Error(`it ended at byte ${at}, before its size ${size}`);
      at += read;
    }
    text = bytes.toString('utf8');
  } catch (e) {
    throw e instanceof AccessLogUnavailable ? e : new AccessLogUnavailable(file, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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

const TAIL_CHUNK = 64 * 1024;
const NEWLINE = 0x0a;

/** The last entry of an open log, read backwards from its end (skipping lines that are not entries). */
const lastEntry = (fd: number, size: number): LoggedAccess | undefined => {
  let end = size;
  // The bytes after the newline nearest the start of what was read: the end of a line that
  // begins in an earlier chunk.
  let carry = Buffer.alloc(0);
  while (end > 0) {
    const start = Math.max(0, end - TAIL_CHUNK);
    const chunk = Buffer.alloc(end - start);
    readSync(fd, chunk, 0, chunk.length, start);
    const bytes = Buffer.concat([chunk, carry]);
    let lineEnd = bytes.length;
    for (let nl = bytes.lastIndexOf(NEWLINE, lineEnd - 1); nl >= 0 && lineEnd > 0;) {
      const parsed = parseLine(bytes.subarray(nl + 1, lineEnd).toString('utf8'));
      if (E.isRight(parsed)) return parsed.right;
      lineEnd = nl;
      nl = lineEnd > 0 ? bytes.lastIndexOf(NEWLINE, lineEnd - 1) : -1;
    }
    if (start === 0) {
      const parsed = parseLine(bytes.subarray(0, lineEnd).toString('utf8'));
      return E.isRight(parsed) ? parsed.right : undefined;
    }
    carry = bytes.subarray(0, lineEnd);
    end = start;
  }
  return undefined;
};

/** The log's tail as it is now: its last entry, and whether it ends mid-line (a write cut short). */
const readTail = (file: string): { last: LoggedAccess | undefined; endsMidLine: boolean } => {
  if (!exists(file)) return { last: undefined, endsMidLine: false };
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    if (size === 0) return { last: undefined, endsMidLine: false };
    const end = Buffer.alloc(1);
    readSync(fd, end, 0, 1, size - 1);
    return { last: lastEntry(fd, size), endsMidLine: end[0] !== NEWLINE };
  } catch (e) {
    throw new AccessLogUnavailable(file, e);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
};

/**
 * An access log in a file of its own (JSON lines, opened for appending only, mode 0600): beside
 * a SQLite store by default, at a path given for EventStoreDB and for `--read-only` evidence
 * copies (whose reading is itself recorded, outside the copy). Never in the event store: a read
 * must not need write access to the evidence, and the log must not become case history.
 *
 * Several writers may share the file (a long-running `aimline serve` and CLI reads, two
 * handles in one process): each append takes the log's lock, reads the file's last entry as it
 * is then, and chains after it, so no sequence number is given twice. Nothing is cached
 * between appends, and `entries()` reads the file.
 *
 * A log that has been altered, or whose last write was cut short, is still appended to: each
 * new entry chains after the last entry the file holds, on a line of its own. Refusing would let
 * one bad line stop every read of the case system; the alteration stays where it is, and
 * `verifyAccessLog` (so `aimline access-log`) reports it on every later check. A file that cannot
 * be read or written, or whose lock another process holds too long, is `AccessLogUnavailable`,
 * thrown before anything is shown.
 */
export const fileAccessLog = (file: string, options: FileAccessLogOptions = {}): AccessLog => {
  const waitMs = options.lockWaitMs ?? ACCESS_LOG_LOCK_WAIT_MS;
  // A log that cannot be used is refused when opened, before any read is attempted.
  readTail(file);
  return {
    append: (entry) =>
      underLock(file, waitMs, () => {
        const tail = readTail(file);
        const logged = chainAccess(tail.last, entry, options.key);
        try {
          appendFileSync(file, `${tail.endsMidLine ? '\n' : ''}${JSON.stringify(logged)}\n`, {
            mode: 0o600,
            flag: 'a',
          });
        } catch (e) {
          throw new AccessLogUnavailable(file, e);
        }
        return logged;
      }),
    entries: () => readAccessLogFile(file, options).entries,
  };
};
