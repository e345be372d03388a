/**
 * Command latency on a long stream: an HSB case from the demo generator, taken to its
 * intervention and padded with contacts (HSB-25) to 300 events, then more contacts timed one
 * by one through the handler (load, decide, append) — with the handler's state cache warm,
 * and with no cache (every command reads and folds the whole stream). The time inside the
 * store's append is measured separately, and so is the commit floor of the disk: a raw
 * one-row `synchronous=FULL` transaction.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appendGroup,
  commandHandler,
  delegatingStore,
  StateCache,
  uuidV5,
  type AnyDomainModule,
  type Command,
  type EventStore,
} from '../../packages/kernel/src/index.js';
import { openSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { Database, percentile } from './common.js';
import type { Dataset, StoredStep } from './dataset.js';
import { removeDir } from './append.js';

export const STREAM_EVENTS = 300;

export interface LatencyBase {
  readonly dir: string;
  readonly path: string;
  readonly stream: string;
  readonly module: AnyDomainModule;
  /** The contact command to clone, and the instant after which new contacts go. */
  readonly template: StoredStep;
  readonly next: number;
}

const contact = (
  base: LatencyBase,
  k: number,
): { commandId: string; command: Command; recordedAt: string } => {
  const at = new Date(Date.parse(base.template.command.at) + k * 3_600_000).toISOString();
  return {
    commandId: uuidV5(`aimline-bench/latency/${k}`),
    command: {
      ...base.template.command,
      at,
      data: { ...(base.template.command.data as object), contactId: `bench-contact-${k}` },
    },
    recordedAt: new Date(Date.parse(at) + 5 * 60_000).toISOString(),
  };
};

/** Builds the case, padded to `events` events (300 by default), in a new SQLite file through the handler. */
export const buildLatencyBase = async (
  data: Dataset,
  events = STREAM_EVENTS,
): Promise<LatencyBase> => {
  const module = data.moduleNamed('hsb-case');
  // The council's commands in order (hand-offs included) until an HSB case records a contact:
  // a case's facts may come from other streams, so they are all recorded.
  const dir = mkdtempSync(join(tmpdir(), 'aimline-bench-latency-'));
  const path = join(dir, 'base.db');
  const store = openSqliteEventStore(path);
  let now = '';
  const handler = commandHandler({ store, clock: () => now, maxRetries: 0 });
  let found: { stream: string; step: StoredStep } | undefined;
  for (const s of data.steps) {
    now = s.recordedAt;
    const r = await handler.handle(data.moduleNamed(s.module), {
      commandId: s.commandId,
      command: s.command,
      ...(s.correlationId === undefined ? {} : { correlationId: s.correlationId }),
      ...(s.causationId === undefined ? {} : { causationId: s.causationId }),
    });
    if (s.command.type === 'RecordContact' && r._tag === 'Right' && r.right.events.length > 0) {
      found = { stream: r.right.stream, step: s };
      break;
    }
  }
  if (found === undefined) throw new Error('no generated HSB case records a contact');
  const { stream } = found;
  const base0: LatencyBase = { dir, path, stream, module, template: found.step, next: 1 };
  let k = 1;
  while (((await store.streamRevision(stream)) ?? -1) < events - 1) {
    const c = contact(base0, k++);
    now = c.recordedAt;
    const r = await handler.handle(module, c);
    if (r._tag === 'Left') throw new Error(`padding the case failed: ${JSON.stringify(r.left)}`);
  }
  await store.dispose();
  return { ...base0, next: k };
};

/**
 * Wraps a store to time what happens inside an append: `append`, or the group commit
 * (`appendMany`) the command handler uses where the store offers one.
 */
const timingStore = (inner: EventStore, onAppend: (ms: number) => void): EventStore => {
  const timed = async <T>(write: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await write();
    } finally {
      onAppend(performance.now() - start);
    }
  };
  return delegatingStore(inner, {
    append: (stream, events, options) => timed(() => inner.append(stream, events, options)),
    appendMany: (requests) => timed(() => appendGroup(inner, requests)),
  });
};

export interface LatencySamples {
  readonly total: number[];
  readonly append: number[];
}

/** `count` contact commands on a fresh copy of the 300-event case; warm or without a cache. */
export const timeCommands = async (
  base: LatencyBase,
  warm: boolean,
  count: number,
): Promise<LatencySamples> => {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-bench-latency-run-'));
  const path = join(dir, 'events.db');
  copyFileSync(base.path, path);
  const appendTimes: number[] = [];
  const last = { append: 0 };
  const store = timingStore(openSqliteEventStore(path), (ms) => (last.append = ms));
  let now = '';
  const handler = commandHandler({
    store,
    clock: () => now,
    maxRetries: 0,
    ...(warm ? {} : { cache: new StateCache({ maxBytes: 0 }) }),
  });
  let k = base.next;
  if (warm) await handler.load(base.module, base.stream); // the cache holds the case, as after its last command
  const total: number[] = [];
  for (let i = 0; i < count; i++) {
    const c = contact(base, k++);
    now = c.recordedAt;
    last.append = 0;
    const start = performance.now();
    const r = await handler.handle(base.module, c);
    total.push(performance.now() - start);
    appendTimes.push(last.append);
    if (r._tag === 'Left') throw new Error(`contact refused: ${JSON.stringify(r.left)}`);
  }
  await store.dispose();
  removeDir(dir);
  return { total, append: appendTimes };
};

/** Loading (read, decode, fold) the 300-event case with no cache, `count` times. */
export const timeLoads = async (base: LatencyBase, count: number): Promise<number[]> => {
  const store = openSqliteEventStore(base.path);
  const handler = commandHandler({
    store,
    clock: () => '',
    cache: new StateCache({ maxBytes: 0 }),
  });
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const r = await handler.load(base.module, base.stream);
    times.push(performance.now() - start);
    if (r._tag === 'Left') throw new Error('load failed');
  }
  await store.dispose();
  return times;
};

/** The disk's commit floor: one-row `synchronous=FULL` WAL transactions, raw. */
export const commitFloor = (count: number): number[] => {
  const dir = mkdtempSync(join(tmpdir(), 'aimline-bench-floor-'));
  const db = new Database(join(dir, 'floor.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE t (x TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO t (x) VALUES (?)');
  const write = db.transaction((x: string) => {
    insert.run(x);
  });
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    write.immediate(`row ${i}`);
    times.push(performance.now() - start);
  }
  db.close();
  removeDir(dir);
  return times;
};

export const summary = (
  samples: ReadonlyArray<number>,
): { p50: number; p99: number; mean: number } => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
  };
};
