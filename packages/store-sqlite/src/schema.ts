import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import { migrateToGlobalChain } from './global-chain.js';
import { CorruptStoreError, IncompatibleStoreError } from '@aimline/kernel';

/**
 * Written to the SQLite header (`PRAGMA application_id`) of every Aimline store: the bytes
 * "AIML". A SQLite file without it is some other program's database, and is never touched.
 */
export const AIMLINE_APPLICATION_ID = 0x41494d4c;

/**
 * Forward migrations: entry i takes a store from schema version i to i + 1. The schema
 * version is kept in `PRAGMA user_version`; a store is migrated when it is opened, in the
 * same transaction that records the new version. Append only: never change an entry.
 */
const MIGRATIONS: ReadonlyArray<(db: Database.Database) => void> = [
  // 0 → 1: the event log and the projections' checkpoints.
  (db) => {
    db.exec(`
      CREATE TABLE events (
        position       INTEGER PRIMARY KEY,
        id             TEXT    NOT NULL COLLATE NOCASE,
        stream         TEXT    NOT NULL,
        revision       INTEGER NOT NULL CHECK (revision >= 0),
        type           TEXT    NOT NULL,
        schema_version INTEGER NOT NULL,
        data           TEXT    NOT NULL,
        metadata       TEXT    NOT NULL
      ) STRICT;
      CREATE UNIQUE INDEX events_stream_revision ON events (stream, revision);
      CREATE UNIQUE INDEX events_id ON events (id);
      CREATE TABLE checkpoints (
        name     TEXT    NOT NULL PRIMARY KEY,
        position INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
  },
  // 1 → 2: the command index (idempotency by command id and fingerprint). Commands recorded
  // before have no fingerprint (NULL): a reuse of their id is refused, never taken as a retry.
  (db) => {
    db.exec(`
      CREATE TABLE commands (
        id             TEXT    NOT NULL PRIMARY KEY COLLATE NOCASE,
        fingerprint    TEXT,
        stream         TEXT    NOT NULL,
        first_position INTEGER NOT NULL,
        last_position  INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      INSERT OR IGNORE INTO commands (id, fingerprint, stream, first_position, last_position)
        SELECT json_extract(metadata, '$.commandId'), json_extract(metadata, '$.commandFingerprint'),
               stream, min(position), max(position)
        FROM events
        WHERE json_valid(metadata) AND json_type(metadata, '$.commandId') = 'text'
        GROUP BY json_extract(metadata, '$.commandId') COLLATE NOCASE;
    `);
  },
  // 2 → 3: the store's identity, a UUID made when the store is created (or migrated to 3).
  (db) => {
    db.exec(`
      CREATE TABLE store_info (
        key   TEXT NOT NULL PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
    `);
    db.prepare("INSERT INTO store_info (key, value) VALUES ('identity', ?)").run(randomUUID());
  },
  // 3 → 4: the global chain over the whole log, with its head (see global-chain.ts).
  migrateToGlobalChain,
  // 4 → 5: the command index by stream: where each stream ends as its commands recorded it
  // (`recordedStreamEnd`, one index seek), evidence of events deleted from a stream's end.
  (db) => {
    db.exec('CREATE INDEX commands_stream_end ON commands (stream, last_position)');
  },
];

/** The schema version this build writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Takes the schema from version `from` to `to` (`MIGRATIONS` in order) and records `to` in the
 * header, in the caller's transaction.
 */
export const migrateSchema = (db: Database.Database, from: number, to: number): void => {
  for (let v = from; v < to; v++) MIGRATIONS[v]!(db);
  db.pragma(`user_version = ${to}`);
  db.pragma(`application_id = ${AIMLINE_APPLICATION_ID}`);
};

const REQUIRED_TABLES = ['events', 'checkpoints', 'commands', 'store_info', 'chain_head'] as const;

interface Header {
  readonly applicationId: number;
  readonly version: number;
  readonly empty: boolean;
}

/**
 * The header and whether the file is empty, read in one transaction: another process may
 * be creating the schema of a new file at this very moment, and reading its parts at
 * different moments could see the tables without the application id.
 */
const readHeader = (db: Database.Database): Header =>
  db.transaction(() => ({
    applicationId: db.pragma('application_id', { simple: true }) as number,
    version: db.pragma('user_version', { simple: true }) as number,
    empty: (db.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number) === 0,
  }))();

/** Refuses a file that is not an Aimline store, or one written by a newer schema. */
const check = (header: Header, location: string): void => {
  if (header.applicationId === AIMLINE_APPLICATION_ID) {
    if (header.version > SCHEMA_VERSION)
      throw new IncompatibleStoreError(
        location,
        `it was written by a newer Aimline (schema version ${header.version}; this version reads up to ${SCHEMA_VERSION}); upgrade Aimline to open it`,
      );
    return;
  }
  if (header.applicationId === 0 && header.empty) return; // a new (or empty) file
  throw new IncompatibleStoreError(
    location,
    header.applicationId === 0
      ? 'it is a SQLite database of another program, not an Aimline event store'
      : `it is a SQLite database of another program (application id ${header.applicationId}), not an Aimline event store`,
  );
};

const isBusy = (e: unknown): boolean =>
  typeof (e as { code?: unknown }).code === 'string' &&
  /^SQLITE_(BUSY|LOCKED)/.test((e as { code: string }).code);

/**
 * Puts the file in WAL mode. SQLite answers `PRAGMA journal_mode = WAL` with SQLITE_BUSY at
 * once, without the busy handler, while another connection reads the file (two processes
 * opening a new store at the same moment), so the switch is retried until the busy timeout.
 */
const switchToWal = (db: Database.Database, busyTimeoutMs: number): void => {
  const pause = new Int32Array(new SharedArrayBuffer(4));
  let waited = 0;
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    try {
      if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if (!isBusy(e) || waited >= busyTimeoutMs) throw e;
      Atomics.wait(pause, 0, 0, wait);
      waited += wait;
    }
  }
};

/**
 * Checks that `db` is an Aimline store (or an empty file), sets the pragmas, and creates or
 * migrates the schema. Reads the header before changing anything, so a foreign database is
 * left exactly as it was; checks again inside the write transaction, so two processes
 * opening a new file at once create the schema once.
 */
export const prepareSchema = (
  db: Database.Database,
  location: string,
  busyTimeoutMs: number,
): void => {
  if (db.readonly) return checkReadOnly(db, location);
  check(readHeader(db), location);
  if (!db.memory) switchToWal(db, busyTimeoutMs);
  db.pragma('synchronous = FULL');
  db.transaction(() => {
    const header = readHeader(db);
    check(header, location);
    if (header.version < SCHEMA_VERSION) migrateSchema(db, header.version, SCHEMA_VERSION);
  }).immediate();
  const tables = new Set(
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[],
  );
  for (const t of REQUIRED_TABLES)
    if (!tables.has(t))
      throw new CorruptStoreError(
        location,
        `the table "${t}" of schema version ${SCHEMA_VERSION} is missing`,
      );
};

/**
 * A store opened read-only is read as it is: never migrated. It must be an Aimline store (an
 * empty file is not one) of this schema version; an older one is refused until it has been
 * opened for writing once, which migrates it.
 */
const checkReadOnly = (db: Database.Database, location: string): void => {
  const header = readHeader(db);
  if (header.applicationId === 0 && header.empty)
    throw new IncompatibleStoreError(location, 'it is empty, not an Aimline event store');
  check(header, location);
  if (header.version < SCHEMA_VERSION)
    throw new IncompatibleStoreError(
      location,
      `it has schema version ${header.version} and read-only opening never migrates it; open it once for writing (\`aimline init\` on a copy) to migrate it to ${SCHEMA_VERSION}`,
    );
};
