/**
 * The peer: the same decider workload through Emmett (`@event-driven-io/emmett` 0.42.0,
 * `@event-driven-io/emmett-sqlite` 0.42.4 on `sqlite3`) beside Aimline's command handler on its
 * SQLite store. Emmett runs Aimline's own deciders (its `DeciderCommandHandler` takes
 * `decide`/`evolve`/`initialState`; a rejection is thrown, as Emmett expects). Three workloads,
 * the contenders interleaved in ABBA rounds after a discarded warm-up (bench/helpers/figures.ts),
 * ratios paired per round:
 * - commands/s: the demo council's commands that record events, in order, one per
 *   transaction, into a new file; Emmett in its default set-up (a connection per operation)
 *   and with one shared connection (bench/peer/emmett.ts);
 * - read and fold one long stream (an HSB case padded with contacts), Aimline with no cache;
 * - replay: every event of the commands, in global order, folded per stream.
 * Both stores are checked to hold the same events and to fold to the same states, and both
 * must run WAL with synchronous=FULL: the PRAGMAs are read from each store's own connection
 * and printed (every Emmett file is made WAL before Emmett opens it: `createWalFile`).
 *
 * Emmett is an opt-in install of its own (`bash bench/peer/install.sh`), never a dependency
 * of the workspace or of a library; without it this file says so and returns no figures.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import * as E from 'fp-ts/lib/Either.js';
import {
  commandHandler,
  StateCache,
  type AnyDomainModule,
  type DomainEvent,
} from '../packages/kernel/src/index.js';
import { openSqliteEventStore, type SqliteEventStore } from '../packages/store-sqlite/src/index.js';
import { loadNote, log, perSecond, timed } from './helpers/common.js';
import { loadDataset, type Dataset, type StoredStep } from './helpers/dataset.js';
import { alternate, figure, paired, size, spread, type Figure } from './helpers/figures.js';
import { buildLatencyBase } from './helpers/latency.js';
import {
  createWalFile,
  emmettPragmas,
  loadEmmett,
  openEmmett,
  type Emmett,
} from './peer/emmett.js';
import {
  aimlineCommands,
  aimlineReplay,
  aimlineWrites,
  assertSameHistories,
  emmettCommands,
  emmettReplay,
  emmettWrites,
  freshDir,
  recordingSteps,
  type CommandsRun,
} from './peer/workloads.js';

const COMMANDS = size('AIMLINE_BENCH_PEER_COMMANDS', 2000, 150);
const STREAM_EVENTS = size('AIMLINE_BENCH_PEER_STREAM_EVENTS', 1000, 300);
const FOLDS = size('AIMLINE_BENCH_PEER_FOLDS', 20, 3);

/** The store's live connection's journal mode and synchronous level (read, never changed). */
const aimlinePragmas = (store: SqliteEventStore): { journalMode: string; synchronous: number } => {
  const db = (store as unknown as { db: { pragma(s: string, o: { simple: true }): unknown } }).db;
  return {
    journalMode: String(db.pragma('journal_mode', { simple: true })),
    synchronous: Number(db.pragma('synchronous', { simple: true })),
  };
};

const FULL = 2;
const shown = (p: { journalMode: string; synchronous: number }): string =>
  `journal_mode=${p.journalMode}, synchronous=${p.synchronous}${p.synchronous === FULL ? ' (FULL)' : ''}`;

const ratioAbout = 'paired per round; above 1: Aimline is faster';

export async function run(): Promise<Figure[]> {
  const loaded = await loadEmmett();
  if (!loaded.installed) {
    log(
      `peer not installed: ${loaded.why}, so it is not measured; run \`bash bench/peer/install.sh\` first (opt-in: its native sqlite3 compiles from source, about 9 minutes)`,
    );
    return [];
  }
  const { emmett } = loaded;
  const note = await loadNote();
  const data = await loadDataset();
  // The workload: the demo council's commands that record events, so both handlers do the
  // same work (the planned rejections and repeated command ids stay out: Emmett has neither
  // typed rejections nor idempotent command ids).
  const steps = await recordingSteps(data.steps.slice(0, COMMANDS), data.moduleNamed);
  const moduleOf = (stream: string): AnyDomainModule => {
    const m = data.registry.modules.find((x) => stream.startsWith(x.streamPrefix));
    if (m === undefined) throw new Error(`no module for ${stream}`);
    return m;
  };
  const results: Figure[] = [];
  const push = (f: Figure): void => {
    results.push(f);
    log(`${f.name}: ${spread(f)} ${f.unit} (${f.rounds} rounds)`);
  };

  // What is opened is closed and removed, whether the bench finishes or fails.
  const cleanups: Array<() => unknown> = [];
  try {
    await measure({ emmett, note, data, steps, moduleOf }, cleanups, push);
  } finally {
    for (const f of cleanups.reverse()) await f();
  }
  return results;
}

