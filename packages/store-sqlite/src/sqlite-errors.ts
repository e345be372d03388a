import Database from 'better-sqlite3';
import {
  AccessDeniedError,
  CorruptStoreError,
  IncompatibleStoreError,
  StoreError,
  UnavailableError,
} from '@aimline/kernel';

/**
 * Maps what better-sqlite3 throws to the kernel's typed store errors, naming the file.
 * Store errors pass through; anything unrecognised is returned as it is.
 */
export const mapSqliteError = (error: unknown, location: string): Error => {
  if (error instanceof StoreError) return error;
  if (error instanceof Database.SqliteError) {
    const code = error.code;
    if (code === 'SQLITE_NOTADB')
      return new IncompatibleStoreError(location, `it is not a SQLite database (${error.message})`);
    if (code.startsWith('SQLITE_CORRUPT'))
      return new CorruptStoreError(location, error.message, error);
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
      return new UnavailableError(
        `${location} is locked by another connection (${error.message})`,
        error,
      );
    if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH')
      return new AccessDeniedError(`writing ${location} (${error.message})`, error);
    if (
      code.startsWith('SQLITE_IOERR') ||
      code.startsWith('SQLITE_CANTOPEN') ||
      code === 'SQLITE_FULL' ||
      code === 'SQLITE_NOMEM' ||
      code === 'SQLITE_PROTOCOL'
    )
      return new UnavailableError(`${location}: ${error.message}`, error);
    return error;
  }
  return error instanceof Error ? error : new Error(String(error));
};
