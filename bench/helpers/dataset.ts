/**
 * The benchmark's data, made by the real deciders: the demo generators (fixed seed) produce
 * a council's commands, the command handler records them, and the recorded history is
 * copied under fresh ids into as many "councils" as the wanted event count needs — each
 * copy's streams renamed (`hsb-case-c007-…`), event and command ids re-derived, and every
 * hash chain recomputed with the kernel's `chainEvents`, written as the SQLite store writes
 * it (canonical JSON text). Everything is cached under the OS temp directory, keyed by the
 * seed, the size and a hash of the domain sources, so later runs start at once.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalJson,
  commandFingerprint,
  chainEvents,
  commandHandler,
  GENESIS_HASH,
  InMemoryEventStore,
  uuidV5,
  type AnyDomainModule,
  type Command,
  type RecordedEvent,
} from '../../packages/kernel/src/index.js';
import { openSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import {
  defaultCouncilPolicy,
  domainRegistry,
  type DomainRegistry,
} from '../../packages/aimline/src/index.js';
import { demoSteps } from '../../packages/demo/src/index.js';
import { processManagers } from '../../packages/processes/src/index.js';
import { Database, log } from './common.js';

export const SEED = 20_261_123;
export const CASES = 24;
export const YEARS = 10;
export const FROM = '2015-09-07T09:00:00Z';
/** Bump when the way the data is made changes (invalidates every cache). */
const DATASET_VERSION = 2;

/** A generated command, serialisable (the module by name). */
export interface StoredStep {
  readonly module: string;
  readonly commandId: string;
  readonly command: Command;
  /** When the simulated clock records it. */
  readonly recordedAt: string;
  readonly correlationId?: string;
  /** Set on the commands a process manager sent (a hand-off): the event that caused it. */
  readonly causationId?: string;
  readonly expectRejection?: string;
}

export interface Dataset {
  readonly registry: DomainRegistry;
  readonly moduleNamed: (name: string) => AnyDomainModule;
  /** The council's commands, in the order they happen (as `aimline demo` sends them). */
  readonly steps: ReadonlyArray<StoredStep>;
  /** What those commands recorded (one council). */
  readonly base: { readonly events: number; readonly streams: number };
  readonly dir: string;
  readonly describe: string;
}

const SOURCE_ROOTS = [
  'kernel',
  'calendar',
  'meetings',
  'hsb-aim',
  'panel',
  'attendance-aim',
  'store-sqlite',
  'demo',
  'cli',
];

/** A hash of the sources that decide what the data is, so a changed decider regenerates it. */
const sourceHash = (): string => {
  const h = createHash('sha1');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) h.update(p).update(readFileSync(p));
    }
  };
  for (const root of SOURCE_ROOTS)
    walk(new URL(`../../packages/${root}/src`, import.meta.url).pathname);
  return h.digest('hex').slice(0, 12);
};

export const cacheDir = (): string => {
  const key = createHash('sha1')
    .update(`${DATASET_VERSION}|${SEED}|${CASES}|${YEARS}|${FROM}|${sourceHash()}`)
    .digest('hex')
    .slice(0, 12);
  const dir = join(tmpdir(), `aimline-bench-${key}`);
  if (process.env['AIMLINE_BENCH_FRESH'] === '1' && existsSync(dir))
    rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
};

