/**
 * The key vault's record of erasures beyond the keys themselves: which erasures were re-applied
 * to a vault restored from a backup taken before them (when, why), and the event-store position
 * up to which the vault has been reconciled with the `PersonalDataErased` events
 * (`reconcile-erasures.ts`).
 */
import type Database from 'better-sqlite3';
import type { KeyVaultMode } from './key-vault-file.js';

/** What a key vault's erasure record says (never who: subjects are named by reference). */
export interface ErasureRecord {
  readonly subjectRef: string;
  readonly keyDestroyedAt: string;
  readonly reason: string;
  /** When the `PersonalDataErased` event was recorded; undefined while that is still to do. */
  readonly recordedAt: string | undefined;
}

/** An erasure the event store records that the vault had lost (restored from an older backup) and had applied again. */
export interface ReappliedErasure extends ErasureRecord {
  /** When the key was destroyed again. */
  readonly reappliedAt: string;
  readonly reappliedWhy: string;
  /**
   * True when the vault is open read-only: the key is forgotten by this process only and is
   * still in the vault file, until the vault is next opened to write.
   */
  readonly inThisProcessOnly: boolean;
}

export interface ErasureRow {
  ref: string;
  key_destroyed_at: string;
  reason: string;
  recorded_at: string | null;
  reapplied_at?: string | null;
  reapplied_why?: string | null;
}

export const toRecord = (r: ErasureRow): ErasureRecord => ({
  subjectRef: r.ref,
  keyDestroyedAt: r.key_destroyed_at,
  reason: r.reason,
  recordedAt: r.recorded_at ?? undefined,
});

/** The vault_info entry naming the store and position reconciled up to: `{identity} {position}`. */
const RECONCILED = 'erasures_reconciled_to';

/**
 * Brings a vault made before re-applied erasures were recorded up to date (two columns of
 * `erasures`); a read-only vault is left as it is, and reads without them.
 */
export const migrateErasures = (db: Database.Database, mode: KeyVaultMode): boolean => {
  const columns = (db.prepare('PRAGMA table_info(erasures)').all() as Array<{ name: string }>).map(
    (c) => c.name,
  );
  if (columns.includes('reapplied_at')) return true;
  if (mode === 'read-only') return false;
  db.exec(
    'ALTER TABLE erasures ADD COLUMN reapplied_at TEXT; ALTER TABLE erasures ADD COLUMN reapplied_why TEXT;',
  );
  return true;
};

/** The queries of the erasure ledger over an open vault database. */
export const erasureLedger = (db: Database.Database, hasReapplied: boolean) => ({
  reconciledTo: (store: string): bigint | undefined => {
    const row = db.prepare('SELECT value FROM vault_info WHERE name = ?').get(RECONCILED) as
      { value: Buffer } | undefined;
    if (row === undefined) return undefined;
    const [identity, position] = row.value.toString('utf8').split(' ');
    return identity === store && position !== undefined && /^\d+$/.test(position)
      ? BigInt(position)
      : undefined;
  },
  setReconciledTo: (store: string, position: bigint): void => {
    db.prepare('INSERT OR REPLACE INTO vault_info (name, value) VALUES (?, ?)').run(
      RECONCILED,
      Buffer.from(`${store} ${position}`, 'utf8'),
    );
  },
  /** Records an erasure as re-applied (inserting it when the vault has no record of it). */
  recordReapplied: (e: ErasureRecord, at: string, why: string): void => {
    db.prepare(
      `INSERT INTO erasures (ref, key_destroyed_at, reason, recorded_at, reapplied_at, reapplied_why) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (ref) DO UPDATE SET reapplied_at = excluded.reapplied_at, reapplied_why = excluded.reapplied_why, recorded_at = coalesce(recorded_at, excluded.recorded_at)`,
    ).run(e.subjectRef, e.keyDestroyedAt, e.reason, e.recordedAt ?? null, at, why);
  },
  /** Records an erasure the vault never knew the subject of (no key to destroy), as recorded. */
  recordKnown: (e: ErasureRecord): void => {
    db.prepare(
      'INSERT OR IGNORE INTO erasures (ref, key_destroyed_at, reason, recorded_at) VALUES (?, ?, ?, ?)',
    ).run(e.subjectRef, e.keyDestroyedAt, e.reason, e.recordedAt ?? null);
  },
  reapplied: (): ReappliedErasure[] =>
    hasReapplied
      ? (
          db
            .prepare(
              'SELECT * FROM erasures WHERE reapplied_at IS NOT NULL ORDER BY reapplied_at, ref',
            )
            .all() as ErasureRow[]
        ).map((r) => ({
          ...toRecord(r),
          reappliedAt: r.reapplied_at!,
          reappliedWhy: r.reapplied_why ?? '',
          inThisProcessOnly: false,
        }))
      : [],
  recorded: (): ErasureRecord[] =>
    (
      db
        .prepare('SELECT * FROM erasures WHERE recorded_at IS NOT NULL ORDER BY recorded_at, ref')
        .all() as ErasureRow[]
    ).map(toRecord),
});
