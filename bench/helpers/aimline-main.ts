/**
 * The Aimline benchmark proper, run by `bench/aimline.bench.ts` in a process of its own
 * (`--conditions=@aimline/source`, so every package is its TypeScript source, one copy of each).
 * Every timed figure comes from paired rounds (bench/helpers/figures.ts: a discarded warm-up,
 * then at least 5 ABBA rounds, ratios per round); peak memory comes from children running the
 * BUILT packages under plain `node`. Writes its figures as JSON to the file named in argv[2].
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildActiveStreams, timeActive } from './active-streams.js';
import {
  handlerAppend,
  profileAppend,
  rawAppend,
  removeDir,
  statementsText,
  storedRows,
} from './append.js';
import { loadNote, log, perSecond, timed } from './common.js';
import { historyFile, loadDataset } from './dataset.js';
import { alternate, figure, median, paired, size, smoke, spread, type Figure } from './figures.js';
import {
  buildLatencyBase,
  commitFloor,
  STREAM_EVENTS,
  summary,
  timeCommands,
  timeLoads,
} from './latency.js';
import {
  LAYERS,
  layerLabel,
  profileFullReplay,
  projectionNames,
  rawReplay,
  replay,
  type Layer,
} from './replay.js';
import { profileText } from './profile-summary.js';

const out = process.argv[2];
if (out === undefined) throw new Error('usage: aimline-main.ts RESULTS.json');

const REPLAY_EVENTS = size('AIMLINE_BENCH_REPLAY_EVENTS', 100_000, 5_000);
const SIZES = (
  process.env['AIMLINE_BENCH_MEMORY_SIZES'] ?? (smoke() ? '5000' : '100000,300000,1000000')
)
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
/** Memory with ten times the streams for the same events (bench/helpers/dataset.ts `wide`). */
const WIDE_SIZES = (process.env['AIMLINE_BENCH_WIDE_SIZES'] ?? (smoke() ? '5000' : '1000000'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const MEMORY_ROUNDS = size('AIMLINE_BENCH_MEMORY_ROUNDS', 3, 1);
const SINGLE_COMMANDS = size('AIMLINE_BENCH_APPEND_SINGLE', 1000, 50);
const BATCH_COMMANDS = size('AIMLINE_BENCH_APPEND_BATCHED', Number.MAX_SAFE_INTEGER, 300);
const LATENCY_COMMANDS = size('AIMLINE_BENCH_LATENCY_COMMANDS', 100, 10);
const ACTIVE_STREAMS = size('AIMLINE_BENCH_ACTIVE_STREAMS', 10_000, 300);
const ACTIVE_COMMANDS = size('AIMLINE_BENCH_ACTIVE_COMMANDS', 300, 30);

const results: Figure[] = [];
const push = (f: Figure): void => {
  results.push(f);
  log(`${f.name}: ${spread(f)} ${f.unit} (${f.rounds} rounds)`);
};
const note = await loadNote();

const data = await loadDataset();
log(data.describe);
const historyPath = await historyFile(data, Math.max(REPLAY_EVENTS, ...SIZES));
const widePath =
  WIDE_SIZES.length === 0 ? undefined : await historyFile(data, Math.max(...WIDE_SIZES), 'wide');

// ---- command latency on a 300-event stream -------------------------------------------------
{
  const base = await buildLatencyBase(data);
  const rounds = await alternate({
    floor: () => summary(commitFloor(LATENCY_COMMANDS)),
    load: async () => summary(await timeLoads(base, LATENCY_COMMANDS)),
    warm: async () => {
      const s = await timeCommands(base, true, LATENCY_COMMANDS);
      return { total: summary(s.total), append: summary(s.append) };
    },
    cold: async () => {
      const s = await timeCommands(base, false, LATENCY_COMMANDS);
      return { total: summary(s.total), append: summary(s.append) };
    },
  });
  const about = `HSB case (${base.stream}) from the demo, padded with RecordContact to ${STREAM_EVENTS} events; ${LATENCY_COMMANDS} RecordContact commands per contender per round on a fresh copy; per-round p50/p99, spread over rounds; SQLite synchronous=FULL; ${note}`;
  for (const [label, key] of [
    ['warm state cache', 'warm'],
    ['no cache (read + decode + fold 300 events)', 'cold'],
  ] as const) {
    const r = rounds[key];
    push(
      figure(
        `command latency p50, ${label}`,
        'ms',
        r.map((x) => x.total.p50),
        `target ≤ 2 ms; of which store append (hash chain, insert, fsync) p50 median ${summary(r.map((x) => x.append.p50)).p50.toFixed(2)} ms; ${about}`,
      ),
    );
    push(
      figure(
        `command latency p99, ${label}`,
        'ms',
        r.map((x) => x.total.p99),
        `target ≤ 10 ms; ${about}`,
      ),
    );
  }
  push(
    figure(
      `load a ${STREAM_EVENTS}-event stream, no cache, p50`,
      'ms',
      rounds.load.map((x) => x.p50),
      `handler.load: readStream + decode + evolve ×${STREAM_EVENTS}; ${LATENCY_COMMANDS} loads per round`,
    ),
  );
  push(
    figure(
      'sqlite commit floor p50 (raw 1-row transaction)',
      'ms',
      rounds.floor.map((x) => x.p50),
      `WAL, synchronous=FULL, same disk: what any durable append costs; ${LATENCY_COMMANDS} commits per round`,
    ),
  );
  removeDir(base.dir);
}

// ---- command latency with many active streams ----------------------------------------------
{
  const active = await buildActiveStreams(data, ACTIVE_STREAMS);
  const rounds = await alternate({
    cached: async (r: number) => timeActive(active, true, ACTIVE_COMMANDS, 1_000 + r),
    none: async (r: number) => timeActive(active, false, ACTIVE_COMMANDS, 2_000 + r),
  });
  const n = ACTIVE_STREAMS.toLocaleString('en-GB');
  const weight = summary(rounds.cached.map((x) => x.cached.megabytes)).p50;
  const about = `${n} copies of an HSB case at its first contact (${active.eventsPerStream} events each, ${(ACTIVE_STREAMS * active.eventsPerStream).toLocaleString('en-GB')} events); ${ACTIVE_COMMANDS} RecordContact commands per contender per round, each to a stream picked at random (no locality: the cache's worst case); per-round p50/p99, spread over rounds; SQLite synchronous=FULL; ${note}`;
  for (const [label, key] of [
    [
      `default state cache holding all ${n} (about ${weight.toFixed(0)} MB of stored events by its estimate)`,
      'cached',
    ],
    ['no cache', 'none'],
  ] as const) {
    const r = rounds[key].map((x) => summary(x.total));
    push(
      figure(
        `command latency p50, ${n} active streams, ${label}`,
        'ms',
        r.map((x) => x.p50),
        `target ≤ 2 ms; ${about}`,
      ),
    );
    push(
      figure(
        `command latency p99, ${n} active streams, ${label}`,
        'ms',
        r.map((x) => x.p99),
        `target ≤ 10 ms; ${about}`,
      ),
    );
  }
  removeDir(active.dir);
}

// ---- append throughput ---------------------------------------------------------------------
for (const batch of [1, 100]) {
  const steps = data.steps.slice(0, batch === 1 ? SINGLE_COMMANDS : BATCH_COMMANDS);
  // The rows the handler writes, grouped as it commits them: the baseline inserts exactly these.
  const first = await handlerAppend(steps, data.moduleNamed, batch);
  const groups = storedRows(first.path, steps, batch);
  removeDir(first.dir);
  const rounds = await alternate({
    handler: async () => {
      const h = await handlerAppend(steps, data.moduleNamed, batch);
      removeDir(h.dir);
      return h.run;
    },
    raw: async () => {
      const r = await rawAppend(groups);
      removeDir(r.dir);
      return r.run;
    },
  });
  const h0 = rounds.handler[0]!;
  const label = batch === 1 ? 'one command per transaction' : `${batch} commands per transaction`;
  const about = `${h0.commands} demo commands → ${h0.events} events in ${h0.transactions} transactions per round; ${note}`;
  push(
    figure(
      `append through the handler, ${label}`,
      'events/s',
      rounds.handler.map((h) => perSecond(h.events, h.ms)),
      `validate, load, decide, encode, hash-chain, insert, commit (synchronous=FULL); ${about}`,
    ),
  );
  push(
    figure(
      `append baseline: raw inserts, ${label}`,
      'events/s',
      rounds.raw.map((r) => perSecond(r.events, r.ms)),
      `the same rows (already canonical JSON, hashed) in the same transactions; ${about}`,
    ),
  );
  const profiled = profileAppend(join(data.dir, 'steps.json'), steps.length, batch);
  log(statementsText(profiled));
  log(profileText(profiled.profile).replaceAll('\n', '\n   '));
  push({
    ...figure(
      `append ratio, ${label}`,
      'ratio',
      paired(rounds.raw, rounds.handler, (r, h) => r.ms / h.ms),
      `handler ÷ raw events/s, paired per round (target ≥ ${batch === 1 ? '0.6' : '0.5'}); where the time goes: its profile; ${statementsText(profiled)}; the raw baseline runs 1 INSERT per event and BEGIN/COMMIT per transaction`,
    ),
    profile: profiled.profile,
  });
  push(
    figure(
      `append ratio by CPU time, ${label}`,
      'ratio',
      paired(rounds.raw, rounds.handler, (r, h) => r.cpuMs / h.cpuMs),
      'raw CPU ms ÷ handler CPU ms, paired per round: steadier than wall time on a busy machine',
    ),
  );
}

// ---- replay throughput, layer by layer ------------------------------------------------------
{
  let streams = 0;
  const layerRun = (layer: Layer) => async () => {
    const t = await timed(() => replay(historyPath, data.registry, REPLAY_EVENTS, layer));
    if (t.value.events !== REPLAY_EVENTS || t.value.breaks !== 0)
      throw new Error(`replay ${layer}: ${JSON.stringify(t.value)}`);
    if (layer === 'full') streams = t.value.streams;
    return t;
  };
  const contenders = {
    raw: () =>
      timed(() => {
        const n = rawReplay(historyPath, REPLAY_EVENTS);
        if (n !== REPLAY_EVENTS) throw new Error(`raw replay read ${n} events`);
        return n;
      }),
    read: layerRun('read'),
    decode: layerRun('decode'),
    verify: layerRun('verify'),
    full: layerRun('full'),
  };
  const rounds = await alternate(contenders, undefined, (r, v) =>
    log(`round ${r + 1}: raw ${v.raw.ms.toFixed(0)} ms, full ${v.full.ms.toFixed(0)} ms`),
  );
  const about = `first ${REPLAY_EVENTS} events (${streams} streams) of the demo history; ${note}`;
  const rate = (xs: ReadonlyArray<{ ms: number }>): number[] =>
    xs.map((x) => perSecond(REPLAY_EVENTS, x.ms));
  push(
    figure(
      'replay baseline: better-sqlite3 iterate + JSON.parse',
      'events/s',
      rate(rounds.raw),
      `data and metadata of every row, nothing else; warmed by the discarded round; ${about}`,
    ),
  );
  for (const layer of LAYERS)
    push(
      figure(
        `replay: ${layer === 'full' ? 'full pipeline' : `up to ${layer}`}`,
        'events/s',
        rate(rounds[layer]),
        `${layerLabel[layer]}${layer === 'full' ? ` (${projectionNames(data.registry)})` : ''}; ${about}`,
      ),
    );
  const profile = profileFullReplay(historyPath, REPLAY_EVENTS);
  log(profileText(profile).replaceAll('\n', '\n   '));
  // What each layer adds, per event: CPU µs, medians over the rounds.
  const cpuPerEvent = (layer: 'raw' | Layer): number =>
    (median(rounds[layer].map((t) => t.cpuMs)) * 1000) / REPLAY_EVENTS;
  const layers = (['raw', ...LAYERS] as const).map((l) => cpuPerEvent(l));
  const added = LAYERS.map(
    (l, i) =>
      `${l === 'full' ? 'projections' : l} ${i === 0 ? '' : '+'}${(layers[i + 1]! - (i === 0 ? 0 : layers[i]!)).toFixed(1)}`,
  ).join(', ');
  const perEvent = `CPU µs per event (medians): raw ${layers[0]!.toFixed(1)}; ${added}`;
  push({
    ...figure(
      'replay ratio (full pipeline ÷ raw)',
      'ratio',
      paired(rounds.raw, rounds.full, (r, f) => r.ms / f.ms),
      `paired per round; target ≥ 0.5; ${perEvent}; where the time goes: its profile`,
    ),
    profile,
  });
  push(
    figure(
      'replay ratio by CPU time (full pipeline ÷ raw)',
      'ratio',
      paired(rounds.raw, rounds.full, (r, f) => r.cpuMs / f.cpuMs),
      `raw CPU ms ÷ full pipeline CPU ms, paired per round: steadier than wall time on a busy machine; ${perEvent}`,
    ),
  );
  push(
    figure(
      'replay ratio (read + decode + verify ÷ raw)',
      'ratio',
      paired(rounds.raw, rounds.verify, (r, f) => r.ms / f.ms),
      'paired per round',
    ),
  );
  for (const layer of ['raw', ...LAYERS] as const)
    push(
      figure(
        `replay cost per event, ${layer === 'raw' ? 'raw baseline' : layer === 'full' ? 'full pipeline' : `up to ${layer}`}`,
        'µs/event',
        rounds[layer].map((t) => (t.ms * 1000) / REPLAY_EVENTS),
        'wall time on one core',
      ),
    );
}

// ---- peak memory: built packages under plain node, one process per replay ------------------
{
  /** How the memory child keeps per-stream state (bench/helpers/memory-child.mjs RESIDENT). */
  const BOUNDED =
    'per-stream state bounded: chain links 5,000, deadline-tracker states 500, attendance cases 250, panel children 5,000 in memory, the rest spilled to scratch SQLite files in a private temp dir; panel scorecard as counts';
  const child = fileURLToPath(new URL('./memory-child.mjs', import.meta.url));
  const built = fileURLToPath(new URL('../../packages/aimline/dist/registry.js', import.meta.url));
  if (!existsSync(built))
    throw new Error('peak memory runs the built packages: run `bash scripts/pnpm.sh run build`');
  interface Child {
    events: number;
    streams: number;
    ms: number;
    maxRssMb: number;
    heapMb: number;
    samples: Array<[number, number]>;
  }
  const measure = (limit: number, mode: string, path = historyPath): Child => {
    const r = spawnSync(
      process.execPath,
      ['--max-old-space-size=8192', child, path, String(limit), mode],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
    if (r.status !== 0) throw new Error(`memory child ${mode} ${limit} failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as Child;
  };
  const many = (limit: number, mode: string, path = historyPath): Child[] =>
    Array.from({ length: MEMORY_ROUNDS }, () => measure(limit, mode, path));
  push(
    figure(
      'peak RSS, process with every module loaded, no replay',
      'MB',
      many(0, 'idle').map((m) => m.maxRssMb),
      'plain node on the built packages (dist), store not opened: the floor under the figures below',
    ),
  );
  for (const mode of ['verify', 'full'])
    for (const limit of SIZES) {
      const ms = many(limit, mode);
      for (const m of ms)
        if (m.events !== limit) throw new Error(`memory child read ${m.events} of ${limit}`);
      const last = ms[ms.length - 1]!;
      push(
        figure(
          `peak RSS replaying ${limit.toLocaleString('en-GB')} events, ${mode === 'full' ? 'full pipeline' : 'read + decode + verify'}`,
          'MB',
          ms.map((m) => m.maxRssMb),
          `${mode === 'full' ? 'target ≤ 300 MB and flat; ' : ''}${BOUNDED}; plain node on dist, one process per round; ${last.streams} streams; heap after ${Math.round(last.heapMb)} MB; RSS MB every ${Math.max(1_000, Math.floor(limit / 10)).toLocaleString('en-GB')} events: ${last.samples.map(([, v]) => Math.round(v)).join(' ')}; ${note}`,
        ),
      );
    }
  for (const limit of widePath === undefined ? [] : WIDE_SIZES) {
    const ms = many(limit, 'full', widePath);
    for (const m of ms)
      if (m.events !== limit) throw new Error(`memory child read ${m.events} of ${limit}`);
    const last = ms[ms.length - 1]!;
    push(
      figure(
        `peak RSS replaying ${limit.toLocaleString('en-GB')} events over ten times the streams, full pipeline`,
        'MB',
        ms.map((m) => m.maxRssMb),
        `target ≤ 300 MB and flat in the number of cases; ${BOUNDED}; ${last.streams} streams (every copied case cut after its first event or two); plain node on dist, one process per round; heap after ${Math.round(last.heapMb)} MB; RSS MB every ${Math.max(1_000, Math.floor(limit / 10)).toLocaleString('en-GB')} events: ${last.samples.map(([, v]) => Math.round(v)).join(' ')}; ${note}`,
      ),
    );
  }
}

writeFileSync(out, JSON.stringify(results));
