import { accessSync, chmodSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { errorWithCauses } from '@aimline/kernel';
import { AccessLogUnavailable } from './access-log.js';

/** How long a writer or reader waits, by default, for another's lock on the log (ms). */
export const ACCESS_LOG_LOCK_WAIT_MS = 5_000;

/** The lock of one access log file, held by one handle. */
export interface AccessLogLock {
  /** Runs `work` holding the lock (never across an `await`). */
  hold<T>(work: () => T): T;
  /** Closes the lock's connection (it is opened again if the lock is held again). */
  close(): void;
}

const codeOf = (e: unknown): unknown => (e as { code?: unknown } | null)?.code;

/** Whether `file`'s folder is on a read-only file system (asked without opening anything). */
const onReadOnlyFileSystem = (file: string): boolean => {
  try {
    accessSync(dirname(file), constants.W_OK);
    return false;
  } catch (e) {
    return codeOf(e) === 'EROFS';
  }
};

interface Opened {
  readonly db: Database.Database;
  /** The lock file the connection holds (device and inode), to notice it being replaced. */
  readonly dev: number;
  readonly ino: number;
}

/**
 * The lock of the log `file`: an exclusive SQLite transaction (`BEGIN IMMEDIATE`) on
 * `FILE.lock`, which is an OS advisory lock (POSIX `fcntl`) the kernel releases when its holder
 * exits, however it exits — a crashed or killed writer never leaves the log locked, with no
 * staleness guess. Another holder is waited for at most `waitMs` (SQLite's busy timeout), then
 * the log is `AccessLogUnavailable`. A read-only file system (where no one can append) is read
 * without it.
 *
 * One connection serves every hold (a transaction per hold, none between them); better-sqlite3
 * closes it when the process ends. SQLite creates the lock file, which is then made 0600: it is
 * never opened here, since closing any descriptor of a file drops every `fcntl` lock the process
 * holds on it. If the file at `FILE.lock` is no longer the one the connection opened (removed or
 * replaced), the connection is opened again, so every writer locks the same file.
 */
export const accessLogLock = (file: string, waitMs: number): AccessLogLock => {
  const lockFile = `${file}.lock`;
  let opened: Opened | 'read-only' | undefined;
  const unavailable = (e: unknown) =>
    new AccessLogUnavailable(
      file,
      codeOf(e) === 'SQLITE_BUSY'
        ? new Error(`its lock ${lockFile} was held by another process for over ${waitMs} ms`)
        : new Error(`its lock ${lockFile}: ${errorWithCauses(e)}`),
    );
  const open = (): Opened | 'read-only' => {
    if (onReadOnlyFileSystem(lockFile)) return 'read-only';
    let db: Database.Database | undefined;
    try {
      db = new Database(lockFile, { timeout: waitMs });
      const { mode, dev, ino } = statSync(lockFile);
      if ((mode & 0o077) !== 0) chmodSync(lockFile, 0o600);
      return { db, dev, ino };
    } catch (e) {
      db?.close();
      throw unavailable(e);
    }
  };
  const close = () => {
    if (typeof opened === 'object') opened.db.close();
    opened = undefined;
  };
  /** Begins the lock's transaction on the file now at `FILE.lock`; undefined if read-only. */
  const begin = (): Database.Database | undefined => {
    for (;;) {
      opened ??= open();
      if (opened === 'read-only') return undefined;
      try {
        opened.db.exec('BEGIN IMMEDIATE');
      } catch (e) {
        throw unavailable(e);
      }
      let same = false;
      try {
        const now = statSync(lockFile, { throwIfNoEntry: false });
        same = now?.dev === opened.dev && now.ino === opened.ino;
      } catch {
        // Opened again below, which reports why the lock file cannot be used.
      }
      if (same) return opened.db;
      opened.db.exec('COMMIT');
      close();
    }
  };
  return {
    hold: (work) => {
      const db = begin();
      try {
        return work();
      } finally {
        db?.exec('COMMIT');
      }
    },
    close,
  };
};

/** Runs `work` holding the log's lock on a connection of its own, closed after. */
export const underLock = <T>(file: string, waitMs: number, work: () => T): T => {
  const lock = accessLogLock(file, waitMs);
  try {
    return lock.hold(work);
  } finally {
    lock.close();
  }
};
