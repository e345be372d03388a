/**
 * The peer bench's workloads, each written once per contender: the same commands through
 * Aimline's command handler and through Emmett's `DeciderCommandHandler` running Aimline's own
 * deciders, a replay of each store's whole log, and the check that both stores hold the same
 * events (so the figures compare the same work).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import {
  canonicalJson,
  commandHandler,
  type AnyDomainModule,
  type DomainEvent,
  type EventStore,
} from '../../packages/kernel/src/index.js';
import { openSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { timed } from '../helpers/common.js';
import type { Dataset, StoredStep } from '../helpers/dataset.js';
import {
  createWalFile,
  openEmmett,
  type Emmett,
  type EmmettConnection,
  type EmmettEvent,
  type EmmettHandle,
  type EmmettSetUp,
  type EmmettSetUpName,
} from './emmett.js';

export const freshDir = (): string => mkdtempSync(join(tmpdir(), 'aimline-bench-peer-'));

/** One timed run of the commands: wall and CPU milliseconds, and what went wrong. */
export interface CommandsRun {
  readonly ms: number;
  readonly cpuMs: number;
  /** Each command that was not recorded, with why (none is expected: every step records). */
  readonly failures: ReadonlyArray<string>;
  /** Commits Emmett's handler retried after SQLITE_BUSY (see `Retries`); 0 for Aimline. */
  readonly retried: number;
}

/**
 * Counts the commits Emmett's handler retried. Emmett's `sqliteConnection` (0.42.4) starts every
 * new connection with `db.run('PRAGMA journal_mode = WAL;')` and does not wait for it; node's
 * `sqlite3` runs one connection's statements side by side on its thread pool, so now and then
 * that PRAGMA is still stepping when the first transaction's COMMIT runs, and the COMMIT fails
 * with SQLITE_BUSY "cannot commit transaction - SQL statements in progress" (reproduced with
 * `sqlite3` alone; never when the PRAGMA is awaited or absent). Emmett rolls the transaction
 * back, so the command is retried through Emmett's own `retry` option, at once, and counted.
 */
export interface Retries {
  busy: number;
}

const isSqliteBusy = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'SQLITE_BUSY';

/** An Aimline decider as Emmett's: a rejection is thrown (Emmett has no typed rejection). */
export const emmettDecider = (
  emmett: Emmett,
  module: AnyDomainModule,
  retries: Retries,
): EmmettHandle =>
  emmett.DeciderCommandHandler({
    initialState: () => module.decider.initialState as unknown,
    evolve: (state, event) => module.decider.evolve(state, event) as unknown,
    decide: (command, state) => {
      const decision = module.decider.decide(command, state) as E.Either<
        unknown,
        ReadonlyArray<DomainEvent>
      >;
      if (E.isLeft(decision)) throw new Error(`rejected: ${JSON.stringify(decision.left)}`);
      return [...decision.right] as EmmettEvent[];
    },
    retry: {
      retries: 3,
      minTimeout: 0,
      maxTimeout: 0,
      shouldRetryError: (e) => {
        const busy = isSqliteBusy(e);
        if (busy) retries.busy++;
        return busy;
      },
    },
  });

/** Runs every step through Aimline's handler into `store`. */
export const aimlineWrites = async (
  store: EventStore,
  steps: ReadonlyArray<StoredStep>,
  moduleNamed: Dataset['moduleNamed'],
): Promise<string[]> => {
  let now = '';
  const handler = commandHandler({ store, clock: () => now });
  const failures: string[] = [];
  for (const s of steps) {
    now = s.recordedAt;
    const r = await handler.handle(moduleNamed(s.module), {
      commandId: s.commandId,
      command: s.command,
    });
    if (E.isLeft(r)) failures.push(`${s.command.type}: ${JSON.stringify(r.left)}`);
  }
  return failures;
};

