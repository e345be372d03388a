/**
 * The Aimline benchmark proper, run by `bench/aimline.bench.ts` in a process of its own
 * (`--conditions=@aimline/source`, so every package is its TypeScript source, one copy of each,
 * whether or not `dist/` was built). Writes its figures as JSON to the file named in argv[2].
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { handlerAppend, rawAppend, removeDir, storedRows, type AppendRun } from './append.js';
import { env, loadNote, log, perSecond, round, timed, type BenchResult } from './common.js';
import { historyFile, loadDataset } from './dataset.js';
import {
  buildLatencyBase,
  commitFloor,
  STREAM_EVENTS,
  summary,
  timeCommands,
  timeLoads,
} from './latency.js';
import { LAYERS, layerLabel, projectionNames, rawReplay, replay, type Layer } from './replay.js';

const out = process.argv[2];
if (out === undefined) throw new Error('usage: aimline-main.ts RESULTS.json');

const REPLAY_EVENTS = env('AIMLINE_BENCH_REPLAY_EVENTS', 100_000);
const REPLAY_ROUNDS = env('AIMLINE_BENCH_ROUNDS', 2);
const SIZES = (process.env['AIMLINE_BENCH_MEMORY_SIZES'] ?? '100000,300000,1000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const SINGLE_COMMANDS = env('AIMLINE_BENCH_APPEND_SINGLE', 1000);
const LATENCY_COMMANDS = env('AIMLINE_BENCH_LATENCY_COMMANDS', 100);

const results: BenchResult[] = [];
const push = (r: BenchResult): void => {
  results.push(r);
  log(`${r.name}: ${r.value} ${r.unit}`);
};
const ms = (v: number): number => round(v, 3);

const data = await loadDataset();
log(data.describe);
const historyPath = await historyFile(data, Math.max(REPLAY_EVENTS, ...SIZES));

// ---- command latency on a 300-event stream -------------------------------------------------
{
  const base = await buildLatencyBase(data);
  const warm = { total: [] as number[], append: [] as number[] };
  const cold = { total: [] as number[], append: [] as number[] };
  for (let round = 0; round < 3; round++) {
    for (const [target, isWarm] of [
      [warm, true],
      [cold, false],
    ] as const) {
      const s = await timeCommands(base, isWarm, LATENCY_COMMANDS);
      target.total.push(...s.total);
      target.append.push(...s.append);
    }
  }
  const loads = summary(await timeLoads(base, 200));
  const floor = summary(commitFloor(300));
  const note = `${await loadNote()}; HSB case (${base.stream}) from the demo, padded with RecordContact to ${STREAM_EVENTS} events; ${3 * LATENCY_COMMANDS} RecordContact commands per mode on fresh copies (stream at ${STREAM_EVENTS}..${STREAM_EVENTS + LATENCY_COMMANDS} events); SQLite synchronous=FULL`;
  for (const [label, s] of [
    ['warm state cache', warm],
    ['no cache (read + decode + fold 300 events)', cold],
  ] as const) {
    const t = summary(s.total);
    const a = summary(s.append);
    push({
      name: `command latency p50, ${label}`,
      value: ms(t.p50),
      unit: 'ms',
      detail: `target ≤ 2 ms; of which store append (hash chain, insert, fsync) p50 ${a.p50.toFixed(2)} ms; ${note}`,
    });
    push({
      name: `command latency p99, ${label}`,
      value: ms(t.p99),
      unit: 'ms',
      detail: `append p99 ${a.p99.toFixed(2)} ms; mean ${t.mean.toFixed(2)} ms`,
    });
  }
  push({
    name: `load a ${STREAM_EVENTS}-event stream, no cache, p50`,
    value: ms(loads.p50),
    unit: 'ms',
    detail: `handler.load: readStream + decode + evolve ×${STREAM_EVENTS}; p99 ${loads.p99.toFixed(2)} ms`,
  });
  push({
    name: 'sqlite commit floor p50 (raw 1-row transaction)',
    value: ms(floor.p50),
    unit: 'ms',
    detail: `WAL, synchronous=FULL, same disk: what any durable append costs; p99 ${floor.p99.toFixed(2)} ms`,
  });
  removeDir(base.dir);
}

// ---- append throughput ---------------------------------------------------------------------
for (const batch of [1, 100]) {
  const steps = batch === 1 ? data.steps.slice(0, SINGLE_COMMANDS) : data.steps;
  let bestHandler: AppendRun | undefined;
  let bestRaw: AppendRun | undefined;
  for (let round = 0; round < 2; round++) {
    const h = await handlerAppend(steps, data.moduleNamed, batch);
    const groups = storedRows(h.path, steps, batch);
    removeDir(h.dir);
    const r = await rawAppend(groups);
    removeDir(r.dir);
    if (bestHandler === undefined || h.run.ms < bestHandler.ms) bestHandler = h.run;
    if (bestRaw === undefined || r.run.ms < bestRaw.ms) bestRaw = r.run;
  }
  const h = bestHandler!;
  const r = bestRaw!;
  const label = batch === 1 ? 'one command per transaction' : `${batch} commands per transaction`;
  const note = `${h.commands} demo commands → ${h.events} events in ${h.transactions} transactions; best of 2; ${await loadNote()}`;
  push({
    name: `append through the handler, ${label}`,
    value: perSecond(h.events, h.ms),
    unit: 'events/s',
    detail: `${perSecond(h.commands, h.ms)} commands/s; ${perSecond(h.events, h.cpuMs)} events per CPU-second; ${note}`,
  });
  push({
    name: `append baseline: raw inserts, ${label}`,
    value: perSecond(r.events, r.ms),
    unit: 'events/s',
    detail: `the same rows (already canonical JSON, hashed) in the same ${r.transactions} transactions; ${perSecond(r.events, r.cpuMs)} events per CPU-second`,
  });
  push({
    name: `append ratio, ${label}`,
    value: round(r.ms / h.ms),
    unit: 'ratio',
    detail: `handler ÷ raw events/s (target ≥ 0.5); by CPU time ${round(r.cpuMs / h.cpuMs)}`,
  });
}

// ---- replay throughput, layer by layer ------------------------------------------------------
{
  const best = new Map<string, { ms: number; cpuMs: number }>();
  const keep = (k: string, t: { ms: number; cpuMs: number }): void => {
    const b = best.get(k);
    if (b === undefined || t.ms < b.ms) best.set(k, { ms: t.ms, cpuMs: t.cpuMs });
  };
  let streams = 0;
  for (let round = 0; round < REPLAY_ROUNDS; round++) {
    const raw = await timed(() => rawReplay(historyPath, REPLAY_EVENTS));
    if (raw.value !== REPLAY_EVENTS) throw new Error(`raw replay read ${raw.value} events`);
    keep('raw', raw);
    for (const layer of LAYERS) {
      const t = await timed(() => replay(historyPath, data.registry, REPLAY_EVENTS, layer));
      if (t.value.events !== REPLAY_EVENTS || t.value.breaks !== 0)
        throw new Error(`replay ${layer}: ${JSON.stringify(t.value)}`);
      if (layer === 'full') streams = t.value.streams;
      keep(layer, t);
      log(`round ${round + 1}: raw ${raw.ms.toFixed(0)} ms, ${layer} ${t.ms.toFixed(0)} ms`);
    }
  }
  const raw = best.get('raw')!;
  const note = `first ${REPLAY_EVENTS} events (${streams} streams) of the demo history; best of ${REPLAY_ROUNDS}, layers interleaved; ${await loadNote()}`;
  push({
    name: 'replay baseline: better-sqlite3 iterate + JSON.parse',
    value: perSecond(REPLAY_EVENTS, raw.ms),
    unit: 'events/s',
    detail: `data and metadata of every row, nothing else; ${perSecond(REPLAY_EVENTS, raw.cpuMs)} per CPU-second; ${note}`,
  });
  let previous = 0;
  for (const layer of LAYERS) {
    const b = best.get(layer)!;
    const usPerEvent = (b.ms * 1000) / REPLAY_EVENTS;
    push({
      name: `replay: ${layer === 'full' ? 'full pipeline' : `up to ${layer}`}`,
      value: perSecond(REPLAY_EVENTS, b.ms),
      unit: 'events/s',
      detail: `${layerLabel[layer]}${layer === 'full' ? ` (${projectionNames(data.registry)})` : ''}; ${usPerEvent.toFixed(1)} µs/event (+${(usPerEvent - previous).toFixed(1)} for this layer); ${perSecond(REPLAY_EVENTS, b.cpuMs)} per CPU-second`,
    });
    previous = usPerEvent;
  }
  const full = best.get('full')!;
  push({
    name: 'replay ratio (full pipeline ÷ raw)',
    value: round(raw.ms / full.ms),
    unit: 'ratio',
    detail: `target ≥ 0.5; by CPU time ${round(raw.cpuMs / full.cpuMs)}; read+decode+verify only: ${round(raw.ms / best.get('verify')!.ms)}`,
  });
  push({
    name: 'replay cost per event (full pipeline)',
    value: round((full.ms * 1000) / REPLAY_EVENTS),
    unit: 'µs/event',
    detail: `one core; predicts ${((150e6 * full.ms) / REPLAY_EVENTS / 3_600_000).toFixed(1)} core-hours for 150 million events (see docs/benchmarks.md)`,
  });
}

// ---- peak memory, each replay in a process of its own ----------------------------------------
{
  const child = fileURLToPath(new URL('./memory-child.ts', import.meta.url));
  const measure = (
    limit: number,
    mode: string,
  ): {
    events: number;
    streams: number;
    ms: number;
    maxRssMb: number;
    heapMb: number;
    samples: Array<[number, number]>;
  } => {
    const r = spawnSync(
      process.execPath,
      [...process.execArgv, '--max-old-space-size=8192', child, historyPath, String(limit), mode],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (r.status !== 0) throw new Error(`memory child ${mode} ${limit} failed: ${r.stderr}`);
    const last = r.stdout.trim().split('\n').pop() ?? '';
    return JSON.parse(last) as ReturnType<typeof measure>;
  };
  const idle = measure(0, 'idle');
  push({
    name: 'peak RSS, process with every module loaded, no replay',
    value: Math.round(idle.maxRssMb),
    unit: 'MB',
    detail: 'node + tsx + all packages + open store: the floor under the figures below',
  });
  const note = await loadNote();
  for (const mode of ['verify', 'full'] as Layer[]) {
    const peaks: string[] = [];
    for (const size of SIZES) {
      const m = measure(size, mode);
      if (m.events !== size) throw new Error(`memory child read ${m.events} of ${size}`);
      peaks.push(`${size / 1000}k: ${Math.round(m.maxRssMb)} MB`);
      push({
        name: `peak RSS replaying ${size.toLocaleString('en-GB')} events, ${mode === 'full' ? 'full pipeline' : 'read + decode + verify'}`,
        value: Math.round(m.maxRssMb),
        unit: 'MB',
        detail: `${mode === 'full' ? 'target ≤ 300 MB and flat; ' : ''}${m.streams} streams; heap after ${Math.round(m.heapMb)} MB; ${perSecond(size, m.ms)} events/s; RSS MB every ${Math.max(10_000, Math.floor(size / 10)).toLocaleString('en-GB')} events: ${m.samples.map(([, v]) => Math.round(v)).join(' ')}; ${note}`,
      });
    }
    log(`${mode}: ${peaks.join(', ')}`);
  }
}

writeFileSync(out, JSON.stringify(results));
