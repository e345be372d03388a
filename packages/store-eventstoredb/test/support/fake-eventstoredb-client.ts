import { randomUUID } from 'node:crypto';
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type AppendResult,
  type EventData,
  type Filter,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
  type StreamMetadata,
} from '@eventstore/db-client';
import type { ClientSubscription, EventStoreDbClientLike } from '../../src/client-port.js';

/**
 * An in-process stand-in for an EventStoreDB server behind `EventStoreDBClient`, for tests
 * that must run where no server can: it keeps the behaviours the adapter depends on, as the
 * server and client 6.2.1 show them (and throws the client's real error classes):
 * - appends check the expected revision atomically and fail with `WrongExpectedVersionError`
 *   (its `actualVersion` is `'no_stream'` for a missing stream);
 * - reading a missing stream throws `StreamNotFoundError` during iteration;
 * - each event has its own commit position (= prepare position), strictly increasing, and
 *   deliberately beyond Number.MAX_SAFE_INTEGER; `$all` reads from a position are inclusive,
 *   subscriptions from a position exclusive;
 * - stream metadata is an event of type `$metadata` in stream `$$<stream>`, and `maxCount`
 *   hides older events from reads;
 * - subscriptions never resubscribe by themselves: `dropSubscriptions(error)` makes every
 *   open one fail, as a lost connection does.
 * It is not a server: the adapter's real-server suite (real-server.test.ts) is the proof.
 */
export class FakeEventStoreDbClient implements EventStoreDbClientLike {
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly log: StoredEvent[] = [];
  private readonly maxCounts = new Map<string, number>();
  private readonly subscriptions = new Set<FakeSubscription>();
  private nextPosition = 2n ** 53n + 1_000n;
  /** While set, every call fails with this error (e.g. a raw gRPC error with code 14). */
  failWith: Error | undefined;
  readonly calls: string[] = [];
  disposed = false;

  async appendToStream(
    streamName: string,
    events: EventData[],
    options: { readonly expectedRevision: AppendExpectedRevision },
  ): Promise<AppendResult> {
    this.calls.push(`append ${streamName}`);
    await tick();
    this.check();
    const existing = this.streams.get(streamName);
    const current =
      existing === undefined || existing.length === 0
        ? undefined
        : existing[existing.length - 1]!.revision;
    const expected = options.expectedRevision;
    const ok =
      expected === ANY ||
      (expected === NO_STREAM && current === undefined) ||
      (expected === STREAM_EXISTS && current !== undefined) ||
      (typeof expected === 'bigint' && current === expected);
    if (!ok)
      throw new WrongExpectedVersionError(undefined, {
        streamName,
        expected,
        current: current ?? NO_STREAM,
      });
    const stored = existing ?? [];
    let revision = current === undefined ? 0n : current + 1n;
    let last: StoredEvent | undefined;
    for (const e of events) {
      const position = this.nextPosition;
      this.nextPosition += 100n + BigInt(JSON.stringify(e.data).length);
      last = {
        streamId: streamName,
        id: e.id.toLowerCase(),
        revision,
        type: e.type,
        data: JSON.parse(JSON.stringify(e.data)) as unknown,
        metadata:
          e.metadata === undefined
            ? undefined
            : (JSON.parse(JSON.stringify(e.metadata)) as unknown),
        isJson: e.contentType === 'application/json',
        position: { commit: position, prepare: position },
      };
      stored.push(last);
      this.log.push(last);
      revision++;
    }
    this.streams.set(streamName, stored);
    for (const s of this.subscriptions) s.wake();
    return { success: true, nextExpectedRevision: revision - 1n, position: last!.position };
  }

  readStream(streamName: string, options: StreamReadOptions): AsyncIterable<ResolvedEvent> {
    this.calls.push(`readStream ${streamName}`);
    return this.streamEvents(streamName, options);
  }

  readAll(options: AllReadOptions): AsyncIterable<AllStreamResolvedEvent> {
    this.calls.push('readAll');
    return this.allEvents(options);
  }

  private async *streamEvents(
    streamName: string,
    options: StreamReadOptions,
  ): AsyncGenerator<ResolvedEvent> {
    await tick();
    this.check();
    const all = this.streams.get(streamName);
    if (all === undefined || all.length === 0) throw new StreamNotFoundError(undefined, streamName);
    const keep = this.maxCounts.get(streamName);
    const visible = keep === undefined ? all : all.slice(-keep);
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision;
    const ordered = backwards ? [...visible].reverse() : visible;
    let n = 0;
    for (const e of ordered) {
      if (n >= max) return;
      if (typeof from === 'bigint' && (backwards ? e.revision > from : e.revision < from)) continue;
      n++;
      yield resolved(e);
    }
  }

