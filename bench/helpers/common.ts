/**
 * Small shared pieces of the Aimline benchmark: timing with CPU time,
 * percentiles, better-sqlite3 (loaded from the SQLite store's own dependencies) and logging.
 */
import { createRequire } from 'node:module';

/** The part of better-sqlite3 the baselines use. */
export interface RawStatement {
  run(...params: unknown[]): unknown;
  all(...params: unknown[]): unknown[];
  iterate(...params: unknown[]): IterableIterator<unknown[]>;
  raw(on: boolean): RawStatement;
}
export interface RawDatabase {
  prepare(sql: string): RawStatement;
  exec(sql: string): void;
  pragma(source: string, options?: { simple?: boolean }): unknown;
  transaction<A extends unknown[]>(
    fn: (...args: A) => void,
  ): ((...args: A) => void) & { immediate: (...args: A) => void };
  readonly inTransaction: boolean;
  close(): void;
}

export const Database = createRequire(
  new URL('../../packages/store-sqlite/package.json', import.meta.url),
)('better-sqlite3') as new (path: string, options?: { readonly?: boolean }) => RawDatabase;

/** The columns of the store's `events` table, in the order the store selects them. */
export const EVENT_COLUMNS = 'position, id, stream, revision, type, schema_version, data, metadata';

export interface Timed<T> {
  readonly value: T;
  /** Wall-clock milliseconds. */
  readonly ms: number;
  /** This process's CPU milliseconds (user + system) over the same interval. */
  readonly cpuMs: number;
}

export const timed = async <T>(f: () => Promise<T> | T): Promise<Timed<T>> => {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = await f();
  const ms = performance.now() - start;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
};

export const percentile = (sorted: ReadonlyArray<number>, p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
};

export const round = (v: number, digits = 3): number => Number(v.toPrecision(digits));

export const perSecond = (count: number, ms: number): number => Math.round((count / ms) * 1000);

export const log = (message: string): void => {
  process.stderr.write(`   ${message}\n`);
};

export const env = (name: string, fallback: number): number => {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  return Number.isFinite(n) && n > 0 ? n : fallback;
};

/** The machine and its load, for the figures' detail. */
export const loadNote = async (): Promise<string> => {
  const { loadavg, cpus } = await import('node:os');
  const [one] = loadavg();
  return `load average ${one?.toFixed(1) ?? '?'} on ${cpus().length} CPUs`;
};