/** Runs every step through Emmett's `DeciderCommandHandler` into `setUp`'s store. */
export const emmettWrites = async (
  emmett: Emmett,
  setUp: EmmettSetUp,
  steps: ReadonlyArray<StoredStep>,
  moduleNamed: Dataset['moduleNamed'],
  retries: Retries = { busy: 0 },
): Promise<string[]> => {
  const handlers = new Map<string, EmmettHandle>();
  const failures: string[] = [];
  for (const s of steps) {
    const module = moduleNamed(s.module);
    let handle = handlers.get(s.module);
    if (handle === undefined)
      handlers.set(s.module, (handle = emmettDecider(emmett, module, retries)));
    try {
      await handle(setUp.store, module.streamOf(s.command), s.command);
    } catch (e) {
      failures.push(`${s.command.type}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return failures;
};

/** The steps Aimline's handler accepts and records events for, in order. */
export const recordingSteps = async (
  steps: ReadonlyArray<StoredStep>,
  moduleNamed: Dataset['moduleNamed'],
): Promise<StoredStep[]> => {
  const dir = freshDir();
  const store = openSqliteEventStore(join(dir, 'events.db'));
  let now = '';
  const handler = commandHandler({ store, clock: () => now });
  const kept: StoredStep[] = [];
  try {
    for (const s of steps) {
      now = s.recordedAt;
      const r = await handler.handle(moduleNamed(s.module), {
        commandId: s.commandId,
        command: s.command,
      });
      if (E.isRight(r) && !r.right.alreadyHandled && r.right.events.length > 0) kept.push(s);
    }
  } finally {
    await store.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
  return kept;
};

/** The commands into a new Aimline store, timed (opening and closing the store included). */
export const aimlineCommands = async (
  steps: ReadonlyArray<StoredStep>,
  moduleNamed: Dataset['moduleNamed'],
): Promise<CommandsRun> => {
  const dir = freshDir();
  const run = await timed(async () => {
    const store = openSqliteEventStore(join(dir, 'events.db'));
    try {
      return await aimlineWrites(store, steps, moduleNamed);
    } finally {
      await store.dispose();
    }
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
  return { ms: run.ms, cpuMs: run.cpuMs, failures: run.value, retried: 0 };
};

/** The commands into a new Emmett store in one set-up, timed (opening and closing included). */
export const emmettCommands = async (
  emmett: Emmett,
  setUpName: EmmettSetUpName,
  steps: ReadonlyArray<StoredStep>,
  moduleNamed: Dataset['moduleNamed'],
): Promise<CommandsRun> => {
  const dir = freshDir();
  const fileName = join(dir, 'emmett.db');
  await createWalFile(emmett, fileName);
  const retries: Retries = { busy: 0 };
  const run = await timed(async () => {
    const setUp = openEmmett(emmett, fileName, setUpName);
    try {
      return await emmettWrites(emmett, setUp, steps, moduleNamed, retries);
    } finally {
      await setUp.close();
    }
  }).finally(() => rmSync(dir, { recursive: true, force: true }));
  return { ms: run.ms, cpuMs: run.cpuMs, failures: run.value, retried: retries.busy };
};

/** Folds Aimline's whole log (read, decode with the module codecs, evolve) per stream. */
export const aimlineReplay = async (
  store: EventStore,
  moduleOf: (stream: string) => AnyDomainModule,
): Promise<Map<string, unknown>> => {
  const states = new Map<string, unknown>();
  for await (const recorded of store.readAll()) {
    const module = moduleOf(recorded.stream);
    const decoded = module.events.decode(recorded) as E.Either<unknown, DomainEvent>;
    if (E.isLeft(decoded)) throw new Error(`replay: ${JSON.stringify(decoded.left)}`);
    states.set(
      recorded.stream,
      module.decider.evolve(
        states.get(recorded.stream) ?? module.decider.initialState,
        decoded.right,
      ) as unknown,
    );
  }
  return states;
};

/** Pages through Emmett's whole log (`readMessagesBatch`), handing each message to `f`. */
const emmettMessages = async (
  emmett: Emmett,
  connection: EmmettConnection,
  f: (stream: string, event: EmmettEvent) => void,
): Promise<void> => {
  let after = 0n;
  for (;;) {
    const page = await emmett.readMessagesBatch(connection, { after, batchSize: 1000 });
    for (const m of page.messages) f(m.metadata.streamName, m);
    if (!page.areEventsLeft) return;
    after = page.currentGlobalPosition;
  }
};

/** Folds Emmett's whole log, page by page, per stream. */
export const emmettReplay = async (
  emmett: Emmett,
  connection: EmmettConnection,
  moduleOf: (stream: string) => AnyDomainModule,
): Promise<Map<string, unknown>> => {
  const states = new Map<string, unknown>();
  await emmettMessages(emmett, connection, (stream, event) => {
    const module = moduleOf(stream);
    states.set(
      stream,
      module.decider.evolve(states.get(stream) ?? module.decider.initialState, event) as unknown,
    );
  });
  return states;
};

/** Each stream's events as canonical `[type, data]` texts, in stream order. */
type Histories = Map<string, string[]>;

const add = (h: Histories, stream: string, type: string, data: unknown): void => {
  const text = canonicalJson([type, data]);
  const list = h.get(stream);
  if (list === undefined) h.set(stream, [text]);
  else list.push(text);
};

/**
 * Throws unless both stores hold the same events, stream by stream, and so the same number:
 * the two handlers did the same work.
 */
export const assertSameHistories = async (
  aimline: EventStore,
  emmett: Emmett,
  connection: EmmettConnection,
): Promise<number> => {
  const a: Histories = new Map();
  const b: Histories = new Map();
  let events = 0;
  for await (const e of aimline.readAll()) {
    add(a, e.stream, e.type, e.data);
    events++;
  }
  await emmettMessages(emmett, connection, (stream, e) => add(b, stream, e.type, e.data));
  const streams = new Set([...a.keys(), ...b.keys()]);
  for (const s of streams) {
    const x = a.get(s) ?? [];
    const y = b.get(s) ?? [];
    const at = x.findIndex((t, i) => t !== y[i]);
    if (x.length !== y.length || at >= 0)
      throw new Error(
        `Aimline and Emmett recorded different events on ${s} (${x.length} vs ${y.length}; first difference at ${at})`,
      );
  }
  return events;
};
