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

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  detail: string;
}

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

function result(name: string, rate: Rate, detail: string): BenchResult {
  return {
    name,
    value: rate.wall,
    unit: 'ops/s',
    detail: `${detail}; ${rate.cpu.toLocaleString('en-GB')} ops per CPU-second`,
  };
}

export async function run(): Promise<BenchResult[]> {
  const { dates, dateTimes, ns } = makeInputs();
  const at = (i: number): string => dates[i] as string;
  const nAt = (i: number): number => ns[i] as number;
  const results: BenchResult[] = [];
  const inputs = `${SAMPLES} random dates 1995-2035 (mulberry32 seed ${SEED}), n uniform 1..20, England and Wales`;

  // First pass: every year table, London offset table and end-of-day DateTime built on demand.
  const coldStart = performance.now();
  let sink = 0;
  for (let i = 0; i < SAMPLES; i++) sink += addWorkingDays(englandAndWales, at(i), nAt(i)).day;
  const coldMs = performance.now() - coldStart;
  results.push({
    name: 'addWorkingDays, first pass (cold caches)',
    value: Math.round((SAMPLES / coldMs) * 1000),
    unit: 'ops/s',
    detail: `${inputs}; includes building the memoised tables (${coldMs.toFixed(1)} ms for ${SAMPLES} ops)`,
  });

  results.push(
    result(
      'addWorkingDays (ISO date in, Europe/London DateTime out)',
      measure((i) => addWorkingDays(englandAndWales, at(i), nAt(i)).day, 1500, 50_000),
      `${inputs}; due = end of the Nth working day as a luxon DateTime`,
    ),
    result(
      'addWorkingDays (luxon DateTime in)',
      measure(
        (i) => addWorkingDays(englandAndWales, dateTimes[i] as DateTime, nAt(i)).day,
        1500,
        50_000,
      ),
      `${inputs}; start given as a Europe/London DateTime`,
    ),
    result(
      'addWorkingDaysToDate (plain-date fast path)',
      measure((i) => addWorkingDaysToDate(englandAndWales, at(i), nAt(i)).length, 1500, 50_000),
      `${inputs}; 'YYYY-MM-DD' in and out`,
    ),
    result(
      'baseline: luxon loop adding n calendar days one at a time',
      measure(
        (i) => {
          let dt = DateTime.fromISO(at(i), { zone: 'Europe/London' });
          for (let k = 0; k < nAt(i); k++) dt = dt.plus({ days: 1 });
          return dt.endOf('day').day;
        },
        1500,
        500,
      ),
      `${inputs}; DateTime.fromISO in Europe/London, n × plus({ days: 1 }), endOf('day'); no holidays`,
    ),
    result(
      'baseline: luxon plus({ days: n }) once',
      measure(
        (i) =>
          DateTime.fromISO(at(i), { zone: 'Europe/London' })
            .plus({ days: nAt(i) })
            .endOf('day').day,
        1500,
        500,
      ),
      `${inputs}; DateTime.fromISO in Europe/London, plus({ days: n }), endOf('day')`,
    ),
  );
  if (sink === Number.MIN_VALUE) console.log(sink);
  return Promise.resolve(results);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await run();
  const width = Math.max(...results.map((r) => r.name.length));
  for (const r of results) {
    console.log(
      `${r.name.padEnd(width)}  ${r.value.toLocaleString('en-GB').padStart(12)} ${r.unit}`,
    );
    console.log(`${' '.repeat(width)}  ${r.detail}`);
  }
}