const generateSteps = async (registry: DomainRegistry): Promise<StoredStep[]> => {
  const started = performance.now();
  const { steps: all, perProcess } = demoSteps({
    seed: SEED,
    policy: defaultCouncilPolicy(),
    modules: registry.modules,
    from: FROM,
    years: YEARS,
    cases: CASES,
  });
  log(
    `generated ${perProcess.map(([name, n]) => `${n} ${name}`).join(', ')} commands in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  // The order `runScenarios` uses: when they happen in the world, then as generated.
  const ordered = all
    .map((s, i) => ({ s, i }))
    .sort((a, b) => Date.parse(a.s.command.at) - Date.parse(b.s.command.at) || a.i - b.i)
    .map(({ s }) => ({
      module: s.module.name,
      commandId: s.commandId,
      command: s.command,
      recordedAt: s.recordedAt ?? new Date(Date.parse(s.command.at) + 5 * 60_000).toISOString(),
      ...(s.correlationId === undefined ? {} : { correlationId: s.correlationId }),
      ...(s.expectRejection === undefined ? {} : { expectRejection: s.expectRejection }),
    }));
  return captureHandOffs(ordered, registry);
};

/**
 * Runs the steps as `runScenarios` does — the process managers catch up before every HSB case
 * and meeting step — and returns every command the handler saw, in order: the generated ones
 * and the hand-offs the process managers sent. Replaying that list needs no process manager.
 */
const captureHandOffs = async (
  steps: ReadonlyArray<StoredStep>,
  registry: DomainRegistry,
): Promise<StoredStep[]> => {
  const store = new InMemoryEventStore();
  let now = '';
  const inner = commandHandler({ store, clock: () => now, maxRetries: 0 });
  const seen: StoredStep[] = [];
  let current: StoredStep | undefined;
  const handler: typeof inner = {
    ...inner,
    handle: (module, envelope) => {
      const own = current !== undefined && envelope.commandId === current.commandId;
      seen.push(
        own
          ? current!
          : {
              module: module.name,
              commandId: envelope.commandId,
              command: envelope.command,
              recordedAt: now,
              ...(envelope.correlationId === undefined
                ? {}
                : { correlationId: envelope.correlationId }),
              ...(envelope.causationId === undefined ? {} : { causationId: envelope.causationId }),
            },
      );
      return inner.handle(module, envelope);
    },
  };
  const named = (name: string): AnyDomainModule => {
    const m = registry.modules.find((x) => x.name === name);
    if (m === undefined) throw new Error(`no module named ${name}`);
    return m;
  };
  const processes = processManagers({ store, handler, modules: registry.typed });
  for (const s of steps) {
    if (s.module === 'hsb-case' || s.module === 'meeting') await processes.catchUp();
    now = s.recordedAt;
    current = s;
    await handler.handle(named(s.module), {
      commandId: s.commandId,
      command: s.command,
      ...(s.correlationId === undefined ? {} : { correlationId: s.correlationId }),
    });
    current = undefined;
  }
  await processes.catchUp();
  log(`${seen.length - steps.length} hand-off commands from the process managers`);
  return seen;
};

/** Records the steps through the real command handler into an in-memory store. */
export const recordSteps = async (
  steps: ReadonlyArray<StoredStep>,
  moduleNamed: (name: string) => AnyDomainModule,
): Promise<RecordedEvent[]> => {
  const store = new InMemoryEventStore();
  let now = '';
  const handler = commandHandler({ store, clock: () => now, maxRetries: 0 });
  for (const s of steps) {
    now = s.recordedAt;
    await handler.handle(moduleNamed(s.module), {
      commandId: s.commandId,
      command: s.command,
      ...(s.correlationId === undefined ? {} : { correlationId: s.correlationId }),
      ...(s.causationId === undefined ? {} : { causationId: s.causationId }),
    });
  }
  const events: RecordedEvent[] = [];
  for await (const e of store.readAll()) events.push(e);
  return events;
};

export const loadDataset = async (): Promise<Dataset> => {
  const registry = domainRegistry(defaultCouncilPolicy());
  const byName = new Map(registry.modules.map((m) => [m.name, m]));
  const moduleNamed = (name: string): AnyDomainModule => {
    const m = byName.get(name);
    if (m === undefined) throw new Error(`no module named ${name}`);
    return m;
  };
  const dir = cacheDir();
  const stepsFile = join(dir, 'steps.json');
  let steps: StoredStep[];
  if (existsSync(stepsFile)) steps = JSON.parse(readFileSync(stepsFile, 'utf8')) as StoredStep[];
  else {
    steps = await generateSteps(registry);
    writeFileSync(`${stepsFile}.tmp`, JSON.stringify(steps));
    renameSync(`${stepsFile}.tmp`, stepsFile);
  }
  const baseFile = join(dir, 'base.json');
  let base: { events: number; streams: number };
  if (existsSync(baseFile)) base = JSON.parse(readFileSync(baseFile, 'utf8')) as typeof base;
  else {
    const events = await recordSteps(steps, moduleNamed);
    base = { events: events.length, streams: new Set(events.map((e) => e.stream)).size };
    writeFileSync(baseFile, JSON.stringify(base));
  }
  return {
    registry,
    moduleNamed,
    steps,
    base,
    dir,
    describe: `demo generators, seed ${SEED}, ${CASES} cases per process over ${YEARS} years from ${FROM.slice(0, 10)}: ${steps.length} commands → ${base.events} events in ${base.streams} streams per council`,
  };
};

/**
 * How many streams a history of n events has: `council` copies whole council histories
 * (about 14.5 events a stream); `wide` has ten times the streams for the same events — every
 * copied case is cut after its first event or two (as many councils' cases just opened), so
 * memory can be seen to stay flat in the number of cases.
 */
export type HistoryShape = 'council' | 'wide';

/** In a wide copy: each stream's first event, and its second for 45 streams in 100 (by name). */
const keptInWideCopy = (stream: string, revision: number): boolean => {
  if (revision === 0) return true;
  if (revision > 1) return false;
  let h = 0;
  for (let i = 0; i < stream.length; i++) h = (h * 31 + stream.charCodeAt(i)) | 0;
  return Math.abs(h) % 100 < 45;
};

/**
 * The SQLite file of `total` events (copies of the council's history), built once and cached.
 * Returns its path. Copies are laid out one council after another, so the first n events
 * of the file are themselves a realistic n-event history. `shape`: see `HistoryShape`.
 */
export const historyFile = async (
  data: Dataset,
  total: number,
  shape: HistoryShape = 'council',
): Promise<string> => {
  const path = join(data.dir, `history-${shape === 'wide' ? 'wide-' : ''}${total}.db`);
  const done = `${path}.done`;
  if (existsSync(done) && existsSync(path)) return path;
  for (const f of [path, `${path}-wal`, `${path}-shm`]) rmSync(f, { force: true });
  const started = performance.now();
  const events = await recordSteps(data.steps, data.moduleNamed);
  const dataText = events.map((e) => canonicalJson(e.data));
  const prefixOf = (stream: string): string => {
    const module = data.registry.moduleForStream(stream);
    if (module === undefined) throw new Error(`no module owns ${stream}`);
    return module.streamPrefix;
  };
  const prefixes = events.map((e) => prefixOf(e.stream));
  await openSqliteEventStore(path).dispose(); // the store's own schema, pragmas and header
  const db = new Database(path);
  db.pragma('synchronous = OFF');
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const rows: unknown[][] = [];
  const flush = db.transaction(() => {
    for (const r of rows) insert.run(...r);
  });
  let written = 0;
  for (let copy = 0; written < total; copy++) {
    const tag = `c${String(copy).padStart(shape === 'wide' ? 5 : 3, '0')}-`;
    const last = new Map<string, { revision: number; hash: string }>();
    const ids = new Map<string, string>();
    const fresh = (id: string): string => {
      let v = ids.get(id);
      if (v === undefined) ids.set(id, (v = copy === 0 ? id : uuidV5(`${id}/${copy}`)));
      return v;
    };
    for (let i = 0; i < events.length && written < total; i++) {
      const e = events[i]!;
      if (shape === 'wide' && !keptInWideCopy(e.stream, e.revision)) continue;
      const prefix = prefixes[i]!;
      const stream = prefix + tag + e.stream.slice(prefix.length);
      const { hash: _h, prevHash: _p, ...meta } = e.metadata;
      const previous = last.get(stream);
      const [chained] = chainEvents(stream, previous?.revision, previous?.hash ?? GENESIS_HASH, [
        {
          id: fresh(e.id),
          type: e.type,
          schemaVersion: e.schemaVersion,
          data: e.data,
          metadata: {
            ...meta,
            commandId: fresh(meta.commandId),
            commandFingerprint: commandFingerprint({
              type: e.type,
              stream,
              at: meta.occurredAt,
              actor: meta.actor,
              data: e.data,
            }),
            correlationId: fresh(meta.correlationId),
            causationId: fresh(meta.causationId),
          },
        },
      ]);
      const c = chained!;
      last.set(stream, { revision: c.revision, hash: c.metadata.hash });
      rows.push([
        c.id,
        stream,
        c.revision,
        c.type,
        c.schemaVersion,
        dataText[i],
        canonicalJson(c.metadata),
      ]);
      written++;
      if (rows.length === 20_000) {
        flush();
        rows.length = 0;
      }
    }
    if (copy % 50 === 49) log(`history file: ${written} of ${total} events written`);
  }
  flush();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  writeFileSync(done, new Date().toISOString());
  log(`built ${path} (${total} events) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  return path;
};
