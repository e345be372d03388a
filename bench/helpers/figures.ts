/**
 * The benchmark harness: every figure is a set of rounds, reported as median, min and max.
 *
 * `alternate` runs contenders (the first is usually the baseline) in paired rounds: one
 * discarded warm-up round, then `rounds` rounds in ABBA order (forward in even rounds, reversed
 * in odd ones), so a busy neighbour or a warming cache hits every contender alike. Ratios are
 * taken per round (`paired`), never between bests or medians of different rounds.
 *
 * Smoke mode (`AIMLINE_BENCH_SMOKE=1`, or `pnpm bench --smoke`) shrinks every workload so the
 * whole run takes seconds; it still runs the minimum number of rounds, so the shape of
 * `results.json` is the same.
 */

import type { ProfileSummary } from './profile-summary.js';

/** One figure of `bench/results.json`. */
export interface Figure {
  readonly name: string;
  readonly unit: string;
  /** The median over the rounds; min and max bound the spread. */
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** How many measured rounds (warm-up excluded). */
  readonly rounds: number;
  readonly detail: string;
  /** Where the time went (a CPU profile's summary), for a figure that must explain itself. */
  readonly profile?: ProfileSummary;
}

/** At least this many measured rounds, after one discarded warm-up. */
export const MIN_ROUNDS = 5;

export const smoke = (): boolean => process.env['AIMLINE_BENCH_SMOKE'] === '1';

/** Measured rounds: `AIMLINE_BENCH_ROUNDS`, never fewer than MIN_ROUNDS. */
export const roundCount = (): number => {
  const n = Number(process.env['AIMLINE_BENCH_ROUNDS'] ?? MIN_ROUNDS);
  return Number.isFinite(n) ? Math.max(MIN_ROUNDS, Math.floor(n)) : MIN_ROUNDS;
};

/** A size knob: the environment's value, else `full`, or `small` in smoke mode. */
export const size = (name: string, full: number, small: number): number => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? Number.NaN : Number(raw);
  if (Number.isFinite(n) && n > 0) return n;
  return smoke() ? small : full;
};

export const median = (xs: ReadonlyArray<number>): number => {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 0 ? (s[m - 1]! + s[m]!) / 2 : s[m]!;
};

const sig = (v: number): number => (Number.isFinite(v) ? Number(v.toPrecision(4)) : v);

/** A figure from its per-round samples. */
export const figure = (
  name: string,
  unit: string,
  samples: ReadonlyArray<number>,
  detail: string,
): Figure => {
  if (samples.length === 0) throw new Error(`figure ${name}: no samples`);
  return {
    name,
    unit,
    median: sig(median(samples)),
    min: sig(Math.min(...samples)),
    max: sig(Math.max(...samples)),
    rounds: samples.length,
    detail,
  };
};

/** `median [min–max]` for logs and tables. */
export const spread = (f: Pick<Figure, 'median' | 'min' | 'max'>): string =>
  `${f.median} [${f.min}–${f.max}]`;

/**
 * Runs each contender once per round: a discarded warm-up, then `rounds` rounds, forward in
 * even rounds and reversed in odd ones (A B, B A, A B …; with more contenders A B C, C B A …).
 * Returns each contender's measured values, index-aligned by round.
 */
export const alternate = async <C extends Record<string, (round: number) => unknown>>(
  contenders: C,
  rounds = roundCount(),
  onRound?: (round: number, values: Rounds<C, 'one'>) => void,
): Promise<Rounds<C, 'all'>> => {
  const keys = Object.keys(contenders) as Array<keyof C & string>;
  const out = Object.fromEntries(keys.map((k) => [k, [] as unknown[]])) as Record<
    string,
    unknown[]
  >;
  for (let r = -1; r < rounds; r++) {
    const order = r % 2 === 0 ? keys : [...keys].reverse();
    const values: Record<string, unknown> = {};
    for (const k of order) values[k] = await contenders[k]!(r);
    if (r < 0) continue; // warm-up: caches, JIT, page cache
    for (const k of keys) out[k]!.push(values[k]);
    onRound?.(r, values as Rounds<C, 'one'>);
  }
  return out as Rounds<C, 'all'>;
};

/** Each contender's value (`one`) or its values by round (`all`). */
export type Rounds<
  C extends Record<string, (round: number) => unknown>,
  M extends 'one' | 'all',
> = {
  [K in keyof C]: M extends 'one' ? Awaited<ReturnType<C[K]>> : Array<Awaited<ReturnType<C[K]>>>;
};

/** Per-round ratios `f(a[i], b[i])` of two index-aligned series. */
export const paired = <A, B>(
  a: ReadonlyArray<A>,
  b: ReadonlyArray<B>,
  f: (a: A, b: B) => number,
): number[] => a.map((x, i) => f(x, b[i]!));
