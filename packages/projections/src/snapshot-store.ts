import type { UnreadableEvent } from './unreadable-event.js';

/** The last event a snapshot reflects: a snapshot store can check it is still stored as it was. */
export interface SnapshotEvent {
  readonly stream: string;
  readonly revision: number;
  readonly hash: string;
}

/** A projection's state saved with the global position it reflects. */
export interface ProjectionSnapshot {
  readonly position: bigint;
  readonly state: unknown;
  /** Events the state could not take in (reported again on every run). */
  readonly unreadable?: ReadonlyArray<UnreadableEvent>;
  /** The event at `position` (absent in snapshots saved before it was recorded). */
  readonly last?: SnapshotEvent;
}

/**
 * Where a runner keeps each projection's state and position between runs. The position and
 * state are saved together, so a restart resumes exactly where the saved state ends.
 */
export interface SnapshotStore {
  load(name: string): Promise<ProjectionSnapshot | undefined>;
  save(name: string, snapshot: ProjectionSnapshot): Promise<void>;
  clear(name: string): Promise<void>;
}

/** Keeps snapshots as JSON text in memory (the same round trip a file store makes). */
export class InMemorySnapshotStore implements SnapshotStore {
  private readonly snapshots = new Map<string, string>();

  async load(name: string): Promise<ProjectionSnapshot | undefined> {
    const text = this.snapshots.get(name);
    if (text === undefined) return undefined;
    const parsed = JSON.parse(text) as ProjectionSnapshot & { position: string };
    return { ...parsed, position: BigInt(parsed.position) };
  }

  async save(name: string, snapshot: ProjectionSnapshot): Promise<void> {
    this.snapshots.set(
      name,
      JSON.stringify({ ...snapshot, position: snapshot.position.toString() }),
    );
  }

  async clear(name: string): Promise<void> {
    this.snapshots.delete(name);
  }
}
