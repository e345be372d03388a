import { createHmac, randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { errorWithCauses } from '@aimline/kernel';
import { isKeyError, KeyError } from './key-errors.js';
import { unwrapRefused, type MasterKey } from './master-key.js';
import { forgetSecretKey } from './aes-gcm.js';
import { isBusy, openDatabase, type KeyVaultMode } from './key-vault-file.js';
import {
  erasureLedger,
  migrateErasures,
  toRecord,
  type ErasureRow,
  type ReappliedErasure,
} from './key-vault-erasures.js';

import type { KeyVault } from './key-vault-port.js';

export type { ErasureRecord, ReappliedErasure } from './key-vault-erasures.js';
export type { KeyVault } from './key-vault-port.js';

export type { KeyVaultMode } from './key-vault-file.js';

const INDEX_CONTEXT = 'aimline:key-vault:index-key';
/** The reference of the snapshot key (never a subject's: those are 32 hex digits). */
const SNAPSHOT_REF = 'snapshots';
const SCHEMA = `
CREATE TABLE IF NOT EXISTS vault_info (name TEXT PRIMARY KEY, value BLOB NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS subject_keys (ref TEXT PRIMARY KEY, wrapped BLOB NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS erasures (ref TEXT PRIMARY KEY, key_destroyed_at TEXT NOT NULL, reason TEXT NOT NULL, recorded_at TEXT) STRICT;
CREATE TABLE IF NOT EXISTS stream_subjects (stream TEXT PRIMARY KEY, ref TEXT NOT NULL) STRICT;
`;

/**
 * Opens (or, with mode `create`, makes: file mode 0600) the SQLite key vault at `path` with the
 * master key. A vault made with another master key is refused (`WrongMasterKey`). A file that is
 * not a whole key vault (not SQLite, cut short, a table missing, a directory in its place) is
 * `KeyVaultUnavailable` naming the file, with what SQLite or the file system said as its cause
 * (a vault another process holds locked too long says so, not to restore a backup; a folder
 * that does not exist to make it in says so). A failure of the master key itself (a KMS outage
 * while the vault's index key is wrapped or unwrapped: anything but the `CorruptWrappedKey` its
 * `unwrap` rejects altered bytes with) is thrown as it is: the file is not at fault. Every other
 * error `openKeyVault` throws is a `KeyError`.
 */
export const openKeyVault = async (
  path: string,
  masterKey: MasterKey,
  mode: KeyVaultMode = 'open',
): Promise<KeyVault> => {
  try {
    const db = openDatabase(path, mode);
    try {
      return await vaultOn(db, path, masterKey, mode);
    } catch (e) {
      db.close();
      throw e;
    }
  } catch (e) {
    if (isKeyError(e)) throw e;
    if (e instanceof MasterKeyFailure) throw e.error;
    throw new KeyError(
      'KeyVaultUnavailable',
      isBusy(e)
        ? `the key vault ${path} is in use by another process (${errorWithCauses(e)}): try again once it is done`
        : `the key vault ${path} cannot be opened as a key vault (${errorWithCauses(e)}): restore it from a backup, or give the vault this store was written with`,
      { cause: e },
    );
  }
};

/** A failure of the master key (a KMS outage): the vault file is not at fault, and it is thrown as itself. */
class MasterKeyFailure extends Error {
  constructor(readonly error: unknown) {
    super('the master key failed', { cause: error });
  }
}

const vaultOn = async (
  db: Database.Database,
  path: string,
  masterKey: MasterKey,
  mode: KeyVaultMode,
): Promise<KeyVault> => {
  const hasSchema =
    db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'vault_info'`).get() !== undefined;
  if (!hasSchema && mode === 'read-only')
    throw new KeyError('KeyVaultUnavailable', `${path} is not a key vault`);
  if (!hasSchema) db.exec(SCHEMA);
  const ledger = erasureLedger(db, migrateErasures(db, mode));
  const info = (name: string): Buffer | undefined =>
    (
      db.prepare('SELECT value FROM vault_info WHERE name = ?').get(name) as
        { value: Buffer } | undefined
    )?.value;
  if (info('index_key') === undefined) {
    if (mode === 'read-only')
      throw new KeyError('KeyVaultUnavailable', `${path} is not a key vault`);
    const wrapped = await masterKey.wrap(randomBytes(32), INDEX_CONTEXT).catch((e: unknown) => {
      throw new MasterKeyFailure(e);
    });
    const put = db.prepare('INSERT INTO vault_info (name, value) VALUES (?, ?)');
    db.transaction(() => {
      put.run('master_key_id', Buffer.from(masterKey.keyId, 'utf8'));
      put.run('index_key', Buffer.from(wrapped));
    })();
  }
  const madeWith = info('master_key_id')?.toString('utf8');
  if (madeWith !== masterKey.keyId)
    throw new KeyError(
      'WrongMasterKey',
      `the key vault ${path} was made with master key ${madeWith ?? '(none)'}, not with the one given (${masterKey.keyId}); give the master key it was made with`,
    );
  let indexKey: Buffer;
  try {
    indexKey = Buffer.from(await masterKey.unwrap(info('index_key')!, INDEX_CONTEXT));
  } catch (e) {
    if (!unwrapRefused(e)) throw new MasterKeyFailure(e);
    throw new KeyError(
      'CorruptWrappedKey',
      `the key vault ${path}: its index key does not unwrap with master key ${masterKey.keyId}; the vault has been altered (restore it from a backup)`,
      { cause: e },
    );
  }

  const keys = new Map<string, Buffer | 'erased'>();
  const erased = (ref: string): KeyError =>
    new KeyError(
      'SubjectErased',
      `subject ${ref} has been erased: new personal data about them is not recorded under the same person id`,
    );
  const selectKey = db.prepare('SELECT wrapped FROM subject_keys WHERE ref = ?');
  const insertKey =
    mode === 'read-only'
      ? undefined
      : db.prepare('INSERT OR IGNORE INTO subject_keys (ref, wrapped) VALUES (?, ?)');
  const selectErasure = db.prepare('SELECT * FROM erasures WHERE ref = ?');
  const subjectRef = (subject: string): string =>
    createHmac('sha256', indexKey).update(subject, 'utf8').digest('hex').slice(0, 32);

  const unwrap = async (ref: string, wrapped: Buffer): Promise<Buffer> => {
    try {
      return Buffer.from(await masterKey.unwrap(wrapped, ref));
    } catch (e) {
      // The master key failed (a KMS outage): its own error, not advice to restore the vault.
      if (!unwrapRefused(e)) throw e;
      throw new KeyError(
        'CorruptWrappedKey',
        `the key vault ${path}: the wrapped key of subject ${ref} does not unwrap with master key ${masterKey.keyId}; it has been altered (restore the vault from a backup)`,
        { cause: e },
      );
    }
  };

  /**
   * Holds an unwrapped key, unless the subject was erased while it was being unwrapped (an
   * erasure always wins: a key is never cached after its subject's erasure).
   */
  const hold = (ref: string, key: Buffer): Buffer | 'erased' => {
    if (keys.get(ref) === 'erased') {
      key.fill(0);
      return 'erased';
    }
    keys.set(ref, key);
    return key;
  };

  const readingKey = async (ref: string): Promise<Buffer | 'erased'> => {
    const cached = keys.get(ref);
    if (cached !== undefined) return cached;
    const row = selectKey.get(ref) as { wrapped: Buffer } | undefined;
    if (row !== undefined) return hold(ref, await unwrap(ref, row.wrapped));
    if (selectErasure.get(ref) === undefined)
      throw new KeyError(
        'SubjectKeyMissing',
        `the key vault ${path} holds no key for subject ${ref}, and no record of its erasure: it is not the vault this history was written with, or an older copy of it`,
      );
    keys.set(ref, 'erased');
    return 'erased';
  };

  /**
   * The wrapped keys of the subjects in `refs` not held yet, after other processes' erasures are
   * applied; a subject with no key left and an erasure record is held as erased. One read
   * transaction: the vault file is locked (and its header checked for changes) once, not once
   * per statement.
   */
  const lookUpReadingKeys = (refs: ReadonlyArray<string>) =>
    db.transaction(() => {
      refresh();
      const found: Array<{ ref: string; wrapped: Buffer }> = [];
      for (const ref of refs) {
        if (keys.has(ref)) continue;
        const row = selectKey.get(ref) as { wrapped: Buffer } | undefined;
        if (row !== undefined) found.push({ ref, wrapped: row.wrapped });
        else if (selectErasure.get(ref) !== undefined) keys.set(ref, 'erased');
      }
      return found;
    })();

  const loadReadingKeys = async (refs: ReadonlyArray<string>): Promise<void> => {
    const found = lookUpReadingKeys(refs);
    const unwrapped = await Promise.all(found.map((r) => unwrap(r.ref, r.wrapped)));
    found.forEach((r, i) => hold(r.ref, unwrapped[i]!));
  };

  let erasuresApplied = 0;
  /** Forgets a subject's key (it stays referenced only by a seal already under way). */
  const drop = (ref: string): void => {
    erasuresApplied++;
    const held = keys.get(ref);
    if (held !== undefined && held !== 'erased') forgetSecretKey(held);
    keys.set(ref, 'erased');
  };
  /** Erasures re-applied while read-only, and the position reconciled to: this process only. */
  const heldOnly: ReappliedErasure[] = [];
  let reconciledHere: { store: string; position: bigint } | undefined;
  /** A read-only vault that re-applied an erasure no longer gives the snapshot key out. */
  let snapshotsForgotten = false;

  // Erasures by other processes: seen through the database's data_version, applied from the
  // last erasure row this process has seen (erasure rows are never deleted).
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  const erasuresSince = db.prepare('SELECT rowid, ref FROM erasures WHERE rowid > ?');
  let seenVersion = dataVersion.get() as number;
  let seenErasure =
    (db.prepare('SELECT max(rowid) FROM erasures').pluck().get() as number | null) ?? 0;
  const refresh = (): void => {
    const version = dataVersion.get() as number;
    if (version === seenVersion) return;
    seenVersion = version;
    for (const { rowid, ref } of erasuresSince.all(seenErasure) as Array<{
      rowid: number;
      ref: string;
    }>) {
      drop(ref);
      keys.delete(SNAPSHOT_REF);
      seenErasure = Math.max(seenErasure, rowid);
    }
  };

  const writingKey = async (ref: string): Promise<Buffer> => {
    const cached = keys.get(ref);
    if (cached === 'erased' || selectErasure.get(ref) !== undefined) throw erased(ref);
    if (cached !== undefined) return cached;
    const row = selectKey.get(ref) as { wrapped: Buffer } | undefined;
    if (row !== undefined) {
      const key = hold(ref, await unwrap(ref, row.wrapped));
      if (key === 'erased') throw erased(ref);
      return key;
    }
    if (insertKey === undefined)
      throw new KeyError('KeyVaultUnavailable', `the key vault ${path} is open read-only`);
    const key = randomBytes(32);
    const wrapped = Buffer.from(await masterKey.wrap(key, ref));
    // Another writer may have made it meanwhile: theirs wins, and is the one used.
    insertKey.run(ref, wrapped);
    const stored = (selectKey.get(ref) as { wrapped: Buffer }).wrapped;
    const used = hold(ref, stored.equals(wrapped) ? key : await unwrap(ref, stored));
    if (used === 'erased') throw erased(ref);
    return used;
  };

  const reapplyErasure: KeyVault['reapplyErasure'] = (erasure, at, why) => {
    const ref = erasure.subjectRef;
    const held = selectKey.get(ref) !== undefined;
    const known = selectErasure.get(ref) !== undefined;
    if (!held && known) return 'already-destroyed';
    if (mode === 'read-only') {
      drop(ref);
      snapshotsForgotten = true;
      if (held)
        heldOnly.push({ ...erasure, reappliedAt: at, reappliedWhy: why, inThisProcessOnly: true });
      return held ? 'reapplied' : 'already-destroyed';
    }
    db.transaction(() => {
      if (!held) return ledger.recordKnown(erasure);
      ledger.recordReapplied(erasure, at, why);
      db.prepare('DELETE FROM subject_keys WHERE ref IN (?, ?)').run(ref, SNAPSHOT_REF);
    })();
    drop(ref);
    keys.delete(SNAPSHOT_REF);
    return held ? 'reapplied' : 'already-destroyed';
  };
  return {
    path,
    readOnly: mode === 'read-only',
    subjectRef,
    writingKey,
    readingKey,
    loadReadingKeys,
    knownKey: (ref) => keys.get(ref),
    get erasuresApplied() {
      return erasuresApplied;
    },
    refresh,
    snapshotKey: () =>
      snapshotsForgotten
        ? Promise.reject(
            new KeyError('KeyVaultUnavailable', `the key vault ${path} is open read-only`),
          )
        : writingKey(SNAPSHOT_REF),
    currentSnapshotKey: async () => {
      if (snapshotsForgotten) return undefined;
      const row = selectKey.get(SNAPSHOT_REF) as { wrapped: Buffer } | undefined;
      return row === undefined ? undefined : await unwrap(SNAPSHOT_REF, row.wrapped);
    },
    primaryRef: (stream) =>
      (
        db.prepare('SELECT ref FROM stream_subjects WHERE stream = ?').get(stream) as
          { ref: string } | undefined
      )?.ref,
    setPrimaryRef: (stream, ref) => {
      db.prepare('INSERT OR IGNORE INTO stream_subjects (stream, ref) VALUES (?, ?)').run(
        stream,
        ref,
      );
    },
    destroyKey: (ref, reason, at) => {
      const result = db.transaction(() => {
        const known = selectErasure.get(ref) !== undefined;
        if (!known)
          db.prepare(
            'INSERT INTO erasures (ref, key_destroyed_at, reason, recorded_at) VALUES (?, ?, ?, NULL)',
          ).run(ref, at, reason);
        const deleted = db.prepare('DELETE FROM subject_keys WHERE ref = ?').run(ref).changes;
        db.prepare('DELETE FROM subject_keys WHERE ref = ?').run(SNAPSHOT_REF);
        return known && deleted === 0 ? 'already-destroyed' : 'destroyed';
      })();
      drop(ref);
      keys.delete(SNAPSHOT_REF);
      return result;
    },
    markRecorded: (ref, at) => {
      db.prepare('UPDATE erasures SET recorded_at = ? WHERE ref = ? AND recorded_at IS NULL').run(
        at,
        ref,
      );
    },
    erasure: (ref) => {
      const row = selectErasure.get(ref) as ErasureRow | undefined;
      return row === undefined ? undefined : toRecord(row);
    },
    pendingErasures: () =>
      (
        db
          .prepare('SELECT * FROM erasures WHERE recorded_at IS NULL ORDER BY key_destroyed_at')
          .all() as ErasureRow[]
      ).map(toRecord),
    recordedErasures: ledger.recorded,
    reapplyErasure,
    reappliedErasures: () => [...ledger.reapplied(), ...heldOnly],
    erasuresReconciledTo: (store) =>
      reconciledHere?.store === store ? reconciledHere.position : ledger.reconciledTo(store),
    setErasuresReconciledTo: (store, position) => {
      if (mode === 'read-only') reconciledHere = { store, position };
      else ledger.setReconciledTo(store, position);
    },
    close: () => {
      for (const k of keys.values())
        if (k !== 'erased') {
          forgetSecretKey(k);
          k.fill(0);
        }
      keys.clear();
      indexKey.fill(0);
      db.close();
    },
  };
};
