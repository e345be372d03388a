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
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { openSqliteEventStore } from '../../packages/store-sqlite/dist/index.js';
import {
  appliesTo,
  auditEntry,
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
if (mode !== 'idle') {
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
    deadlineTracker(registry.modules),
    panelScorecardProjection(registry),
    attendanceOverviewProjection(registry),
  ];
  const states = projections.map((p) => p.initialState());
  const chains = initialChainVerification();
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
        if (appliesTo(p, recorded.stream)) states[i] = p.apply(states[i], decoded.right);
      }
    }
  } finally {
    await store.dispose();
  }
  if (profiler !== undefined) {
    const { profile } = await profiler.post('Profiler.stop');
    writeFileSync(profilePath, JSON.stringify(profile));
    profiler.disconnect();
  }
  if (sink === Number.MIN_VALUE) console.log(sink);
  streams = Object.keys(chains.streams).length;
  if (chains.breaks.length > 0) throw new Error(`${chains.breaks.length} chain breaks`);
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