  private async *allEvents(options: AllReadOptions): AsyncGenerator<AllStreamResolvedEvent> {
    await tick();
    this.check();
    const from = options.fromPosition ?? (options.direction === 'backwards' ? 'end' : 'start');
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const backwards = options.direction === 'backwards';
    let n = 0;
    for (const e of backwards ? [...this.log].reverse() : [...this.log]) {
      if (n >= max) return;
      if (
        typeof from === 'object' &&
        (backwards ? e.position.commit > from.commit : e.position.commit < from.commit)
      )
        continue;
      n++;
      yield resolved(e) as AllStreamResolvedEvent;
    }
  }

  subscribeToAll(options: { fromPosition?: ReadPosition; filter?: Filter }): ClientSubscription {
    this.calls.push(`subscribeToAll ${positionText(options.fromPosition)}`);
    const sub = new FakeSubscription(this.log, options, this.failWith, () =>
      this.subscriptions.delete(sub),
    );
    this.subscriptions.add(sub);
    return sub;
  }

  async setStreamMetadata(streamName: string, metadata: StreamMetadata): Promise<AppendResult> {
    this.calls.push(`setStreamMetadata ${streamName}`);
    if (metadata.maxCount !== undefined) this.maxCounts.set(streamName, metadata.maxCount);
    return this.appendToStream(
      `$$${streamName}`,
      [
        {
          id: randomUUID(),
          contentType: 'application/json',
          type: '$metadata',
          data: { $maxCount: metadata.maxCount },
          metadata: undefined,
        },
      ],
      { expectedRevision: ANY },
    );
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }

  /** Makes every open subscription fail with `error`, as a dropped connection does. */
  dropSubscriptions(error: Error): void {
    for (const s of [...this.subscriptions]) s.fail(error);
  }

  get openSubscriptions(): number {
    return this.subscriptions.size;
  }

  private check(): void {
    if (this.failWith !== undefined) throw this.failWith;
  }
}

/** A raw gRPC service error as grpc-js gives it when the server cannot be reached. */
export const grpcUnavailable = (): Error & { code: number; details: string } =>
  Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
    code: 14,
    details: 'No connection established',
  });

interface StreamReadOptions {
  fromRevision?: ReadRevision;
  direction?: 'forwards' | 'backwards';
  maxCount?: number | bigint;
}

interface AllReadOptions {
  fromPosition?: ReadPosition;
  direction?: 'forwards' | 'backwards';
  maxCount?: number | bigint;
}

interface StoredEvent {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly isJson: boolean;
  readonly position: Position;
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const positionText = (p: ReadPosition | undefined): string =>
  p === undefined || typeof p === 'string' ? String(p ?? 'start') : p.commit.toString();

const resolved = (e: StoredEvent): ResolvedEvent =>
  ({
    event: {
      streamId: e.streamId,
      id: e.id,
      revision: e.revision,
      type: e.type,
      data: JSON.parse(JSON.stringify(e.data)) as unknown,
      metadata:
        e.metadata === undefined ? undefined : (JSON.parse(JSON.stringify(e.metadata)) as unknown),
      isJson: e.isJson,
      created: new Date(0),
      position: e.position,
    },
    commitPosition: e.position.commit,
  }) as ResolvedEvent;

const matches = (e: StoredEvent, filter: Filter | undefined): boolean => {
  if (filter === undefined) return true;
  const value = filter.filterOn === 'streamName' ? e.streamId : e.type;
  if ('prefixes' in filter) return filter.prefixes.some((p) => value.startsWith(p));
  return new RegExp(filter.regex).test(value);
};

class FakeSubscription implements ClientSubscription {
  private waiting: (() => void) | undefined;
  private failure: Error | undefined;
  private ended = false;
  private index = 0;

  constructor(
    private readonly log: ReadonlyArray<StoredEvent>,
    private readonly options: { fromPosition?: ReadPosition; filter?: Filter },
    failure: Error | undefined,
    private readonly onEnd: () => void,
  ) {
    this.failure = failure;
  }

  wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }

  fail(error: Error): void {
    this.failure = error;
    this.wake();
  }

  unsubscribe(): Promise<void> {
    this.ended = true;
    this.onEnd();
    this.wake();
    return Promise.resolve();
  }

  destroy(): void {
    void this.unsubscribe();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<AllStreamResolvedEvent> {
    const from = this.options.fromPosition;
    try {
      for (;;) {
        await tick();
        if (this.failure !== undefined) throw this.failure;
        if (this.ended) return;
        const e = this.log[this.index];
        if (e === undefined) {
          await new Promise<void>((resolve) => {
            this.waiting = resolve;
          });
          continue;
        }
        this.index++;
        if (typeof from === 'object' && e.position.commit <= from.commit) continue;
        if (!matches(e, this.options.filter)) continue;
        yield resolved(e) as AllStreamResolvedEvent;
      }
    } finally {
      this.ended = true;
      this.onEnd();
    }
  }
}
