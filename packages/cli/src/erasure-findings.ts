import {
  erasuresMissingFromStore,
  type ErasureRecord,
  type ReappliedErasure,
} from '@aimline/governance';
import type { Runtime } from './runtime.js';

/**
 * Where the key vault and the event store disagree about erasures (`audit --verify`,
 * `retention`): problems (exit 1) and notes.
 */
export interface ErasureFindings {
  /** Keys destroyed whose `PersonalDataErased` is not recorded (a stop in between). */
  readonly pending: ReadonlyArray<ErasureRecord>;
  /** Recorded in the vault, missing from the event store (an event store restored from an older backup). */
  readonly missingFromStore: ReadonlyArray<ErasureRecord>;
  /** Erasures re-applied to a vault restored from a backup taken before them. */
  readonly reapplied: ReadonlyArray<ReappliedErasure>;
  /** Problems: each a check failed (exit 1), saying what finishes it. */
  readonly problems: ReadonlyArray<string>;
  /** Notes: re-applied erasures, repaired. */
  readonly notes: ReadonlyArray<string>;
}

const FINISH = 'run "aimline erase --pending --as <records manager>"';

export const erasureFindings = async (rt: Runtime): Promise<ErasureFindings> => {
  const pending = rt.vault.pendingErasures();
  // eslint-disable-next-line no-restricted-syntax -- erasure streams hold no personal data: only whether each exists
  const missingFromStore = await erasuresMissingFromStore(rt.storedEvents, rt.vault);
  const reapplied = rt.vault.reappliedErasures();
  const problems = [
    ...pending.map(
      (p) =>
        `erasure of subject ${p.subjectRef} not recorded: its key was destroyed at ${p.keyDestroyedAt}, but PersonalDataErased is missing; ${FINISH}`,
    ),
    ...missingFromStore.map(
      (m) =>
        `erasure of subject ${m.subjectRef} missing from the event store: the key vault records its key destroyed at ${m.keyDestroyedAt} and PersonalDataErased recorded at ${m.recordedAt}, but the event store does not hold it (restored from a backup taken before it?); ${FINISH} to record it again`,
    ),
    ...reapplied
      .filter((r) => r.inThisProcessOnly)
      .map(
        (r) =>
          `the key vault still holds the key of erased subject ${r.subjectRef} (erasure recorded at ${r.recordedAt}): it was restored from a backup taken before the erasure; this run read it as erased, but the vault is open read-only. Run any command without --read-only, with the vault writable, to destroy it`,
      ),
  ];
  const notes = reapplied
    .filter((r) => !r.inThisProcessOnly)
    .map(
      (r) =>
        `erasure of subject ${r.subjectRef} re-applied at ${r.reappliedAt}: the key vault (restored from a backup taken before it) held the key again; PersonalDataErased was first recorded at ${r.recordedAt}, the key destroyed at ${r.keyDestroyedAt}`,
    );
  return { pending, missingFromStore, reapplied, problems, notes };
};

/** The findings as JSON members (subjects by reference). */
export const erasureFindingsJson = (f: ErasureFindings) => ({
  pendingErasures: f.pending.map((p) => p.subjectRef),
  erasuresMissingFromStore: f.missingFromStore.map((m) => m.subjectRef),
  reappliedErasures: f.reapplied.map((r) => ({
    subjectRef: r.subjectRef,
    recordedAt: r.recordedAt ?? null,
    keyDestroyedAt: r.keyDestroyedAt,
    reappliedAt: r.reappliedAt,
    inThisRunOnly: r.inThisProcessOnly,
  })),
});
