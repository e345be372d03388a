/**
 * Benchmark for @aimline/calendar: `addWorkingDays` ops/s on random dates 1995-2035 with small n
 * (1..20), beside the baseline "a plain loop that adds calendar days with luxon". Prints,
 * never asserts. Run directly with `tsx bench/calendar.bench.ts`.
 */
import { pathToFileURL } from 'node:url';
import {
  addWorkingDays,
  addWorkingDaysToDate,
  DateTime,
  englandAndWales,
} from '../packages/calendar/src/index.js';

import { alternate, figure, paired, size, spread, type Figure } from './helpers/figures.js';

/** mulberry32: a small seeded PRNG, so every run measures the same inputs. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SEED = 20_260_101;
const SAMPLES = 1 << 16;
const FIRST = Date.UTC(1995, 0, 1);
const DAYS = Math.floor((Date.UTC(2035, 11, 31) - FIRST) / 86_400_000) + 1;

interface Inputs {
  dates: string[];
  dateTimes: DateTime[];
  ns: number[];
}

function makeInputs(): Inputs {
  const random = mulberry32(SEED);
  const dates: string[] = [];
  const ns: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const day = Math.floor(random() * DAYS);
    dates.push(new Date(FIRST + day * 86_400_000).toISOString().slice(0, 10));
    ns.push(1 + Math.floor(random() * 20));
  }
  const dateTimes = dates.map((d) => DateTime.fromISO(d, { zone: 'Europe/London' }));
  return { dates, dateTimes, ns };
}

interface Rate {
  /** Operations per wall-clock second. */
  wall: number;
  /** Operations per second of this process's CPU time (steadier on a busy machine). */
  cpu: number;
}

/** Runs `op` over the inputs in batches until `minMs` of wall time has passed. */
function measure(op: (i: number) => number, minMs: number, batch: number): Rate {
  let sink = 0;
  let ops = 0;
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  let elapsed = 0;
  let i = 0;
  while (elapsed < minMs) {
    for (let k = 0; k < batch; k++) {
      sink += op(i);
      i = (i + 1) & (SAMPLES - 1);
    }
    ops += batch;
    elapsed = performance.now() - start;
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  if (sink === Number.MIN_VALUE) console.log(sink); // keep the work observable
  return { wall: Math.round((ops / elapsed) * 1000), cpu: Math.round((ops / cpuMs) * 1000) };
}

/** Wall time each contender gets per round (ms). */
const ROUND_MS = size('AIMLINE_BENCH_CALENDAR_MS', 300, 20);

export async function run(): Promise<Figure[]> {
  const { dates, dateTimes, ns } = makeInputs();
  const at = (i: number): string => dates[i] as string;
  const nAt = (i: number): number => ns[i] as number;
  const inputs = `${SAMPLES} random dates 1995-2035 (mulberry32 seed ${SEED}), n uniform 1..20, England and Wales; ${ROUND_MS} ms per contender per round`;

  // First pass: every year table, London offset table and end-of-day DateTime built on demand.
  // It happens once per process, so it is one round by nature.
  const coldStart = performance.now();
  let sink = 0;
  for (let i = 0; i < SAMPLES; i++) sink += addWorkingDays(englandAndWales, at(i), nAt(i)).day;
  const coldMs = performance.now() - coldStart;
  const results: Figure[] = [
    figure(
      'addWorkingDays, first pass (cold caches)',
      'ops/s',
      [Math.round((SAMPLES / coldMs) * 1000)],
      `${inputs}; includes building the memoised tables (${coldMs.toFixed(1)} ms for ${SAMPLES} ops); once per process`,
    ),
  ];

  const rounds = await alternate({
    iso: () => measure((i) => addWorkingDays(englandAndWales, at(i), nAt(i)).day, ROUND_MS, 5_000),
    dateTime: () =>
      measure(
        (i) => addWorkingDays(englandAndWales, dateTimes[i] as DateTime, nAt(i)).day,
        ROUND_MS,
        5_000,
      ),
    plainDate: () =>
      measure((i) => addWorkingDaysToDate(englandAndWales, at(i), nAt(i)).length, ROUND_MS, 5_000),
    luxonLoop: () =>
      measure(
        (i) => {
          let dt = DateTime.fromISO(at(i), { zone: 'Europe/London' });
          for (let k = 0; k < nAt(i); k++) dt = dt.plus({ days: 1 });
          return dt.endOf('day').day;
        },
        ROUND_MS,
        100,
      ),
    luxonOnce: () =>
      measure(
        (i) =>
          DateTime.fromISO(at(i), { zone: 'Europe/London' })
            .plus({ days: nAt(i) })
            .endOf('day').day,
        ROUND_MS,
        100,
      ),
  });
  const wall = (xs: ReadonlyArray<Rate>): number[] => xs.map((x) => x.wall);
  results.push(
    figure(
      'addWorkingDays (ISO date in, Europe/London DateTime out)',
      'ops/s',
      wall(rounds.iso),
      `${inputs}; due = end of the Nth working day as a luxon DateTime; target ≥ 1 M ops/s`,
    ),
    figure(
      'addWorkingDays (luxon DateTime in)',
      'ops/s',
      wall(rounds.dateTime),
      `${inputs}; start given as a Europe/London DateTime`,
    ),
    figure(
      'addWorkingDaysToDate (plain-date fast path)',
      'ops/s',
      wall(rounds.plainDate),
      `${inputs}; 'YYYY-MM-DD' in and out`,
    ),
    figure(
      'baseline: luxon loop adding n calendar days one at a time',
      'ops/s',
      wall(rounds.luxonLoop),
      `${inputs}; DateTime.fromISO in Europe/London, n × plus({ days: 1 }), endOf('day'); no holidays`,
    ),
    figure(
      'baseline: luxon plus({ days: n }) once',
      'ops/s',
      wall(rounds.luxonOnce),
      `${inputs}; DateTime.fromISO in Europe/London, plus({ days: n }), endOf('day')`,
    ),
    figure(
      'addWorkingDays ÷ luxon plus({ days: n }) once',
      'ratio',
      paired(rounds.iso, rounds.luxonOnce, (a, b) => a.wall / b.wall),
      'ops/s paired per round: working days with holidays against plain calendar days',
    ),
  );
  if (sink === Number.MIN_VALUE) console.log(sink);
  return results;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await run();
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    console.log(
      `${r.name.padEnd(width)}  ${spread(r).padStart(28)} ${r.unit} (${r.rounds} rounds)`,
    );
    console.log(`${' '.repeat(width)}  ${r.detail}`);
  }
}
