/**
 * The replay pipeline an audit runs, layer by layer: read every event from the SQLite store,
 * decode and upcast it with its module's codecs, verify its stream's hash chain, and fold it
 * into every projection in one pass — beside the floor any reader of the same file pays
 * (better-sqlite3 `iterate()` and `JSON.parse` of each row's data and metadata).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RecordedEvent } from '../../packages/kernel/src/index.js';
import { openSqliteEventStore } from '../../packages/store-sqlite/src/index.js';
import {
  appliesTo,
  auditEntry,
  subscribesTo,
  deadlineTracker,
  eventDecoder,
  initialChainVerification,
  verifyNext,
  type Projection,
} from '../../packages/projections/src/index.js';
import type { DomainRegistry } from '../../packages/aimline/src/index.js';
import { panelScorecardProjection } from '../../packages/cli/src/views/panel-views.js';
import { attendanceOverviewProjection } from '../../packages/cli/src/views/attendance-views.js';
import { eventCounts } from '../../packages/cli/src/commands/event-counts.js';
import { Database, EVENT_COLUMNS } from './common.js';
import { summariseProfile, type CpuProfile, type ProfileSummary } from './profile-summary.js';

/** How far through the pipeline each event goes (each layer includes the ones before it). */
export type Layer = 'read' | 'decode' | 'verify' | 'full';
export const LAYERS: ReadonlyArray<Layer> = ['read', 'decode', 'verify', 'full'];

export const layerLabel: Record<Layer, string> = {
  read: 'store readAll (row checks, JSON.parse, RecordedEvent, async iteration)',
  decode: '+ decode and upcast with the module codecs (io-ts)',
  verify: '+ verify the hash chain (sha256 over canonical JSON)',
  full: '+ fold into every projection (the streams and event types each subscribes to)',
};

/** Every projection Aimline ships that folds the whole log, as `aimline replay` builds them. */
export const allProjections = (registry: DomainRegistry): Array<Projection<unknown>> =>
  [
    eventCounts,
    deadlineTracker(registry.modules),
    panelScorecardProjection(registry),
    attendanceOverviewProjection(registry),
  ] as Array<Projection<unknown>>;

export const projectionNames = (registry: DomainRegistry): string =>
  [
    ...allProjections(registry).map((p) => p.name),
    'chain-verification',
    'audit trail entries',
  ].join(', ');

export interface ReplayOutcome {
  readonly events: number;
  readonly streams: number;
  readonly breaks: number;
  /** RSS (MB) every `sampleEvery` events, when asked. */
  readonly rssSamples: ReadonlyArray<readonly [number, number]>;
}

/** Replays the first `limit` events of the file through `layer`. Throws on a decode error. */
export const replay = async (
  path: string,
  registry: DomainRegistry,
  limit: number,
  layer: Layer,
  sampleEvery = 0,
): Promise<ReplayOutcome> => {
  const store = openSqliteEventStore(path);
  const decode = eventDecoder(registry.modules);
  const projections = allProjections(registry);
  const states = projections.map((p) => p.initialState());
  const chains = initialChainVerification();
  const rssSamples: Array<[number, number]> = [];
  let events = 0;
  let sink = 0;
  try {
    for await (const recorded of store.readAll({ maxCount: limit })) {
      events++;
      if (sampleEvery > 0 && events % sampleEvery === 0)
        rssSamples.push([events, process.memoryUsage.rss() / 2 ** 20]);
      if (layer === 'read') {
        sink += recorded.revision;
        continue;
      }
      const decoded = decode(recorded);
      if (decoded._tag === 'Left') throw new Error(decoded.left.message);
      if (layer === 'decode') continue;
      verifyNext(chains, recorded);
      if (layer === 'verify') continue;
      sink += auditEntry(recorded).revision;
      for (let i = 0; i < projections.length; i++) {
        const p = projections[i]!;
        if (appliesTo(p, recorded.stream) && subscribesTo(p, recorded.type))
          states[i] = p.apply(states[i], decoded.right);
      }
    }
  } finally {
    await store.dispose();
  }
  if (sink === Number.MIN_VALUE) console.log(sink);
  return {
    events,
    streams: Object.keys(chains.streams).length,
    breaks: chains.breaks.length,
    rssSamples,
  };
};

/** The baseline: the same rows through better-sqlite3 `iterate()`, `JSON.parse` of data and metadata. */
export const rawReplay = (path: string, limit: number): number => {
  const db = new Database(path, { readonly: true });
  try {
    const statement = db
      .prepare(`SELECT ${EVENT_COLUMNS} FROM events ORDER BY position LIMIT ?`)
      .raw(true);
    let count = 0;
    for (const row of statement.iterate(limit)) {
      const data = JSON.parse(row[6] as string) as unknown;
      const metadata = JSON.parse(row[7] as string) as unknown;
      if (data !== undefined && metadata !== undefined) count++;
    }
    return count;
  } finally {
    db.close();
  }
};

/**
 * Where the full pipeline's time goes: one more replay of the same events, profiled, in a
 * child under plain `node` on the BUILT packages (`bench/helpers/memory-child.mjs`, so the
 * profile names real functions and lines, with no TypeScript transform in it), sampled by
 * V8's profiler from the first event read to the last projection fold.
 */
export const profileFullReplay = (path: string, limit: number): ProfileSummary => {
  const child = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));
  const built = fileURLToPath(new URL('../../packages/aimline/dist/registry.js', import.meta.url));
  if (!existsSync(built))
    throw new Error(
      'the replay profile runs the built packages: run `bash scripts/pnpm.sh run build`',
    );
  const dir = mkdtempSync(join(tmpdir(), 'aimline-bench-profile-'));
  try {
    const file = join(dir, 'replay.cpuprofile');
    const r = spawnSync(process.execPath, [child, path, String(limit), 'full', file], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) throw new Error(`replay profile failed: ${r.stderr}`);
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    return summariseProfile(
      profile,
      `the full pipeline replaying the same ${limit.toLocaleString('en-GB')} events once more, plain node on dist (bench/helpers/memory-child.mjs), V8 sampling profiler every 250 µs, self time`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

export type { RecordedEvent };
