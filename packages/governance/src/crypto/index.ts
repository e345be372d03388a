export { KeyError, isKeyError, type KeyErrorKind } from './key-errors.js';
export {
  localMasterKey,
  masterKeyFromFile,
  masterKeyFromEnvironment,
  createMasterKeyFile,
  type MasterKey,
} from './master-key.js';
export {
  openKeyVault,
  type KeyVault,
  type KeyVaultMode,
  type ErasureRecord,
  type ReappliedErasure,
} from './key-vault.js';
export {
  reconcileErasures,
  erasuresMissingFromStore,
  type ErasureReconciliation,
} from './reconcile-erasures.js';
export { openEncryptingStore, type OpenedEncryptingStore } from './open-encrypting-store.js';
export { ENVELOPE_PREFIX, isEnvelope } from './field-cipher.js';
export { SEALED_MEMBER } from './sealed-boxes.js';
export {
  encryptingEventStore,
  personalFieldsByModule,
  type PersonalFieldsLookup,
} from './encrypting-store.js';
export {
  erasureModule,
  erasureStream,
  ERASURE_STREAM_PREFIX,
  type ErasureModule,
  type ErasureEvent,
} from './erasure-module.js';
export {
  erasePerson,
  NothingHeldAbout,
  erasureGrant,
  type ErasureOf,
  finishPendingErasures,
  ErasureNotRecorded,
  type EraseRequest,
  type ErasureOutcome,
} from './erase.js';
export { snapshotSealer, type SnapshotSealer } from './snapshot-sealer.js';
