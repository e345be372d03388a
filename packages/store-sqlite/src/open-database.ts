import { closeSync, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { MissingStoreError, UnavailableError } from '@aimline/kernel';

/**
 * How a store file is opened:
 * - `create`: open it, creating an empty file (mode 0600) when there is none; SQLite gives
 *   the `-wal` and `-shm` files the same mode;
 * - `open`: open an existing store for reading and writing; a missing file is a `MissingStoreError`;
 * - `read-only`: open an existing store without writing to it (no schema change, no pragma
 *   that writes); a missing file is a `MissingStoreError`.
 */
export type OpenMode = 'create' | 'open' | 'read-only';

/** Whether an error from opening read-only means the medium itself is read-only. */
export const isReadOnlyMediumError = (e: unknown): boolean =>
  e instanceof Database.SqliteError &&
  (e.code.startsWith('SQLITE_CANTOPEN') ||
    e.code.startsWith('SQLITE_READONLY') ||
    e.code.startsWith('SQLITE_IOERR'));

/** Creates an empty file only readable and writable by its owner, unless one exists already. */
const createPrivateFile = (path: string): void => {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
      throw new UnavailableError(`cannot create ${path}: ${(e as Error).message}`, e);
  }
};

/** The store is missing: says why (no folder, a folder that is a file, or no file). */
const missing = (path: string): MissingStoreError => {
  const folder = dirname(path);
  if (!existsSync(folder))
    return new MissingStoreError(
      path,
      `its folder ${folder} does not exist (ENOENT); read commands never create one — create the store with \`aimline init\``,
    );
  if (!statSync(folder).isDirectory())
    return new MissingStoreError(path, `${folder} is not a directory (ENOTDIR)`);
  return new MissingStoreError(path);
};

/** Opens the SQLite database of a store file as `mode` says (see `OpenMode`). */
export const openDatabase = (path: string, mode: OpenMode, timeout: number): Database.Database => {
  if (path === ':memory:') return new Database(path, { timeout });
  if (mode === 'create') createPrivateFile(path);
  else if (!existsSync(path)) throw missing(path);
  return new Database(path, { timeout, fileMustExist: true, readonly: mode === 'read-only' });
};

/**
 * A read-only copy in memory of a store file, for read-only media and evidence copies: the
 * file is read once and nothing in its folder is created or changed (a WAL-mode database
 * opened read-only otherwise needs its `-shm` file). Refuses a file beside a non-empty `-wal`,
 * whose commits the copy would not see.
 */
export const openImage = (path: string): Database.Database => {
  if (!existsSync(path)) throw missing(path);
  const wal = `${path}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0)
    throw new UnavailableError(
      `${path} has commits in ${wal} that a read-only copy would not see; copy both files to writable media and open it there`,
    );
  const image = readFileSync(path);
  // Bytes 18 and 19 of the header say WAL (2); an in-memory copy reads as a rollback-journal file (1).
  if (image.length >= 20 && image[18] === 2 && image[19] === 2) {
    image[18] = 1;
    image[19] = 1;
  }
  return new Database(image, { readonly: true });
};
