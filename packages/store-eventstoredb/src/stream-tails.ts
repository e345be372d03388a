import type { RecordedEvent } from '@aimline/kernel';

/** How many streams' tails a store remembers (least recently used forgotten first). */
export const KNOWN_TAILS = 10_000;

/**
 * The last events of streams this store appended to or read the tail of, newest last, so that
 * an append with the expected revision the store last saw needs no tail read: its hash chain
 * continues from the remembered last event and its idempotency check looks at the remembered
 * tail. It is only ever a guess: the append itself is conditional on that exact revision, so if
 * another writer appended meanwhile the server refuses it (wrong expected version), the store
 * forgets the stream and takes the slow path (read the tail, look again).
 */
export class StreamTails {
  private readonly tails = new Map<string, ReadonlyArray<RecordedEvent>>();

  constructor(private readonly capacity = KNOWN_TAILS) {}

  /** The remembered tail when the stream's last revision is `revision` and it holds at least `count` events (or the whole stream). */
  tailAt(
    stream: string,
    revision: number,
    count: number,
  ): ReadonlyArray<RecordedEvent> | undefined {
    const tail = this.tails.get(stream);
    const last = tail?.[tail.length - 1];
    if (tail === undefined || last?.revision !== revision) return undefined;
    if (tail.length < Math.min(count, revision + 1)) return undefined;
    // Refresh its place in the least-recently-used order.
    this.tails.delete(stream);
    this.tails.set(stream, tail);
    return tail;
  }

  /** Remembers `events` (consecutive, oldest first) as the stream's newest events, keeping at most `keep`. */
  remember(stream: string, events: ReadonlyArray<RecordedEvent>, keep: number): void {
    if (events.length === 0) return;
    this.tails.delete(stream);
    this.tails.set(stream, events.slice(-Math.max(1, keep)));
    if (this.tails.size > this.capacity) {
      const oldest = this.tails.keys().next();
      if (oldest.done !== true) this.tails.delete(oldest.value);
    }
  }

  forget(stream: string): void {
    this.tails.delete(stream);
  }
}
