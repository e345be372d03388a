/**
 * The event store is the record of what was erased; the key vault must never hold a key that it
 * says was destroyed. A vault restored from a backup taken before an erasure holds the erased
 * subject's key again: reconciling destroys it again, before anything is read.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { EventStore } from '@aimline/kernel';
import { ERASURE_STREAM_PREFIX, erasureModule, erasureStream } from './erasure-module.js';
import type { ErasureRecord, KeyVault } from './key-vault.js';

export interface ErasureReconciliation {
  /** The erasures whose keys the vault still held, destroyed again now (held in this process only when it is read-only). */
  readonly reapplied: ReadonlyArray<ErasureRecord>;
  /** How many `PersonalDataErased` events were read (those after the position the vault was reconciled to). */
  readonly erasuresRead: number;
}

const erasureData = erasureModule.events.definition('PersonalDataErased')!.codec;

/**
 * Applies every `PersonalDataErased` the event store records after the position the vault was
 * last reconciled to (with this store: its identity; from the start for another store, or a
 * vault never reconciled): a subject whose key the vault still holds has it destroyed again,
 * recorded in the vault as re-applied `at`, saying why. Then saves the store's head as it was
 * before the read (`headPosition`, or the last erasure read if that is later). One filtered read
 * of the erasure streams after the saved position (`readAll({ after, filter })`): an open with
 * no erasure recorded since the last reads nothing, however much else was appended, and a
 * restored vault holds an older position and so catches up exactly the erasures since its
 * backup. An erasure event that does not decode is left to
 * `audit --verify` (its stream's chain) and skipped here: one bad event never stops the open.
 */
export const reconcileErasures = async (
  store: EventStore,
  vault: KeyVault,
  at: string,
): Promise<ErasureReconciliation> => {
  const identity = await store.identity();
  const after = vault.erasuresReconciledTo(identity);
  // Asked before the read: an erasure appended meanwhile is after it, so the next open sees it.
  const head = await store.headPosition();
  const reapplied: ErasureRecord[] = [];
  let last = after;
  let erasuresRead = 0;
  for await (const e of store.readAll({
    ...(after === undefined ? {} : { after }),
    filter: { streamPrefixes: [ERASURE_STREAM_PREFIX] },
  })) {
    last = e.position;
    const data = e.type === 'PersonalDataErased' ? erasureData.decode(e.data) : undefined;
    if (data === undefined || E.isLeft(data)) continue;
    const { subjectRef, reason, keyDestroyedAt } = data.right as {
      subjectRef: string;
      reason: string;
      keyDestroyedAt: string;
    };
    if (e.stream !== erasureStream(subjectRef)) continue;
    erasuresRead++;
    const erasure = { subjectRef, reason, keyDestroyedAt, recordedAt: e.metadata.recordedAt };
    const why = `the key vault held the key of subject ${subjectRef}, whose PersonalDataErased is recorded at position ${e.position} (${e.metadata.recordedAt}): the vault was restored from a backup taken before the erasure`;
    if (vault.reapplyErasure(erasure, at, why) === 'reapplied') reapplied.push(erasure);
  }
  const reconciled = head !== undefined && (last === undefined || head > last) ? head : last;
  if (reconciled !== undefined && reconciled !== after)
    vault.setErasuresReconciledTo(identity, reconciled);
  return { reapplied, erasuresRead };
};

/**
 * The converse: erasures the vault records as recorded whose `PersonalDataErased` the event
 * store lacks (an event store restored from a backup taken before them). One stream look-up per
 * recorded erasure (`audit`, `retention`, `erase --pending`; never on open).
 */
export const erasuresMissingFromStore = async (
  store: EventStore,
  vault: KeyVault,
): Promise<ReadonlyArray<ErasureRecord>> => {
  const missing: ErasureRecord[] = [];
  for (const erasure of vault.recordedErasures())
    if ((await store.streamRevision(erasureStream(erasure.subjectRef))) === undefined)
      missing.push(erasure);
  return missing;
};