/** What every workload is run with. */
interface Peer {
  readonly emmett: Emmett;
  readonly note: string;
  readonly data: Dataset;
  /** The commands both handlers record events for. */
  readonly steps: ReadonlyArray<StoredStep>;
  readonly moduleOf: (stream: string) => AnyDomainModule;
}

/** Every workload, its checks and its figures (`push`); each thing opened is put in `cleanups`. */
const measure = async (
  { emmett, note, data, steps, moduleOf }: Peer,
  cleanups: Array<() => unknown>,
  push: (f: Figure) => void,
): Promise<void> => {
  // ---- the log in both stores, checked equal; the long stream in both; the PRAGMAs -----------
  const dir = freshDir();
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const aimlineLog = openSqliteEventStore(join(dir, 'aimline.db'));
  cleanups.push(() => aimlineLog.dispose());
  const emmettFile = async (name: string): Promise<string> => {
    const fileName = join(dir, name);
    await createWalFile(emmett, fileName);
    return fileName;
  };
  const emmettLog = openEmmett(emmett, await emmettFile('emmett.db'), 'shared');
  cleanups.push(() => emmettLog.close());
  const emmettDefaultLog = openEmmett(emmett, await emmettFile('emmett-default.db'), 'default');
  const writeFailures = [
    ...(await aimlineWrites(aimlineLog, steps, data.moduleNamed)),
    ...(await emmettWrites(emmett, emmettLog, steps, data.moduleNamed)),
    ...(await emmettWrites(emmett, emmettDefaultLog, steps, data.moduleNamed)),
  ];
  if (writeFailures.length > 0)
    throw new Error(`the log was not recorded whole: ${writeFailures.join('; ')}`);
  // Both of Emmett's set-ups record what Aimline records, event for event.
  const events = await emmettLog.withConnection((c) => assertSameHistories(aimlineLog, emmett, c));
  await emmettDefaultLog.withConnection((c) => assertSameHistories(aimlineLog, emmett, c));
  const base = await buildLatencyBase(data, STREAM_EVENTS);
  cleanups.push(() => rmSync(base.dir, { recursive: true, force: true }));
  const aimlineLong = openSqliteEventStore(base.path);
  cleanups.push(() => aimlineLong.dispose());
  const emmettLong = openEmmett(emmett, await emmettFile('emmett-long.db'), 'shared');
  cleanups.push(() => emmettLong.close());
  const streamEvents: DomainEvent[] = [];
  for await (const e of aimlineLong.readStream(base.stream)) {
    const decoded = base.module.events.decode(e) as E.Either<unknown, DomainEvent>;
    if (E.isLeft(decoded)) throw new Error('the long stream does not decode');
    streamEvents.push(decoded.right);
  }
  await emmettLong.store.appendToStream(base.stream, streamEvents);

  const pragmas = {
    aimline: aimlinePragmas(aimlineLog),
    emmettShared: await emmettLog.withConnection(emmettPragmas),
    // Each operation's new connection runs with what a new connection gets.
    emmettDefault: await emmettDefaultLog.withConnection(emmettPragmas),
  };
  const pragmaText = `Aimline ${shown(pragmas.aimline)}; Emmett default set-up ${shown(pragmas.emmettDefault)}; Emmett one shared connection ${shown(pragmas.emmettShared)}`;
  log(`PRAGMAs: ${pragmaText}`);
  for (const [who, p] of Object.entries(pragmas))
    if (p.journalMode !== 'wal' || p.synchronous !== FULL)
      throw new Error(`${who} does not run WAL with synchronous=FULL: ${shown(p)}`);

  // ---- commands/s -----------------------------------------------------------------------------
  const commands = await alternate({
    aimline: () => aimlineCommands(steps, data.moduleNamed),
    emmettDefault: () => emmettCommands(emmett, 'default', steps, data.moduleNamed),
    emmettShared: () => emmettCommands(emmett, 'shared', steps, data.moduleNamed),
  });
  // Emmett's retried commits (SQLITE_BUSY, see bench/peer/workloads.ts) are said, not hidden.
  const retried = (runs: ReadonlyArray<CommandsRun>): string => {
    const n = runs.map((r) => r.retried);
    return `Emmett retried ${Math.min(...n)}–${Math.max(...n)} commits per round after SQLITE_BUSY "SQL statements in progress" (its un-awaited PRAGMA on a new connection)`;
  };
  const failed = Object.entries(commands).flatMap(([who, runs]) =>
    runs.flatMap((r: CommandsRun) => r.failures.map((f) => `${who}: ${f}`)),
  );
  if (failed.length > 0)
    throw new Error(
      `${failed.length} commands were not recorded: ${failed.slice(0, 3).join('; ')}`,
    );

  // ---- read and fold the long stream --------------------------------------------------------
  const longHandler = commandHandler({
    store: aimlineLong,
    clock: () => '',
    cache: new StateCache({ maxBytes: 0 }),
  });
  const aimlineFold = async (): Promise<unknown> => {
    const r = await longHandler.load(base.module, base.stream);
    if (E.isLeft(r) || r.right.revision !== streamEvents.length - 1)
      throw new Error('Aimline did not fold the whole long stream');
    return r.right.state;
  };
  const emmettFold = async (): Promise<unknown> => {
    const r = await emmettLong.store.aggregateStream<unknown>(base.stream, {
      evolve: (s, e) => base.module.decider.evolve(s, e) as unknown,
      initialState: () => base.module.decider.initialState as unknown,
    });
    if (r.currentStreamVersion !== BigInt(streamEvents.length))
      throw new Error(`Emmett folded the long stream to version ${r.currentStreamVersion}`);
    return r.state;
  };
  if (!isDeepStrictEqual(await aimlineFold(), await emmettFold()))
    throw new Error('Aimline and Emmett fold the long stream to different states');
  const folds = await alternate({
    aimline: () =>
      timed(async () => {
        for (let i = 0; i < FOLDS; i++) await aimlineFold();
      }),
    emmett: () =>
      timed(async () => {
        for (let i = 0; i < FOLDS; i++) await emmettFold();
      }),
  });

  // ---- replay the log ---------------------------------------------------------------------
  const replayed = {
    aimline: await aimlineReplay(aimlineLog, moduleOf),
    emmett: await emmettLog.withConnection((c) => emmettReplay(emmett, c, moduleOf)),
  };
  if (!isDeepStrictEqual(replayed.aimline, replayed.emmett))
    throw new Error('Aimline and Emmett replay the log to different states');
  const replays = await alternate({
    aimline: () => timed(() => aimlineReplay(aimlineLog, moduleOf)),
    emmett: () => timed(() => emmettLog.withConnection((c) => emmettReplay(emmett, c, moduleOf))),
  });

  // ---- figures -------------------------------------------------------------------------------
  type Timing = { readonly ms: number; readonly cpuMs: number };
  const rates = (count: number, xs: ReadonlyArray<Timing>): number[] =>
    xs.map((t) => perSecond(count, t.ms));
  /** Aimline ÷ Emmett per round, by wall clock and by this process's CPU time. */
  const ratios = (
    what: string,
    emmettRuns: ReadonlyArray<Timing>,
    aimlineRuns: ReadonlyArray<Timing>,
  ): void => {
    push(
      figure(
        `peer ratio: Aimline ÷ Emmett${what}`,
        'ratio',
        paired(emmettRuns, aimlineRuns, (e, a) => e.ms / a.ms),
        `wall clock, ${ratioAbout}`,
      ),
    );
    push(
      figure(
        `peer ratio (CPU time): Aimline ÷ Emmett${what}`,
        'ratio',
        paired(emmettRuns, aimlineRuns, (e, a) => e.cpuMs / a.cpuMs),
        `CPU time of the process (Emmett's sqlite3 thread pool included), ${ratioAbout}`,
      ),
    );
  };
  const about = `${steps.length} demo commands that record events (${events} events), one per transaction, each contender into a new file every round, both stores checked to hold the same events; PRAGMAs: ${pragmaText}; ${note}`;
  push(
    figure(
      'peer: Aimline handler, commands/s',
      'commands/s',
      rates(steps.length, commands.aimline),
      about,
    ),
  );
  for (const [key, label, how] of [
    [
      'emmettDefault',
      'default set-up',
      'getSQLiteEventStore({ fileName }): a connection per operation',
    ],
    [
      'emmettShared',
      'one shared connection',
      'getSQLiteEventStore with a pool given one sqliteConnection as its singleton',
    ],
  ] as const) {
    push(
      figure(
        `peer: Emmett DeciderCommandHandler, ${label}, commands/s`,
        'commands/s',
        rates(steps.length, commands[key]),
        `${how}; ${retried(commands[key])}; ${about}`,
      ),
    );
    ratios(` ${label}, commands/s`, commands[key], commands.aimline);
  }
  const fold = `read and fold a ${STREAM_EVENTS}-event stream`;
  const foldAbout = `HSB case of ${STREAM_EVENTS} events; Aimline handler.load with no cache (read, decode with the module codecs, evolve); Emmett aggregateStream on its shared connection; both fold to the same state; ${FOLDS} folds per round; ${note}`;
  push(figure(`peer: Aimline ${fold}`, 'folds/s', rates(FOLDS, folds.aimline), foldAbout));
  push(figure(`peer: Emmett ${fold}`, 'folds/s', rates(FOLDS, folds.emmett), foldAbout));
  ratios(`, ${fold}`, folds.emmett, folds.aimline);
  const replayAbout = `${events} events of the ${steps.length} commands, in global order, folded per stream (Aimline: readAll + decode + evolve; Emmett: readMessagesBatch pages of 1000 + evolve), both to the same states; ${note}`;
  push(figure('peer: Aimline replay', 'events/s', rates(events, replays.aimline), replayAbout));
  push(figure('peer: Emmett replay', 'events/s', rates(events, replays.emmett), replayAbout));
  ratios(', replay', replays.emmett, replays.aimline);
};
