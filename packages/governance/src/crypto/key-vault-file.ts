/**
 * The key vault's SQLite file: made owner-only, opened with the settings that keep a destroyed
 * key out of it (rollback journal, `secure_delete`), and told apart from a vault in use.
 */
import { closeSync, existsSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { errorWithCauses } from '@aimline/kernel';
import { KeyError } from './key-errors.js';

export type KeyVaultMode = 'create' | 'open' | 'read-only';

/** Makes the empty vault file, owner-only; a folder that is missing is said to be. */
const makeFile = (path: string): void => {
  try {
    closeSync(openSync(path, 'wx', 0o600));
  } catch (e) {
    const why =
      (e as { code?: unknown }).code === 'ENOENT'
        ? `its folder ${dirname(path)} does not exist`
        : errorWithCauses(e);
    throw new KeyError('KeyVaultUnavailable', `the key vault ${path} cannot be made: ${why}`, {
      cause: e,
    });
  }
};

export const openDatabase = (path: string, mode: KeyVaultMode): Database.Database => {
  if (path === ':memory:') return new Database(path);
  if (mode !== 'create' && !existsSync(path))
    throw new KeyError('KeyVaultUnavailable', `there is no key vault at ${path}`);
  if (mode === 'create' && !existsSync(path)) makeFile(path);
  try {
    const db = new Database(path, { readonly: mode === 'read-only', fileMustExist: true });
    // A deleted key is overwritten in the file, and no write-ahead log keeps an old copy.
    if (mode !== 'read-only') {
      db.pragma('journal_mode = DELETE');
      db.pragma('secure_delete = ON');
      db.pragma('synchronous = FULL');
    }
    return db;
  } catch (e) {
    throw new KeyError(
      'KeyVaultUnavailable',
      `the key vault ${path} cannot be opened: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
};

/** SQLite could not take the vault's lock in time: another process holds it. */
export const isBusy = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
};
