import * as E from 'fp-ts/lib/Either.js';
import type { AnyDomainModule, EventStore } from '@aimline/kernel';
import type { ListEntry } from './process-service.js';

interface Row {
  readonly module: AnyDomainModule;
  readonly entry: ListEntry<unknown>;
}

/**
 * The list projection: every stream of the given modules with its folded state, its revision
 * and its last event, kept current from the store's global log (it catches up from the last
 * position it saw on each read; reads are serialised). An event that cannot be decoded is
 * left out of its stream's state and counted in `unreadable`.
 */
export class StreamIndex {
  private readonly rows = new Map<string, Row>();
  private readonly byPrefix: ReadonlyArray<AnyDomainModule>;
  private position: bigint | undefined;
  private pending: Promise<void> = Promise.resolve();
  /** Events the projection could not decode, by stream and revision. */
  readonly unreadable: Array<{
    readonly stream: string;
    readonly revision: number;
    readonly why: string;
  }> = [];

  constructor(
    private readonly store: EventStore,
    modules: ReadonlyArray<AnyDomainModule>,
  ) {
    this.byPrefix = [...modules].sort((a, b) => b.streamPrefix.length - a.streamPrefix.length);
  }

  private async catchUp(): Promise<void> {
    const streamPrefixes = this.byPrefix.map((m) => m.streamPrefix);
    for await (const recorded of this.store.readAll({
      ...(this.position === undefined ? {} : { after: this.position }),
      filter: { streamPrefixes },
    })) {
      this.position = recorded.position;
      const module = this.byPrefix.find((m) => recorded.stream.startsWith(m.streamPrefix));
      if (module === undefined) continue;
      const decoded = module.events.decode(recorded);
      if (E.isLeft(decoded)) {
        this.unreadable.push({
          stream: recorded.stream,
          revision: recorded.revision,
          why: decoded.left.message,
        });
        continue;
      }
      const before = this.rows.get(recorded.stream);
      const state: unknown = module.decider.evolve(
        before?.entry.state ?? module.decider.initialState,
        decoded.right,
      );
      this.rows.set(recorded.stream, {
        module,
        entry: {
          id: recorded.stream.slice(module.streamPrefix.length),
          stream: recorded.stream,
          revision: recorded.revision,
          lastEventType: recorded.type,
          lastRecordedAt: recorded.metadata.recordedAt,
          state,
        },
      });
    }
  }

  /** The streams of `module`, in the order they began, after catching up with the store. */
  async entries<S>(module: AnyDomainModule): Promise<ReadonlyArray<ListEntry<S>>> {
    const run = this.pending.then(() => this.catchUp());
    this.pending = run.catch(() => undefined);
    await run;
    const out: ListEntry<S>[] = [];
    for (const row of this.rows.values())
      if (row.module === module) out.push(row.entry as ListEntry<S>);
    return out;
  }
}
