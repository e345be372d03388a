/** What a key vault offers (`openKeyVault` opens the SQLite one). */
import type { ErasureRecord, ReappliedErasure } from './key-vault-erasures.js';

/**
 * The per-subject data keys, each wrapped by the master key, in a file of its own: never in the
 * event store, so erasing a key leaves the event store (and its hash chains) untouched.
 * Subjects are named by a reference (an HMAC of the person id under a key of the vault), so
 * neither the vault nor the event store holds the person ids themselves.
 */
export interface KeyVault {
  readonly path: string;
  /** The reference of a person id (the same for every process using this vault). */
  subjectRef(subject: string): string;
  /** The data key of a subject (by reference) to encrypt new data with, made on first use. */
  writingKey(ref: string): Promise<Buffer>;
  /** The data key a stored field names, or 'erased' once the subject has been erased. */
  readingKey(ref: string): Promise<Buffer | 'erased'>;
  /**
   * Applies other processes' erasures (as `refresh` does), then loads the keys of many subjects
   * at once into what `knownKey` answers: one read transaction on the vault (an indexed lookup
   * per key), then the unwraps together. A read of many events calls it once per batch, before
   * opening the batch. A subject the vault does not know is left out (`readingKey` then says so,
   * at the field that names it).
   */
  loadReadingKeys(refs: ReadonlyArray<string>): Promise<void>;
  /** The key of `ref` if this process already holds it (no I/O). */
  knownKey(ref: string): Buffer | 'erased' | undefined;
  /**
   * How many erasures this process has applied to the keys it holds (its own, and other
   * processes' seen by `refresh`): a reader that opened events ahead with the keys then held
   * opens them again when this has moved.
   */
  readonly erasuresApplied: number;
  /**
   * Applies erasures other processes recorded since the last call (cheap when there are none:
   * one `PRAGMA data_version`): their keys are dropped from what this process holds, so a held
   * key never outlives its erasure by more than one read batch. Erasures made through this
   * vault drop the key at once.
   */
  refresh(): void;
  /** The subject a stream's free text belongs to, once recorded. */
  primaryRef(stream: string): string | undefined;
  setPrimaryRef(stream: string, ref: string): void;
  /**
   * The key projection snapshots are sealed with. Every erasure destroys it too, so snapshots
   * made before an erasure (which may hold the erased data) can no longer be read: they are
   * rebuilt from the history, where the data now reads as erased.
   */
  snapshotKey(): Promise<Buffer>;
  /** The current snapshot key, or undefined when there is none (never made, or destroyed by an erasure). */
  currentSnapshotKey(): Promise<Buffer | undefined>;
  /** Destroys a subject's key (idempotent) and records why and when, pending the event. */
  destroyKey(ref: string, reason: string, at: string): 'destroyed' | 'already-destroyed';
  markRecorded(ref: string, at: string): void;
  erasure(ref: string): ErasureRecord | undefined;
  /** Keys destroyed whose `PersonalDataErased` event is not yet recorded (a crash in between). */
  pendingErasures(): ReadonlyArray<ErasureRecord>;
  /** Erasures whose `PersonalDataErased` event is recorded (the event store must hold each). */
  recordedErasures(): ReadonlyArray<ErasureRecord>;
  /** Opened read-only: re-applied erasures are then held by this process only. */
  readonly readOnly: boolean;
  /**
   * Applies again an erasure the event store records (a vault restored from a backup taken
   * before it still holds the key): destroys the subject's key and the snapshot key, and records
   * the erasure as re-applied, `at` and `why`. `reapplied` when the vault held the key;
   * `already-destroyed` when it did not (a vault that never knew the subject records the erasure,
   * so the subject reads as erased). Opened read-only, the key is forgotten by this process only.
   */
  reapplyErasure(
    erasure: ErasureRecord,
    at: string,
    why: string,
  ): 'reapplied' | 'already-destroyed';
  /** The erasures re-applied to this vault (`reapplyErasure`), those held in this process included. */
  reappliedErasures(): ReadonlyArray<ReappliedErasure>;
  /** The position up to which the erasures of event store `store` (its identity) are applied. */
  erasuresReconciledTo(store: string): bigint | undefined;
  /** Saves it (a read-only vault keeps it for this process only). */
  setErasuresReconciledTo(store: string, position: bigint): void;
  close(): void;
}
