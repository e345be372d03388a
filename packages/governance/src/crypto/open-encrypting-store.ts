import type { EventStore } from '@aimline/kernel';
import { encryptingEventStore, type PersonalFieldsLookup } from './encrypting-store.js';
import type { KeyVault } from './key-vault.js';
import { reconcileErasures, type ErasureReconciliation } from './reconcile-erasures.js';

export interface OpenedEncryptingStore {
  readonly store: EventStore;
  /** What opening reconciled: erasures re-applied to a vault restored from an older backup. */
  readonly reconciliation: ErasureReconciliation;
}

/**
 * Opens the encrypting store over `inner` and `vault`: first reconciles the vault with the
 * erasures `inner` records (`reconcileErasures`, `at` the instant they are re-applied), so no
 * read or write through it ever decrypts a subject the event store says was erased; once per
 * open, never per event. Every application opens its store this way.
 */
export const openEncryptingStore = async (
  inner: EventStore,
  vault: KeyVault,
  fieldsOf: PersonalFieldsLookup,
  at: string,
): Promise<OpenedEncryptingStore> => {
  const reconciliation = await reconcileErasures(inner, vault, at);
  return { store: encryptingEventStore(inner, vault, fieldsOf), reconciliation };
};
