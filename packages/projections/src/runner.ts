import * as E from 'fp-ts/lib/Either.js';
import type { InstantInput } from '@aimline/calendar';
import type { EventStore, RecordedEvent } from '@aimline/kernel';
import { recordedBy } from './as-of.js';
import { readStoredEvent, type EventDecoder } from './decoded-event.js';
import { appliesTo, personalDataOf, subscribesTo, type Projection } from './projection.js';
import type { SnapshotEvent, SnapshotStore } from './snapshot-store.js';
import { guarded, metadataProblem, type UnreadableEvent } from './unreadable-event.js';

export interface CatchUpResult<S> {
  readonly state: S;
  /** The global position the state reflects (undefined: nothing applied yet). */
  readonly position: bigint | undefined;
  /** Events applied in this run. */
  readonly applied: number;
  /** Every event the state could not take in, from this run and the saved snapshot. */
  readonly unreadable: ReadonlyArray<UnreadableEvent>;
}

/**
 * Decodes one stored event and folds it into the state. A decode failure or a throwing fold
 * leaves the state as it was and names the event. `apply` must not half-update the state
 * before it throws (the projections here compute the new value first, then assign it).
 */
export const applyEvent = <S>(
  projection: Projection<S>,
  decode: EventDecoder,
  state: S,
  recorded: RecordedEvent,
): E.Either<UnreadableEvent, S> => {
  const decoded = readStoredEvent(decode, recorded);
  if (E.isLeft(decoded)) return decoded;
  return guarded(recorded, () =>
    E.right(
      subscribesTo(projection, recorded.type) ? projection.apply(state, decoded.right) : state,
    ),
  );
};

export interface RunnerOptions {
  /** Save a snapshot every this many events read (default 5000), and always at the end. */
  readonly snapshotEvery?: number;
  readonly onProgress?: (eventsRead: number) => void;
}

/**
 * Runs one projection: catches up from its saved snapshot (state + position), saving as it
 * goes, or rebuilds it from zero. A stored event that does not decode (or cannot be folded)
 * is set aside and reported with stream, revision and why, and kept with the snapshot, so
 * every later run still reports it: a projection never silently skips history, and never
 * lets one bad event stop it.
 */
export class ProjectionRunner<S> {
  constructor(
    /** Where events come from (a principal's view, or the store) and where checkpoints go. */
    private readonly store: Pick<EventStore, 'readAll' | 'checkpoints'>,
    private readonly decode: EventDecoder,
    private readonly projection: Projection<S>,
    private readonly snapshots: SnapshotStore,
    private readonly options: RunnerOptions = {},
  ) {}

  get name(): string {
    return this.projection.name;
  }

  async catchUp(): Promise<CatchUpResult<S>> {
    const stored = await this.snapshots.load(this.projection.name);
    const restored = stored === undefined ? undefined : this.restored(stored.state);
    // A snapshot the projection cannot restore is not resumed from: the state is rebuilt.
    const saved = restored === undefined ? undefined : stored;
    let state = restored ?? this.projection.initialState();
    let position = saved?.position;
    const unreadable: UnreadableEvent[] = [...(saved?.unreadable ?? [])];
    let last = saved?.last;
    let applied = 0;
    let read = 0;
    const every = this.options.snapshotEvery ?? 5000;
    const filter =
      this.projection.streamPrefixes === undefined
        ? undefined
        : { streamPrefixes: this.projection.streamPrefixes };
    for await (const recorded of this.store.readAll({
      ...(position === undefined ? {} : { after: position }),
      ...(filter ? { filter } : {}),
      ...personalDataOf(this.projection),
    })) {
      const next = applyEvent(this.projection, this.decode, state, recorded);
      if (E.isLeft(next)) unreadable.push(next.left);
      else {
        state = next.right;
        applied++;
      }
      position = recorded.position;
      last = { stream: recorded.stream, revision: recorded.revision, hash: recorded.metadata.hash };
      read++;
      if (read % every === 0) {
        await this.save(state, position, unreadable, last);
        this.options.onProgress?.(read);
      }
    }
    if (position !== undefined && read > 0) await this.save(state, position, unreadable, last);
    return { state, position, applied, unreadable };
  }

  private restored(saved: unknown): S | undefined {
    return this.projection.restore === undefined ? (saved as S) : this.projection.restore(saved);
  }

  async rebuild(): Promise<CatchUpResult<S>> {
    await this.snapshots.clear(this.projection.name);
    return this.catchUp();
  }

  private async save(
    state: S,
    position: bigint,
    unreadable: ReadonlyArray<UnreadableEvent>,
    last: SnapshotEvent | undefined,
  ): Promise<void> {
    await this.snapshots.save(this.projection.name, {
      position,
      state,
      ...(last === undefined ? {} : { last }),
      ...(unreadable.length === 0 ? {} : { unreadable }),
    });
    await this.store.checkpoints.save(`projection:${this.projection.name}`, position);
  }
}

/** A projection's state after a replay, and the events it had to set aside. */
export interface Replayed<S> {
  readonly state: S;
  readonly unreadable: ReadonlyArray<UnreadableEvent>;
}

/**
 * As-of replay: any projection rebuilt from zero from the events recorded by `asOf`, without
 * touching saved snapshots. `asOf` undefined replays everything. An event that cannot be
 * read or folded is reported and the replay goes on.
 */
export const replayAsOf = async <S>(
  store: Pick<EventStore, 'readAll'>,
  decode: EventDecoder,
  projection: Projection<S>,
  asOf: InstantInput | undefined,
  onEvent?: (e: RecordedEvent, count: number) => void,
): Promise<Replayed<S>> => {
  const keep = recordedBy(asOf);
  const unreadable: UnreadableEvent[] = [];
  let state = projection.initialState();
  let count = 0;
  const filter =
    projection.streamPrefixes === undefined
      ? undefined
      : { streamPrefixes: projection.streamPrefixes };
  for await (const recorded of store.readAll({
    ...(filter ? { filter } : {}),
    ...personalDataOf(projection),
  })) {
    const wanted = guarded(recorded, () => {
      if (!appliesTo(projection, recorded.stream)) return E.right(false);
      const problem = asOf === undefined ? undefined : metadataProblem(recorded);
      return problem === undefined ? E.right(keep(recorded)) : E.left(problem);
    });
    if (E.isLeft(wanted)) {
      unreadable.push(wanted.left);
      continue;
    }
    if (!wanted.right) continue;
    const next = applyEvent(projection, decode, state, recorded);
    if (E.isLeft(next)) unreadable.push(next.left);
    else state = next.right;
    onEvent?.(recorded, ++count);
  }
  return { state, unreadable };
};
