import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { makeDirectories } from './make-directories.js';
import type { AnyDomainModule, EventStore } from '@aimline/kernel';
import {
  createMasterKeyFile,
  encryptingEventStore,
  isKeyError,
  openEncryptingStore,
  localMasterKey,
  masterKeyFromEnvironment,
  masterKeyFromFile,
  openKeyVault,
  personalFieldsByModule,
  KeyError,
  type ErasureReconciliation,
  type KeyVault,
  type MasterKey,
  type PersonalFieldsLookup,
} from '@aimline/governance';
import { randomBytes } from 'node:crypto';
import type { StoreAccess, StoreLocation } from './store-url.js';

/** Where a store's key vault and (by default) its master key file live. */
export interface KeyPlaces {
  readonly vault: string;
  readonly masterKeyFile: string;
}

/**
 * The key vault and default master key file of a store: beside a SQLite file
 * (`events.db` → `events.keys.db`, `events.master-key`), under `./.aimline/` for EventStoreDB;
 * `AIMLINE_KEY_VAULT` names another vault file. Never inside the event store.
 */
export const keyPlaces = (
  location: StoreLocation,
  env: Readonly<Record<string, string | undefined>> = process.env,
): KeyPlaces | undefined => {
  const base =
    location.kind === 'sqlite'
      ? resolve(location.path).replace(/\.(db|sqlite3?)$/i, '')
      : location.kind === 'eventstoredb'
        ? resolve('.aimline', 'eventstoredb')
        : undefined;
  if (base === undefined) return undefined;
  const vault = env['AIMLINE_KEY_VAULT'];
  return {
    vault: vault !== undefined && vault !== '' ? resolve(vault) : `${base}.keys.db`,
    masterKeyFile: `${base}.master-key`,
  };
};

/** A vault for history that has none: any encrypted field names what is missing. */
const noVault = (path: string): KeyVault => {
  const missing = (): never => {
    throw new KeyError(
      'KeyVaultUnavailable',
      `this history holds encrypted personal data, and there is no key vault at ${path} (set AIMLINE_KEY_VAULT to the vault it was written with)`,
    );
  };
  return {
    path,
    subjectRef: missing,
    writingKey: missing,
    readingKey: missing,
    // A read asks for keys only for sealed data (opening-reads.ts), which this history lacks.
    loadReadingKeys: missing,
    knownKey: () => undefined,
    erasuresApplied: 0,
    refresh: () => undefined,
    snapshotKey: missing,
    currentSnapshotKey: () => Promise.resolve(undefined),
    primaryRef: () => undefined,
    setPrimaryRef: missing,
    destroyKey: missing,
    markRecorded: missing,
    erasure: () => undefined,
    pendingErasures: () => [],
    recordedErasures: () => [],
    readOnly: true,
    reapplyErasure: missing,
    reappliedErasures: () => [],
    erasuresReconciledTo: () => undefined,
    setErasuresReconciledTo: missing,
    close: () => undefined,
  };
};

export interface Encryption {
  readonly store: EventStore;
  readonly vault: KeyVault;
  /** Set when this run made a new master key file (the CLI says so). */
  readonly createdMasterKey: string | undefined;
  /** What opening reconciled (erasures re-applied to a vault restored from an older backup). */
  readonly reconciliation: ErasureReconciliation;
}

export interface EncryptionOptions {
  /** `--read-only`: the vault is never written, re-applied erasures are held for this run only. */
  readonly readOnly?: boolean;
  /** The instant erasures are re-applied at (the CLI's clock). */
  readonly at?: string;
}

const NOTHING_RECONCILED: ErasureReconciliation = { reapplied: [], erasuresRead: 0 };

/** A read of a store with no key vault yet (`noVault`): nothing to decrypt, nothing to reconcile. */
const withoutVault = (
  raw: EventStore,
  vaultPath: string,
  fieldsOf: PersonalFieldsLookup,
  createdMasterKey: string | undefined,
): Encryption => {
  const vault = noVault(vaultPath);
  return {
    store: encryptingEventStore(raw, vault, fieldsOf),
    vault,
    createdMasterKey,
    reconciliation: NOTHING_RECONCILED,
  };
};

