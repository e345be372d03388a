import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { makeDirectories } from './make-directories.js';
import type { AnyDomainModule, EventStore } from '@aimline/kernel';
import {
  createMasterKeyFile,
  encryptingEventStore,
  localMasterKey,
  masterKeyFromEnvironment,
  masterKeyFromFile,
  openKeyVault,
  personalFieldsByModule,
  KeyError,
  type KeyVault,
  type MasterKey,
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
    close: () => undefined,
  };
};

export interface Encryption {
  readonly store: EventStore;
  readonly vault: KeyVault;
  /** Set when this run made a new master key file (the CLI says so). */
  readonly createdMasterKey: string | undefined;
}

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
): Promise<Encryption> => {
  const fieldsOf = personalFieldsByModule(modules);
  const places = keyPlaces(location);
  if (places === undefined) {
    // memory: nothing outlives the process, keys included.
    const master = masterKeyFromEnvironment() ?? localMasterKey(randomBytes(32));
    const vault = await openKeyVault(':memory:', master, 'create');
    return {
      store: encryptingEventStore(raw, vault, fieldsOf),
      vault,
      createdMasterKey: undefined,
    };
  }
  const vaultExists = existsSync(places.vault);
  let master: MasterKey | undefined = masterKeyFromEnvironment();
  let createdMasterKey: string | undefined;
  if (master === undefined && existsSync(places.masterKeyFile))
    master = masterKeyFromFile(places.masterKeyFile);
  if (master === undefined && access === 'read' && !vaultExists) {
    const vault = noVault(places.vault);
    return { store: encryptingEventStore(raw, vault, fieldsOf), vault, createdMasterKey };
  }
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
  if (access === 'read' && !vaultExists) {
    const vault = noVault(places.vault);
    return { store: encryptingEventStore(raw, vault, fieldsOf), vault, createdMasterKey };
  }
  // A file that is not a whole key vault is openKeyVault's KeyVaultUnavailable naming it: exit 3.
  const vault = await openKeyVault(
    places.vault,
    master,
    access === 'read' ? 'read-only' : 'create',
  );
  return { store: encryptingEventStore(raw, vault, fieldsOf), vault, createdMasterKey };
};
