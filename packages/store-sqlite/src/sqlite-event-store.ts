import type Database from 'better-sqlite3';
import {
  AppendRejectedError,
  CorruptStoreError,
  AppendSignal,
  pollingSubscription,
  StoreDisposedError,
  StoreError,
  UnavailableError,
  type AppendRequest,
  type ChainKey,
  type ChainSource,
  type EventStore,
  type RecordedEvent,
  type StreamFilter,
} from '@aimline/kernel';
import { prefixRange } from './prefix-range.js';
import { eventsOfCommand, type ChainContext } from './append-transaction.js';
import { groupCommit, type GroupWritten } from './group-commit.js';
import { chainSource, readHead } from './global-chain.js';
import { isReadOnlyMediumError, openDatabase, openImage, type OpenMode } from './open-database.js';
import { PageIterator, type PageSource } from './page-iterator.js';
import { EVENT_COLUMNS, unplacedRows, type EventRow } from './rows.js';
import { prepareStatements, type Statement, type Statements } from './statements.js';
import { prepareSchema } from './schema.js';
import { mapSqliteError } from './sqlite-errors.js';

export interface SqliteEventStoreOptions {
  /**
   * How often a subscription that has caught up looks for events appended by other
   * processes, in milliseconds (appends through this store wake it at once). Default 250.
   */
  readonly pollMs?: number;
  /** Rows fetched per query when reading; no statement stays open between pages. Default 1000. */
  readonly pageSize?: number;
  /** How long an append waits for another process's write lock, in milliseconds. Default 5000. */
  readonly busyTimeoutMs?: number;
  /**
   * `create` (the default) creates the file when there is none; `open` and `read-only` refuse
   * a missing file with a `MissingStoreError` and never create anything. `read-only` never
   * writes: appends fail with `AccessDeniedError`, and on read-only media the file is read as a
   * copy in memory.
   */
  readonly mode?: OpenMode;
  /**
   * With `read-only`: read the whole file into memory at once and never touch its folder (for
   * evidence copies; refuses a file beside a non-empty `-wal`).
   */
  readonly readOnlyImage?: boolean;
  /**
   * The key that authenticates the global chain's links and head (HMAC-SHA-256, held outside
   * the store). Without it the chain is kept unkeyed: deletions, truncations and reorderings are
   * still detected, but not a rewrite that recomputes the chain.
   */
  readonly chainKey?: ChainKey;
}

const MAX_CACHED_FILTERS = 64;

/**
 * The embedded event store: one SQLite file (WAL, `synchronous=FULL`), one transaction per
 * append. Global positions are the rowids of the `events` table (1, 2, 3, … in commit
 * order); data and metadata are canonical JSON text; each stream is hash-chained.
 * Several processes may open the same file: appends serialise on SQLite's write lock,
 * and subscriptions poll for other processes' appends. Each port member is a property typed by
 * the port (`EventStore['append']`), as in every adapter.
 */
export class SqliteEventStore implements EventStore {
  /** The file (or `:memory:`), as named in every error. */
  readonly location: string;
  /** Whether the store was opened read-only. */
  readonly readOnly: boolean;
  private readonly chain: ChainContext;
  private readonly db: Database.Database;
  private readonly statements: Statements;
  private readonly filterStatements = new Map<string, Statement>();
  private readonly appended = new AppendSignal();
  private readonly pollMs: number;
  private readonly pageSize: number;
  private readonly commitGroup: (requests: ReadonlyArray<AppendRequest>) => GroupWritten;
  private disposed = false;

  constructor(path: string, options: SqliteEventStoreOptions = {}) {
    this.location = path;
    this.pollMs = positive(options.pollMs ?? 250, 'pollMs');
    this.pageSize = Math.floor(positive(options.pageSize ?? 1000, 'pageSize'));
    const timeout = positive(options.busyTimeoutMs ?? 5000, 'busyTimeoutMs');
    const mode = options.mode ?? 'create';
    let db: Database.Database;
    let image = options.readOnlyImage === true;
    let identity: string;
    try {
      db = image ? openImage(path) : openDatabase(path, mode, timeout);
    } catch (e) {
      const mapped = mapSqliteError(e, path);
      throw mapped instanceof StoreError
        ? mapped
        : new UnavailableError(`cannot open ${path}: ${mapped.message}`, e);
    }
    for (;;) {
      try {
        prepareSchema(db, path, timeout);
        this.statements = prepareStatements(db);
        identity = this.statements.identity.get() as string;
        break;
      } catch (e) {
        db.close();
        // Read-only media: SQLite cannot make the -shm file a WAL store needs; read a copy.
        if (mode === 'read-only' && !image && isReadOnlyMediumError(e)) {
          image = true;
          db = openImage(path);
          continue;
        }
        throw mapSqliteError(e, path);
      }
    }
    this.readOnly = db.readonly;
    this.chain = { identity, key: options.chainKey };
    this.db = db;
    this.commitGroup = groupCommit(db, this.statements, this.location, this.chain);
  }

