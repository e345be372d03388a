import { STORED_JSON, type StoredJson } from './hash-chain.js';
import type { RecordedEvent } from '../event.js';

/** A stream's folded state as the command handler loads it. */
export interface LoadedStream<S> {
  /** The revision of the stream's last event; undefined when there is no stream. */
  readonly revision: number | undefined;
  readonly state: S;
  /** Command ids already applied to the stream (for idempotent retries). */
  readonly commandIds: ReadonlySet<string>;
  /**
   * The stream's weight in the cache: the size of its stored events (data and metadata text),
   * an estimate from above of what its folded state and command ids take in memory.
   */
  readonly bytes: number;
}

/** What the command handler remembers of a stream between commands: only a stream that exists. */
export interface CachedStream<S> extends LoadedStream<S> {
  readonly revision: number;
}

export interface StateCacheOptions {
  /**
   * How much the cached streams may weigh together (see `CachedStream.bytes`); the least
   * recently used go first. Default 256 MiB: about 19,000 streams of the demo's average
   * (13 events of about 1 KB). 0 caches nothing.
   */
  readonly maxBytes?: number;
}

/** Bytes an event weighs when its stored text is not at hand (an in-memory store). */
const UNKNOWN_EVENT_BYTES = 1024;

/** The weight of one recorded event: its stored data and metadata text. */
export const storedBytes = (event: RecordedEvent): number => {
  const stored = (event as { [STORED_JSON]?: StoredJson })[STORED_JSON];
  return stored === undefined ? UNKNOWN_EVENT_BYTES : stored.data.length + stored.metadata.length;
};

/**
 * The folded states of the streams being worked on, bounded by their weight rather than by a
 * count, so it holds the working set whether that is a few long streams or many short ones;
 * least recently used first out. Always safe: the handler reads the stream from the cached
 * revision onwards, so writes by other processes are folded in before deciding.
 */
export class StateCache {
  readonly maxBytes: number;
  private readonly entries = new Map<string, CachedStream<unknown>>();
  private used = 0;

  constructor(options: StateCacheOptions = {}) {
    const max = options.maxBytes ?? 256 * 1024 * 1024;
    if (!(max >= 0)) throw new RangeError(`maxBytes must be 0 or more, not ${max}`);
    this.maxBytes = max;
  }

  /** How many streams are cached, and what they weigh together. */
  get size(): number {
    return this.entries.size;
  }
  get bytes(): number {
    return this.used;
  }

  get<S>(stream: string): CachedStream<S> | undefined {
    const entry = this.entries.get(stream);
    if (entry === undefined) return undefined;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    return entry as CachedStream<S>;
  }

  set<S>(stream: string, entry: CachedStream<S>): void {
    this.delete(stream);
    if (this.maxBytes === 0 || entry.bytes > this.maxBytes) return;
    this.entries.set(stream, entry);
    this.used += entry.bytes;
    for (const [oldest, e] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= e.bytes;
    }
  }

  delete(stream: string): void {
    const entry = this.entries.get(stream);
    if (entry === undefined) return;
    this.entries.delete(stream);
    this.used -= entry.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.used = 0;
  }
}
