/**
 * One value per stream, as a fold keeps it (a stream's folded state, its last hash link): the
 * deadline tracker, the chain verification and the attendance overview read and write their
 * per-stream state only through this, so whether it is all in memory (`memoryStreamTable`) or
 * bounded with the rest spilled to disk (`spillingStreamTable`) is the caller's choice, and the
 * answers are the same either way.
 *
 * A value read with `get` may be changed in place, but it is written back with `set` before
 * any other stream is read or written (a bounded table may have let it go in between).
 */
export interface StreamTable<V> {
  get(stream: string): V | undefined;
  set(stream: string, value: V): void;
  has(stream: string): boolean;
  /** How many streams have a value. */
  readonly size: number;
  /** Every stream's value, in the order the streams were first set. */
  entries(): Iterable<readonly [string, V]>;
  /** Every stream's value as one record (first-set order): what a snapshot saves. */
  toJSON(): Record<string, V>;
}

/** A per-stream table in memory: a `Map`, growing with the number of streams. */
export const memoryStreamTable = <V>(from: Readonly<Record<string, V>> = {}): StreamTable<V> => {
  const values = new Map<string, V>(Object.entries(from));
  return {
    get: (stream) => values.get(stream),
    set: (stream, value) => {
      values.set(stream, value);
    },
    has: (stream) => values.has(stream),
    get size() {
      return values.size;
    },
    entries: () => values.entries(),
    toJSON: () => Object.fromEntries(values),
  };
};

/** Every value of a table, in first-set order. */
export function* streamValues<V>(table: StreamTable<V>): Iterable<V> {
  for (const [, value] of table.entries()) yield value;
}
