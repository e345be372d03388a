/**
 * The parts of Emmett (`@event-driven-io/emmett` 0.42.0, `@event-driven-io/emmett-sqlite`
 * 0.42.4) the peer bench uses, loaded from this folder's own install (`bash
 * bench/peer/install.sh`). Typed here, so the workspace type-checks without the peer installed.
 *
 * Emmett's two ways to open a SQLite store on a file, as its sources (0.42.4) define them:
 * - default: `getSQLiteEventStore({ fileName })`. Its pool opens a new `sqlite3` connection for
 *   every operation (read, append) and closes it afterwards.
 * - shared: one `sqliteConnection({ fileName })` handed to the pool as its singleton
 *   (`SQLiteConnectionPool({ fileName, connectionOptions: { singleton: true, connection } })`),
 *   as Emmett's own tests do. `singleton: true` without `connection` shares nothing on a file:
 *   the pool only keeps a connection it was given (or an in-memory one).
 * Every file is made WAL before Emmett opens it (`createWalFile`).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface EmmettEvent {
  readonly type: string;
  readonly data: unknown;
}

export interface EmmettConnection {
  close(): void;
  querySingle<T>(sql: string): Promise<T | null>;
}

export interface EmmettPool {
  withConnection<R>(f: (connection: EmmettConnection) => Promise<R>): Promise<R>;
  close(): Promise<void>;
}

export interface EmmettStore {
  appendToStream(stream: string, events: EmmettEvent[]): Promise<unknown>;
  aggregateStream<S>(
    stream: string,
    options: { evolve: (state: S, event: EmmettEvent) => S; initialState: () => S },
  ): Promise<{ state: S; currentStreamVersion: bigint }>;
}

/** What `DeciderCommandHandler(decider)` returns: handles one command on one stream. */
export type EmmettHandle = (
  store: EmmettStore,
  stream: string,
  command: unknown,
) => Promise<unknown>;

export interface EmmettDecider {
  decide(command: unknown, state: unknown): EmmettEvent[];
  evolve(state: unknown, event: EmmettEvent): unknown;
  initialState(): unknown;
  /** Emmett's `AsyncRetryOptions` (async-retry's options and which errors to retry). */
  retry?: {
    retries: number;
    minTimeout: number;
    maxTimeout: number;
    shouldRetryError: (error: unknown) => boolean;
  };
}

export interface EmmettMessagesPage {
  readonly currentGlobalPosition: bigint;
  readonly messages: ReadonlyArray<EmmettEvent & { metadata: { streamName: string } }>;
  readonly areEventsLeft: boolean;
}

export interface Emmett {
  readonly DeciderCommandHandler: (decider: EmmettDecider) => EmmettHandle;
  readonly getSQLiteEventStore: (options: { fileName: string; pool?: EmmettPool }) => EmmettStore;
  readonly SQLiteConnectionPool: (options: {
    fileName: string;
    connectionOptions: { singleton: true; connection: EmmettConnection };
  }) => EmmettPool;
  readonly sqliteConnection: (options: { fileName: string }) => EmmettConnection;
  readonly readMessagesBatch: (
    connection: EmmettConnection,
    options: { after: bigint; batchSize: number },
  ) => Promise<EmmettMessagesPage>;
}

/** Emmett's two set-ups (see the file's comment). */
export type EmmettSetUpName = 'default' | 'shared';

/** An open Emmett store and what it runs with. */
export interface EmmettSetUp {
  readonly store: EmmettStore;
  /** Runs `f` on a connection as this set-up's store would get one. */
  readonly withConnection: <R>(f: (connection: EmmettConnection) => Promise<R>) => Promise<R>;
  readonly close: () => Promise<void>;
}

/** Opens Emmett's store on `fileName` (made WAL first with `createWalFile`) in one set-up. */
export const openEmmett = (
  emmett: Emmett,
  fileName: string,
  setUp: EmmettSetUpName,
): EmmettSetUp => {
  if (setUp === 'default') {
    return {
      store: emmett.getSQLiteEventStore({ fileName }),
      withConnection: async (f) => {
        const connection = emmett.sqliteConnection({ fileName });
        try {
          return await f(connection);
        } finally {
          connection.close();
        }
      },
      close: () => Promise.resolve(),
    };
  }
  const connection = emmett.sqliteConnection({ fileName });
  const pool = emmett.SQLiteConnectionPool({
    fileName,
    connectionOptions: { singleton: true, connection },
  });
  return {
    store: emmett.getSQLiteEventStore({ fileName, pool }),
    withConnection: (f) => pool.withConnection(f),
    // The pool leaves a connection it was handed open: its owner closes it.
    close: async () => {
      await pool.close();
      connection.close();
    },
  };
};

/**
 * Makes a new file a WAL database before Emmett opens it, as Emmett means it to be. Emmett's
 * `sqliteConnection` runs `PRAGMA journal_mode = WAL` without awaiting it, and on a new file that
 * PRAGMA can lose the race to Emmett's first transaction (its schema), inside which SQLite leaves
 * the journal mode as it is: the file then runs in rollback-journal mode for good (seen in a
 * smoke run). WAL is a property of the file, so setting it first (awaited) makes Emmett's own
 * PRAGMA a no-op and every Emmett store WAL.
 */
export const createWalFile = async (emmett: Emmett, fileName: string): Promise<void> => {
  const connection = emmett.sqliteConnection({ fileName });
  try {
    const mode = await connection.querySingle<{ journal_mode: string }>(
      'PRAGMA journal_mode = WAL',
    );
    if (mode?.journal_mode !== 'wal')
      throw new Error(`${fileName} did not switch to WAL (${String(mode?.journal_mode)})`);
  } finally {
    connection.close();
  }
};

/** `journal_mode` and `synchronous` as a connection runs with them. */
export const emmettPragmas = async (
  connection: EmmettConnection,
): Promise<{ journalMode: string; synchronous: number }> => {
  const mode = await connection.querySingle<{ journal_mode: string }>('PRAGMA journal_mode');
  const sync = await connection.querySingle<{ synchronous: number }>('PRAGMA synchronous');
  return { journalMode: String(mode?.journal_mode), synchronous: Number(sync?.synchronous) };
};

export type LoadedEmmett =
  | { readonly installed: true; readonly emmett: Emmett }
  | { readonly installed: false; readonly why: string };

/** Emmett and emmett-sqlite from bench/peer/node_modules, or why they cannot be used. */
export const loadEmmett = async (): Promise<LoadedEmmett> => {
  const require = createRequire(new URL('./package.json', import.meta.url));
  let core: string;
  let sqlite: string;
  try {
    core = require.resolve('@event-driven-io/emmett');
    sqlite = require.resolve('@event-driven-io/emmett-sqlite');
  } catch {
    return { installed: false, why: 'Emmett is not installed in bench/peer' };
  }
  try {
    // The native binding is what a half-finished install lacks.
    require('sqlite3');
  } catch (e) {
    return {
      installed: false,
      why: `Emmett is installed but its native sqlite3 does not load (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`,
    };
  }
  const a = (await import(pathToFileURL(core).href)) as Pick<Emmett, 'DeciderCommandHandler'>;
  const b = (await import(pathToFileURL(sqlite).href)) as Omit<Emmett, 'DeciderCommandHandler'>;
  return {
    installed: true,
    emmett: {
      DeciderCommandHandler: a.DeciderCommandHandler,
      getSQLiteEventStore: b.getSQLiteEventStore,
      SQLiteConnectionPool: b.SQLiteConnectionPool,
      sqliteConnection: b.sqliteConnection,
      readMessagesBatch: b.readMessagesBatch,
    },
  };
};