  readonly checkpoints: EventStore['checkpoints'] = {
    load: (name) =>
      this.run(() => {
        const position = this.statements.loadCheckpoint.get(name) as bigint | null | undefined;
        if (position === null)
          throw new CorruptStoreError(
            `${this.location}, checkpoint "${name}"`,
            'the position is NULL',
          );
        return position;
      }),
    save: (name, position) =>
      this.run(() => {
        this.statements.saveCheckpoint.run(name, position);
      }),
  };

  /** The identity read when the store was opened (it never changes): no statement runs. */
  readonly identity: EventStore['identity'] = () => this.run(() => this.chain.identity);

  /** The stored global chain and its head, for `auditGlobalChain`. */
  chainSource(): ChainSource {
    this.ensureOpen();
    return chainSource(this.db, this.chain.identity, readHead(this.statements.head), this.pageSize);
  }

  /**
   * SQLite's own check of the file (pages, indexes), and every event row without a place (its
   * stream or revision not of its column's type, as a schema tampered out of STRICT lets in),
   * which reads leave out (`decodeRow`), located exactly (position, stream and revision as far as
   * readable, the columns): `['ok']` when sound. An operator's check (`aimline audit --verify`).
   */
  integrityCheck(): string[] {
    this.ensureOpen();
    let sqlite: string[];
    try {
      sqlite = (this.db.pragma('integrity_check') as Array<{ integrity_check: string }>).map(
        (r) => r.integrity_check,
      );
    } catch (e) {
      sqlite = [`integrity_check failed: ${(e as Error).message}`];
    }
    const unplaced = unplacedRows(this.db, this.location);
    if (unplaced.length === 0) return sqlite;
    return [...(sqlite.length === 1 && sqlite[0] === 'ok' ? [] : sqlite), ...unplaced];
  }

  readonly append: EventStore['append'] = (stream, events, options) =>
    this.appendMany([{ stream, events, expectedRevision: options.expectedRevision }]).then(
      ([outcome]) => {
        if (outcome!.kind === 'appended') return outcome!.result;
        throw outcome!.kind === 'refused'
          ? outcome!.error
          : new AppendRejectedError(outcome!.rejection);
      },
    );

  /**
   * Group commit: every append in one SQLite transaction, one commit and one fsync; each in a
   * savepoint of its own, so a refused append is rolled back alone (see `EventStore.appendMany`).
   */
  readonly appendMany: Required<EventStore>['appendMany'] = (requests) => {
    try {
      this.ensureOpen();
      if (requests.length === 0) return Promise.resolve([]);
      const { outcomes, stored } = this.commitGroup(requests);
      if (stored) this.appended.notify();
      return Promise.resolve(outcomes);
    } catch (e) {
      return Promise.reject(mapSqliteError(e, this.location));
    }
  };

  readonly readStream: EventStore['readStream'] = (stream, options = {}) => {
    const backwards = options.direction === 'backwards';
    const statement = backwards ? this.statements.backwards : this.statements.forwards;
    const start = options.fromRevision ?? (backwards ? Number.MAX_SAFE_INTEGER : 0);
    return this.paged(options.maxCount, () => {
      let cursor: number | undefined = start;
      return (limit) => {
        if (cursor === undefined) return [];
        const rows = statement.all(stream, cursor, limit) as EventRow[];
        const revision = rows[rows.length - 1]?.[3];
        // A revision that is not a number (a tampered schema) sorts after every number, so
        // nothing is left to read after it (such rows are left out: `decodeRow`).
        if (revision !== undefined)
          cursor =
            typeof revision !== 'number'
              ? undefined
              : backwards
                ? Math.ceil(revision) - 1
                : Math.floor(revision) + 1;
        return rows;
      };
    });
  };

  readonly streamRevision: EventStore['streamRevision'] = (stream) =>
    this.run(() => (this.statements.revision.get(stream) as number | null) ?? undefined);

  /** Every named stream's last revision in one statement (the group commit's version checks). */
  readonly streamRevisions: Required<EventStore>['streamRevisions'] = (streams) =>
    this.run(() => {
      const revisions = new Map<string, number>();
      if (streams.length === 0) return revisions;
      for (const [stream, revision] of this.statements.revisions.all(
        JSON.stringify(streams),
      ) as Array<[string, number | null]>)
        if (revision !== null) revisions.set(stream, revision);
      return revisions;
    });

