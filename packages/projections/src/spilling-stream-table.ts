import type { StreamTable } from './stream-table.js';

/** A stream's value as spilled: `order` keeps the order the stream was first set in. */
export interface SpilledValue<V> {
  readonly order: number;
  readonly value: V;
}

/**
 * Where a bounded table puts the streams it lets go of (`openSpillFile` in
 * `@aimline/store-sqlite` keeps them in a SQLite file; `memorySpill` copies them in memory, for
 * tests). A spilled value comes back as a copy, as JSON text would make it (the round trip a
 * projection's state must survive anyway): the table never shares it with the spill.
 */
export interface StreamSpill<V> {
  /** Writes these streams' values, replacing what was written for them before. */
  write(rows: ReadonlyArray<readonly [stream: string, spilled: SpilledValue<V>]>): void;
  read(stream: string): SpilledValue<V> | undefined;
  /** Every written stream's value, in `order`. */
  entries(): Iterable<readonly [string, V]>;
}

/** A copy of a value as JSON text makes it (what `openSpillFile` stores, and a snapshot keeps). */
const jsonCopy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A spill held in memory as JSON copies (tests; the round trip a spill file makes). */
export const memorySpill = <V>(): StreamSpill<V> & { readonly writes: () => number } => {
  const rows = new Map<string, SpilledValue<V>>();
  let writes = 0;
  return {
    write: (written) => {
      for (const [stream, spilled] of written) {
        writes++;
        rows.set(stream, jsonCopy(spilled));
      }
    },
    read: (stream) => {
      const spilled = rows.get(stream);
      return spilled === undefined ? undefined : jsonCopy(spilled);
    },
    *entries() {
      const sorted = [...rows].sort(([, a], [, b]) => a.order - b.order);
      for (const [stream, spilled] of sorted) yield [stream, jsonCopy(spilled.value)];
    },
    writes: () => writes,
  };
};

/**
 * Which streams were ever spilled, in a fixed 1 MiB of bits (a Bloom filter, 4 probes): a
 * stream it has never seen is answered without asking the spill, which is every new stream of
 * a replay. It never says no to a spilled stream; it says yes wrongly for about 1 in 100 new
 * streams at 700,000 spilled (the spill is then asked, and answers no).
 */
const spilledStreams = () => {
  const bits = new Uint32Array(1 << 18);
  const mask = (1 << 23) - 1;
  const probes = (stream: string): [number, number] => {
    let a = 0x811c9dc5;
    let b = 0x01000193;
    for (let i = 0; i < stream.length; i++) {
      const c = stream.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b + c, 0x5bd1e995) ^ (b >>> 15);
    }
    return [a >>> 0, (b | 1) >>> 0];
  };
  return {
    add: (stream: string): void => {
      const [a, b] = probes(stream);
      for (let k = 0; k < 4; k++) {
        const bit = (a + k * b) & mask;
        bits[bit >>> 5]! |= 1 << (bit & 31);
      }
    },
    mayHave: (stream: string): boolean => {
      const [a, b] = probes(stream);
      for (let k = 0; k < 4; k++) {
        const bit = (a + k * b) & mask;
        if ((bits[bit >>> 5]! & (1 << (bit & 31))) === 0) return false;
      }
      return true;
    },
  };
};

export interface SpillingOptions {
  /** How many streams' values stay in memory (the least recently used beyond it are spilled). */
  readonly capacity: number;
}

/**
 * A per-stream table holding at most `capacity` values in memory, least recently used first
 * out: the values it lets go of are written to `spill` (a quarter of the capacity at a time)
 * and read back when their stream is next asked for. Memory stays flat however many streams
 * a replay meets; `entries` writes what is in memory to the spill and reads every stream back
 * from it, in first-set order, so a report over the table sees what an in-memory table shows.
 */
export const spillingStreamTable = <V>(
  spill: StreamSpill<V>,
  options: SpillingOptions,
): StreamTable<V> => {
  const capacity = Math.max(1, Math.floor(options.capacity));
  const batch = Math.max(1, Math.floor(capacity / 4));
  /** In memory, least recently used first (a `Map` keeps insertion order). */
  const resident = new Map<string, { order: number; value: V }>();
  let size = 0;
  const spilled = spilledStreams();
  const write = (rows: ReadonlyArray<readonly [string, SpilledValue<V>]>): void => {
    spill.write(rows);
    for (const [stream] of rows) spilled.add(stream);
  };
  const evict = (): void => {
    if (resident.size <= capacity) return;
    const out: Array<readonly [string, SpilledValue<V>]> = [];
    for (const [stream, kept] of resident) {
      out.push([stream, kept]);
      if (out.length === batch) break;
    }
    write(out);
    for (const [stream] of out) resident.delete(stream);
  };
  /** The stream's entry, brought back into memory as the most recently used. */
  const load = (stream: string): { order: number; value: V } | undefined => {
    const kept = resident.get(stream);
    if (kept !== undefined) {
      resident.delete(stream);
      resident.set(stream, kept);
      return kept;
    }
    if (!spilled.mayHave(stream)) return undefined;
    const back = spill.read(stream);
    if (back === undefined) return undefined;
    const entry = { order: back.order, value: back.value };
    resident.set(stream, entry);
    evict();
    return entry;
  };
  const table: StreamTable<V> = {
    get: (stream) => load(stream)?.value,
    set: (stream, value) => {
      const entry = load(stream);
      if (entry !== undefined) {
        entry.value = value;
        return;
      }
      resident.set(stream, { order: size++, value });
      evict();
    },
    has: (stream) =>
      resident.has(stream) || (spilled.mayHave(stream) && spill.read(stream) !== undefined),
    get size() {
      return size;
    },
    entries: () => {
      write([...resident]);
      return spill.entries();
    },
    toJSON: () => Object.fromEntries(table.entries()),
  };
  return table;
};
