/**
 * Command latency with many active streams: the HSB case the latency figure uses, taken to its
 * first contact, copied under new case ids into N streams (events re-identified, every chain
 * computed by the store), then contacts (HSB-25) sent to streams picked at random — with the
 * handler's default state cache holding every stream, as after each stream's last command, and
 * with no cache. A uniform pick over N streams is the cache's worst case: no locality at all.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commandHandler,
  StateCache,
  uuidV5,
  type AppendRequest,
  type Command,
} from '../../packages/kernel/src/index.js';
import { openSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import { buildLatencyBase, type LatencyBase } from './latency.js';
import type { Dataset } from './dataset.js';
import { removeDir } from './append.js';

export interface ActiveStreams {
  readonly dir: string;
  readonly path: string;
  readonly base: LatencyBase;
  readonly caseId: string;
  /** Case ids of the copies, index-aligned with `streams`. */
  readonly caseIds: ReadonlyArray<string>;
  readonly streams: ReadonlyArray<string>;
  readonly eventsPerStream: number;
}

const renamed = (value: unknown, from: string, to: string): unknown =>
  JSON.parse(JSON.stringify(value).split(`"${from}"`).join(`"${to}"`)) as unknown;

/** N copies of the case at its first contact, in one new SQLite file. */
export const buildActiveStreams = async (data: Dataset, count: number): Promise<ActiveStreams> => {
  const base = await buildLatencyBase(data, 0);
  const caseId = base.stream.slice(base.module.streamPrefix.length);
  const source = openSqliteEventStore(base.path);
  const events = [];
  for await (const e of source.readStream(base.stream)) events.push(e);
  await source.dispose();
  const dir = mkdtempSync(join(tmpdir(), 'aimline-bench-active-'));
  const path = join(dir, 'active.db');
  const store = openSqliteEventStore(path);
  const caseIds = Array.from({ length: count }, (_, k) => `${caseId}-a${k}`);
  const streams = caseIds.map((id) => `${base.module.streamPrefix}${id}`);
  for (let from = 0; from < count; from += 100) {
    const requests: AppendRequest[] = [];
    for (let k = from; k < Math.min(count, from + 100); k++)
      requests.push({
        stream: streams[k]!,
        expectedRevision: 'no-stream',
        events: events.map((e) => {
          const { prevHash: _p, hash: _h, ...metadata } = e.metadata;
          return {
            id: uuidV5(`${e.id}/${k}`),
            type: e.type,
            schemaVersion: e.schemaVersion,
            data: renamed(e.data, caseId, caseIds[k]!),
            metadata: {
              ...metadata,
              commandId: uuidV5(`${metadata.commandId}/${k}`),
              commandFingerprint: metadata.commandFingerprint ?? '0'.repeat(64),
            },
          };
        }),
      });
    const outcomes = await store.appendMany(requests);
    const refused = outcomes.find((o) => o.kind === 'refused');
    if (refused !== undefined && refused.kind === 'refused') throw refused.error;
  }
  await store.dispose();
  removeDir(base.dir);
  return { dir, path, base, caseId, caseIds, streams, eventsPerStream: events.length };
};

/** A small seeded generator (mulberry32) for the streams picked. */
const picker = (seed: number) => {
  let s = seed >>> 0;
  return (n: number): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
};

let sent = 0;

/** One contact for copy `k`, after every contact sent before it. */
const contactFor = (active: ActiveStreams, k: number) => {
  const n = ++sent;
  const template = active.base.template.command;
  const at = new Date(Date.parse(template.at) + n * 60_000).toISOString();
  const command = renamed(
    { ...template, at, data: { ...(template.data as object), contactId: `bench-active-${n}` } },
    active.caseId,
    active.caseIds[k]!,
  ) as Command;
  return {
    commandId: uuidV5(`aimline-bench/active/${process.pid}/${n}`),
    command,
    recordedAt: new Date(Date.parse(at) + 60_000).toISOString(),
  };
};

export interface ActiveSamples {
  readonly total: number[];
  /** The cache after the run: streams held and their weight. */
  readonly cached: { readonly streams: number; readonly megabytes: number };
}

/**
 * `count` contacts to streams picked at random. With `cached`, every stream is loaded first
 * (the default cache then holds the working set, as in a service where all are active).
 */
export const timeActive = async (
  active: ActiveStreams,
  cached: boolean,
  count: number,
  seed: number,
): Promise<ActiveSamples> => {
  const store = openSqliteEventStore(active.path);
  const cache = cached ? new StateCache() : new StateCache({ maxBytes: 0 });
  let now = '';
  const handler = commandHandler({ store, clock: () => now, maxRetries: 0, cache });
  if (cached) for (const s of active.streams) await handler.load(active.base.module, s);
  const pick = picker(seed);
  const total: number[] = [];
  for (let i = 0; i < count; i++) {
    const k = pick(active.streams.length);
    const c = contactFor(active, k);
    now = c.recordedAt;
    const start = performance.now();
    const r = await handler.handle(active.base.module, c);
    total.push(performance.now() - start);
    if (r._tag === 'Left') throw new Error(`contact refused: ${JSON.stringify(r.left)}`);
    if (r.right.stream !== active.streams[k]) throw new Error(`contact went to ${r.right.stream}`);
  }
  await store.dispose();
  return { total, cached: { streams: cache.size, megabytes: cache.bytes / 2 ** 20 } };
};
