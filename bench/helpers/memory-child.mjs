/**
 * One replay in a process of its own, under plain `node` on the BUILT packages (`dist/`), so
 * its peak RSS is what a deployment pays — no tsx, no TypeScript transform in memory:
 * `node bench/helpers/memory-child.mjs PATH LIMIT verify|full|idle [PROFILE.cpuprofile]`. Prints
 * one JSON line: events, streams, wall ms, peak RSS (getrusage, MB), heap after, RSS samples.
 * With a fourth argument it also writes a V8 CPU profile of the replay alone (module loading
 * excluded; `bench/helpers/profile-summary.ts` summarises it) — RSS is then not representative.
 *
 * The pipeline is the one `bench/helpers/replay.ts` times (read, decode, verify, every
 * projection); it is written here again in JavaScript because plain node cannot load the
 * TypeScript helper. Keep the two in step.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openSpillFile, openSqliteEventStore } from '../../packages/store-sqlite/dist/index.js';
import {
  appliesTo,
  memoryStreamTable,
  spillingStreamTable,
  auditEntry,
  subscribesTo,
  deadlineTracker,
  eventDecoder,
  initialChainVerification,
  verifyNext,
} from '../../packages/projections/dist/index.js';
import { domainRegistry } from '../../packages/aimline/dist/registry.js';
import { defaultCouncilPolicy } from '../../packages/aimline/dist/council-policy.js';
import { panelScorecardProjection } from '../../packages/cli/dist/views/panel-views.js';
import { attendanceOverviewProjection } from '../../packages/cli/dist/views/attendance-views.js';

const [path, limitText, mode, profilePath] = process.argv.slice(2);
if (path === undefined || limitText === undefined || mode === undefined)
  throw new Error('usage: memory-child.mjs PATH LIMIT verify|full|idle [PROFILE.cpuprofile]');
const limit = Number(limitText);
const sampleEvery = Math.max(1_000, Math.floor(limit / 10));
const registry = domainRegistry(defaultCouncilPolicy());
const started = performance.now();
let events = 0;
let streams = 0;
const samples = [];
/**
 * Per-stream state is bounded: each table keeps this many streams in memory and spills the
 * least recently used to a scratch SQLite file in a private directory of its own under the OS
 * temp directory, deleted when the replay ends. A profiling run keeps them all in memory, as
 * the timed replay (bench/helpers/replay.ts) does, so its profile is of that pipeline.
 */
const RESIDENT = { chains: 5_000, deadlines: 500, attendance: 250, children: 5_000 };
if (mode !== 'idle') {
  const spillDir = mkdtempSync(join(tmpdir(), 'aimline-bench-spill-'));
  const spills = [];
  const bounded = (name, capacity) => {
    if (profilePath !== undefined) return memoryStreamTable();
    const spill = openSpillFile(join(spillDir, `${name}.db`));
    spills.push(spill);
    return spillingStreamTable(spill, { capacity });
  };
  const store = openSqliteEventStore(path);
  const decode = eventDecoder(registry.modules);
  const projections = [
    {
      name: 'event-counts',
      initialState: () => ({ byType: {}, byStreamCategory: {}, events: 0 }),
      apply: (s, e) => {
        s.events++;
        s.byType[e.recorded.type] = (s.byType[e.recorded.type] ?? 0) + 1;
        s.byStreamCategory[e.module.name] = (s.byStreamCategory[e.module.name] ?? 0) + 1;
        return s;
      },
    },
    deadlineTracker(registry.modules, {
      streams: () => bounded('deadlines', RESIDENT.deadlines),
    }),
    panelScorecardProjection(registry, () => bounded('children', RESIDENT.children)),
    attendanceOverviewProjection(registry, () => bounded('attendance', RESIDENT.attendance)),
  ];
  const states = projections.map((p) => p.initialState());
  const chains = initialChainVerification(bounded('chains', RESIDENT.chains));
  let sink = 0;
  const profiler = profilePath === undefined ? undefined : new Session();
  if (profiler !== undefined) {
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 250 });
    await profiler.post('Profiler.start');
  }
  try {
    for await (const recorded of store.readAll({ maxCount: limit })) {
      events++;
      if (events % sampleEvery === 0) samples.push([events, process.memoryUsage.rss() / 2 ** 20]);
      const decoded = decode(recorded);
      if (decoded._tag === 'Left') throw new Error(decoded.left.message);
      verifyNext(chains, recorded);
      if (mode === 'verify') continue;
      sink += auditEntry(recorded).revision;
      for (let i = 0; i < projections.length; i++) {
        const p = projections[i];
        if (appliesTo(p, recorded.stream) && subscribesTo(p, recorded.type))
          states[i] = p.apply(states[i], decoded.right);
      }
    }
    if (sink === Number.MIN_VALUE) console.log(sink);
    streams = chains.streams.size;
    if (chains.breaks.length > 0) throw new Error(`${chains.breaks.length} chain breaks`);
  } finally {
    await store.dispose();
    for (const spill of spills) spill.close();
    rmSync(spillDir, { recursive: true, force: true });
  }
  if (profiler !== undefined) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(profilePath, JSON.stringify(profile));
    profiler.disconnect();
  }
}
console.log(
  JSON.stringify({
    events,
    streams,
    ms: performance.now() - started,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    heapMb: process.memoryUsage().heapUsed / 2 ** 20,
    samples,
  }),
);
