/** What the command handler remembers of a stream between commands. */
export interface CachedStream<S> {
  readonly revision: number;
  readonly state: S;
  /** Command ids already applied to the stream (for idempotent retries). */
  readonly commandIds: ReadonlySet<string>;
}

/**
 * A bounded least-recently-used cache of folded stream states. Always safe: the handler
 * reads the stream from the cached revision onwards, so writes by other processes are
 * folded in before deciding.
 */
export class StateCache {
  private readonly entries = new Map<string, CachedStream<unknown>>();
  constructor(readonly capacity = 1000) {}

  get<S>(stream: string): CachedStream<S> | undefined {
    const entry = this.entries.get(stream);
    if (entry === undefined) return undefined;
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    return entry as CachedStream<S>;
  }

  set<S>(stream: string, entry: CachedStream<S>): void {
    this.entries.delete(stream);
    this.entries.set(stream, entry);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(stream: string): void {
    this.entries.delete(stream);
  }

  clear(): void {
    this.entries.clear();
  }
}
