import * as E from 'fp-ts/lib/Either.js';
import type { EventStore, RecordedEvent } from '@aimline/kernel';
import { recordedBy } from './as-of.js';
import type { EventDecoder, ProjectionDecodeError } from './decoded-event.js';
import { appliesTo, type Projection } from './projection.js';
import type { SnapshotStore } from './snapshot-store.js';

export interface CatchUpResult<S> {
  readonly state: S;
  /** The global position the state reflects (undefined: nothing applied yet). */
  readonly position: bigint | undefined;
  /** Events applied in this run. */
  readonly applied: number;
}

export interface RunnerOptions {
  /** Save a snapshot every this many events read (default 5000), and always at the end. */
  readonly snapshotEvery?: number;
  readonly onProgress?: (eventsRead: number) => void;
}

/**
 * Runs one projection: catches up from its saved snapshot (state + position), saving as it
 * goes, or rebuilds it from zero. A stored event that does not decode stops the run with a
 * typed error naming stream and revision: a projection never silently skips history.
 */
export class ProjectionRunner<S> {
  constructor(
    private readonly store: EventStore,
    private readonly decode: EventDecoder,
    private readonly projection: Projection<S>,
    private readonly snapshots: SnapshotStore,
    private readonly options: RunnerOptions = {},
  ) {}

  get name(): string {
    return this.projection.name;
  }

  async catchUp(): Promise<E.Either<ProjectionDecodeError, CatchUpResult<S>>> {
    const saved = await this.snapshots.load(this.projection.name);
    let state = saved === undefined ? this.projection.initialState() : (saved.state as S);
    let position = saved?.position;
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
    })) {
      const decoded = this.decode(recorded);
      if (E.isLeft(decoded)) return decoded;
      state = this.projection.apply(state, decoded.right);
      position = recorded.position;
      applied++;
      read++;
      if (read % every === 0) {
        await this.save(state, position);
        this.options.onProgress?.(read);
      }
    }
    if (position !== undefined && applied > 0) await this.save(state, position);
    return E.right({ state, position, applied });
  }

  async rebuild(): Promise<E.Either<ProjectionDecodeError, CatchUpResult<S>>> {
    await this.snapshots.clear(this.projection.name);
    return this.catchUp();
  }

  private async save(state: S, position: bigint): Promise<void> {
    await this.snapshots.save(this.projection.name, { position, state });
    await this.store.checkpoints.save(`projection:${this.projection.name}`, position);
  }
}

/**
 * As-of replay: any projection rebuilt from zero from the events recorded by `asOf`, without
 * touching saved snapshots. `asOf` undefined replays everything.
 */
export const replayAsOf = async <S>(
  store: EventStore,
  decode: EventDecoder,
  projection: Projection<S>,
  asOf: string | undefined,
  onEvent?: (e: RecordedEvent, count: number) => void,
): Promise<E.Either<ProjectionDecodeError, S>> => {
  const keep = recordedBy(asOf);
  let state = projection.initialState();
  let count = 0;
  const filter =
    projection.streamPrefixes === undefined
      ? undefined
      : { streamPrefixes: projection.streamPrefixes };
  for await (const recorded of store.readAll(filter ? { filter } : {})) {
    if (!keep(recorded) || !appliesTo(projection, recorded.stream)) continue;
    const decoded = decode(recorded);
    if (E.isLeft(decoded)) return decoded;
    state = projection.apply(state, decoded.right);
    onEvent?.(recorded, ++count);
  }
  return E.right(state);
};