/**
 * The encrypting store over a vault reconciled with the store's erasures. A read opens the
 * vault read-only; when that finds erasures to re-apply (a vault restored from a backup taken
 * before them) and the run is not `--read-only`, the vault is opened again to write and the keys
 * are destroyed in the file. If it cannot be written (locked, read-only media), the keys stay
 * forgotten for this run only, as under `--read-only`, and the reconciliation says so.
 */
const reconciled = async (
  raw: EventStore,
  vault: KeyVault,
  fieldsOf: PersonalFieldsLookup,
  reopen: (() => Promise<KeyVault>) | undefined,
  at: string,
): Promise<{ store: EventStore; vault: KeyVault; reconciliation: ErasureReconciliation }> => {
  const opened = await openEncryptingStore(raw, vault, fieldsOf, at);
  if (!vault.readOnly || opened.reconciliation.reapplied.length === 0 || reopen === undefined)
    return { ...opened, vault };
  let writable: KeyVault;
  try {
    writable = await reopen();
  } catch (e) {
    if (isKeyError(e) && e.kind === 'KeyVaultUnavailable') return { ...opened, vault };
    throw e;
  }
  vault.close();
  const again = await openEncryptingStore(raw, writable, fieldsOf, at);
  return { ...again, vault: writable };
};

/**
 * Wraps a store with encryption of personal data (the default on every store). The master key
 * comes from `AIMLINE_MASTER_KEY_FILE` / `AIMLINE_MASTER_KEY`, else the default file beside the
 * store; a command that creates the store makes that file (mode 0600) when there is none.
 */
export const withEncryption = async (
  raw: EventStore,
  location: StoreLocation,
  access: StoreAccess,
  modules: ReadonlyArray<AnyDomainModule>,
  options: EncryptionOptions = {},
): Promise<Encryption> => {
  const fieldsOf = personalFieldsByModule(modules);
  const at = options.at ?? new Date().toISOString();
  const places = keyPlaces(location);
  if (places === undefined) {
    // memory: nothing outlives the process, keys included.
    const master = masterKeyFromEnvironment() ?? localMasterKey(randomBytes(32));
    const vault = await openKeyVault(':memory:', master, 'create');
    return {
      ...(await reconciled(raw, vault, fieldsOf, undefined, at)),
      createdMasterKey: undefined,
    };
  }
  const vaultExists = existsSync(places.vault);
  let master: MasterKey | undefined = masterKeyFromEnvironment();
  let createdMasterKey: string | undefined;
  if (master === undefined && existsSync(places.masterKeyFile))
    master = masterKeyFromFile(places.masterKeyFile);
  if (master === undefined && access === 'read' && !vaultExists)
    return withoutVault(raw, places.vault, fieldsOf, createdMasterKey);
  if (master === undefined && (access === 'read' || vaultExists))
    throw new KeyError(
      'MasterKeyMissing',
      `no master key: set AIMLINE_MASTER_KEY_FILE (or AIMLINE_MASTER_KEY) to the key the vault ${places.vault} was made with; the default file ${places.masterKeyFile} does not exist`,
    );
  if (access !== 'read') makeDirectories(dirname(places.vault), 0o700);
  if (master === undefined) {
    makeDirectories(dirname(places.masterKeyFile), 0o700);
    master = createMasterKeyFile(places.masterKeyFile);
    createdMasterKey = places.masterKeyFile;
  }
  if (access === 'read' && !vaultExists)
    return withoutVault(raw, places.vault, fieldsOf, createdMasterKey);
  // A file that is not a whole key vault is openKeyVault's KeyVaultUnavailable naming it: exit 3.
  const vault = await openKeyVault(
    places.vault,
    master,
    access === 'read' ? 'read-only' : 'create',
  );
  const vaultPath = places.vault;
  const key = master;
  const reopen = options.readOnly === true ? undefined : () => openKeyVault(vaultPath, key, 'open');
  try {
    return { ...(await reconciled(raw, vault, fieldsOf, reopen, at)), createdMasterKey };
  } catch (e) {
    vault.close();
    throw e;
  }
};