  /** A recorded command's events, through the `commands` index (one range read). */
  readonly eventsOfCommand: Required<EventStore>['eventsOfCommand'] = (commandId) =>
    this.run(() => eventsOfCommand(this.statements, this.location, commandId));

  /**
   * The last position the command index records for the stream (one index seek): a read of the
   * stream ending before it has lost events from its end. An intruder who deletes them must
   * delete their commands' index rows too to hide it here (the global chain still shows it).
   */
  readonly recordedStreamEnd: Required<EventStore>['recordedStreamEnd'] = (stream) =>
    this.run(() => this.statements.streamEnd.get(stream) as bigint | undefined);

  readonly headPosition: EventStore['headPosition'] = () =>
    this.run(() => (this.statements.lastPosition.get() as bigint | null) ?? undefined);

  readonly readAll: EventStore['readAll'] = (options = {}) =>
    this.paged(options.maxCount, () => {
      const query = this.allQuery(options.filter);
      let cursor: bigint | number = options.after ?? 0n;
      return (limit) => {
        if (query === undefined) return [];
        const rows = query.statement.all(cursor, ...query.bounds, limit) as EventRow[];
        const last = rows[rows.length - 1];
        if (last !== undefined) cursor = last[0] as number;
        return rows;
      };
    });

  readonly subscribe: EventStore['subscribe'] = (options = {}) => {
    this.ensureOpen();
    return pollingSubscription((o) => this.readAll(o), this.appended.listen, {
      ...options,
      pollMs: this.pollMs,
      pageSize: this.pageSize,
    });
  };

  readonly dispose: EventStore['dispose'] = () => {
    if (this.disposed) return Promise.resolve();
    this.disposed = true;
    this.appended.notify();
    try {
      this.db.close();
      return Promise.resolve();
    } catch (e) {
      return Promise.reject(mapSqliteError(e, this.location));
    }
  };

  /**
   * The statement for a read of all streams, or undefined when the filter matches nothing.
   * The scan seeks the primary key to the checkpoint and tests each row's stream against
   * the prefixes' ranges (`stream >= ? AND stream < ?`: byte comparisons, no string
   * functions), so a whole catch-up is one pass over the log whatever the filter. The
   * unary `+` keeps SQLite from choosing the (stream, revision) index for one prefix: that
   * plan sorts every remaining matching row again for each page, quadratic over a
   * catch-up (44× slower for a prefix holding half of 200 000 events; see the README).
   */
  private allQuery(
    filter: StreamFilter | undefined,
  ): { statement: Statement; bounds: string[] } | undefined {
    const prefixes = filter?.streamPrefixes;
    if (prefixes === undefined || prefixes.includes(''))
      return { statement: this.statements.all, bounds: [] };
    if (prefixes.length === 0) return undefined;
    const bounds: string[] = [];
    const terms = [...new Set(prefixes)].map((p) => {
      const { lower, upper } = prefixRange(p);
      bounds.push(lower);
      if (upper === undefined) return '+stream >= ?';
      bounds.push(upper);
      return '(+stream >= ? AND +stream < ?)';
    });
    const sql = `SELECT ${EVENT_COLUMNS} FROM events WHERE position > ? AND (${terms.join(' OR ')}) ORDER BY position LIMIT ?`;
    let statement = this.filterStatements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql).raw(true);
      if (this.filterStatements.size >= MAX_CACHED_FILTERS) this.filterStatements.clear();
      this.filterStatements.set(sql, statement);
    }
    return { statement, bounds };
  }

  private paged(
    maxCount: number | undefined,
    open: () => PageSource,
  ): AsyncIterable<RecordedEvent> {
    const guard = () => this.ensureOpen();
    return {
      [Symbol.asyncIterator]: () =>
        new PageIterator(
          open,
          maxCount ?? Number.POSITIVE_INFINITY,
          this.pageSize,
          this.location,
          guard,
        ),
    };
  }

  private run<T>(f: () => T): Promise<T> {
    try {
      this.ensureOpen();
      return Promise.resolve(f());
    } catch (e) {
      return Promise.reject(mapSqliteError(e, this.location));
    }
  }

  private ensureOpen(): void {
    if (this.disposed) throw new StoreDisposedError();
  }
}

const positive = (n: number, name: string): number => {
  if (!(n > 0) || !Number.isFinite(n))
    throw new RangeError(`${name} must be a positive number, not ${n}`);
  return n;
};

/**
 * Opens the SQLite event store in `path` (creating it unless `options.mode` says `open` or
 * `read-only`), or in memory for `':memory:'`.
 */
export const openSqliteEventStore = (
  path: string,
  options?: SqliteEventStoreOptions,
): SqliteEventStore => new SqliteEventStore(path, options);
