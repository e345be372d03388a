import {
  appendResultOf,
  chainEvents,
  classifyAppend,
  collect,
  GENESIS_HASH,
  meetsExpected,
  StoreDisposedError,
  UnavailableError,
  validateAppend,
  WrongExpectedRevisionError,
  type EventStore,
  type ExpectedRevision,
  type RecordedEvent,
  type StreamFilter,
  type Subscription,
} from '@aimline/kernel';
import { ErrorType, type AppendResult as ClientAppendResult } from '@eventstore/db-client';
import { headOfAll, readAllEvents } from './all-reads.js';
import { checkpointStreamOf, eventStoreDbCheckpoints } from './checkpoints.js';
import { boundedClient, DEFAULT_CALL_TIMEOUT_MS } from './call-deadline.js';
import type { EventStoreDbClientLike } from './client-port.js';
import { clientPortOf } from './client-port-of.js';
import { mapClientError } from './error-mapping.js';
import { fromResolvedEventStrictly, recordedFromAppend, toEventData } from './event-codec.js';
import { claimCommands, eventsOfClaimedCommand, recordedCommands } from './command-claims.js';
import { storeIdentity } from './store-identity.js';
import { checkExpectedRevision, exactExpectedRevision } from './expected-revision.js';
import { findEventsById, readStreamEvents, readTail, STREAM_PAGE_SIZE } from './stream-reads.js';
import { scopedFilter } from './stream-scope.js';
import { StreamTails } from './stream-tails.js';
import { subscribeToAllEvents, type SubscriptionSettings } from './subscription.js';

export interface EventStoreDbStoreOptions {
  /** Whether `dispose()` also disposes the client (default: true when the store opened it from a URL). */
  readonly disposeClient?: boolean;
  /** Internal retries of an append that lost a race under 'any' / 'exists' (default 50). */
  readonly maxAppendRetries?: number;
  /** Events per `$all` page for `readAll` and catching-up subscriptions (default 500). */
  readonly pageSize?: number;
  /**
   * The stream prefixes this store owns in a server shared with other applications (e.g. the
   * domain modules' `hsb-case-`, `panel-` …): `readAll` and subscriptions ignore every other
   * stream. Default: every stream that is not the server's own or a checkpoint stream.
   */
  readonly streamPrefixes?: ReadonlyArray<string>;
  /** Reconnection of subscriptions (backoff, attempts, a notice per attempt). */
  readonly subscriptions?: Omit<SubscriptionSettings, 'pageSize'>;
  /**
   * The longest wait for any one call to the server (default 10 000 ms): an append, a page of
   * a read, a checkpoint write. Past it the call fails with a retryable `UnavailableError`.
   */
  readonly callTimeoutMs?: number;
}

/**
 * The EventStore port on EventStoreDB / KurrentDB through `@eventstore/db-client`.
 *
 * An append claims its command ids (see `command-claims.ts`) while it reads the stream's
 * tail, checks on every attempt whether its commands are recorded already (by command id, so
 * a resend with other event ids is found too) and idempotency by event id itself
 * (EventStoreDB's own is only a cache), chains the events by hash from the last event's hash, and appends
 * with the exact revision it read, so a racing writer makes it fail rather than fork the
 * chain; under 'any' and 'exists' it then retries internally, under a number or
 * 'no-stream' the caller gets a `WrongExpectedRevisionError` (or the original result, when
 * the race was a retry of the same events).
 *
 * A recorded command's events are found through its claim (`eventsOfCommand`). There is no
 * `streamRevisions`: the server has no look-up of many streams' revisions, so it would cost a
 * read of each stream's tail, where the command handler's fallback costs one read of each
 * stream from the revision it has cached (empty when nothing changed). Each port member is a
 * property typed by the port (`EventStore['append']`), as in every adapter.
 */
export class EventStoreDbStore implements EventStore {
  private disposed = false;
  private readonly tails = new StreamTails();
  private readonly subscriptions = new Set<Subscription>();
  /** The client, every call bounded (see `call-deadline.ts`). */
  private readonly client: EventStoreDbClientLike;
  readonly checkpoints: EventStore['checkpoints'];

  constructor(
    client: EventStoreDbClientLike,
    private readonly options: EventStoreDbStoreOptions = {},
  ) {
    this.client = boundedClient(
      clientPortOf(client),
      options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
    );
    this.checkpoints = eventStoreDbCheckpoints(this.client, () => this.ensureOpen());
  }

  private knownIdentity: Promise<string> | undefined;

  readonly identity: EventStore['identity'] = () => {
    this.ensureOpen();
    this.knownIdentity ??= storeIdentity(this.client).catch((e: unknown) => {
      this.knownIdentity = undefined;
      throw e;
    });
    return this.knownIdentity;
  };

  readonly append: EventStore['append'] = async (stream, events, options) => {
    this.ensureOpen();
    validateAppend(stream, events);
    const expected = options.expectedRevision;
    checkExpectedRevision(expected, stream);
    // Ids are stored and compared in lower case (the server returns UUIDs in lower case).
    const batch = events.map((e) => ({ ...e, id: e.id.toLowerCase() }));
    // The command-id claims and the stream's tail are independent: one round trip for both
    // (none for the tail when this store knows it, see `StreamTails`).
    const known = this.knownTail(stream, expected, batch.length);
    const [claimed, firstTail] = await Promise.all([
      claimCommands(this.client, stream, batch),
      known ?? readTail(this.client, stream, batch.length),
    ]);
    const ids = new Set(batch.map((e) => e.id));
    const maxRetries = this.options.maxAppendRetries ?? 50;
    let tail: ReadonlyArray<RecordedEvent> | undefined = firstTail;
    let current: number | undefined;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      tail ??= await readTail(this.client, stream, batch.length);
      const last = tail[0];
      current = last?.revision;
      // Every attempt looks for the commands up to the exact revision it appends at: a resend
      // of the same command (other event ids) that another writer appended meanwhile is
      // answered with what that writer stored, never appended a second time.
      const recorded = await recordedCommands(this.client, stream, batch, claimed, tail);
      if (recorded !== undefined) return appendResultOf(recorded);
      const meets = meetsExpected(expected, current);
      // The tail covers a retry of the last append; anything else needs the whole stream.
      const found =
        current === undefined
          ? new Map<string, RecordedEvent>()
          : meets && typeof expected === 'number'
            ? new Map(
                tail.filter((e) => ids.has(e.id.toLowerCase())).map((e) => [e.id.toLowerCase(), e]),
              )
            : await findEventsById(this.client, stream, ids);
      const classification = classifyAppend(stream, batch, (id) => found.get(id.toLowerCase()));
      if (classification.kind === 'retry') return appendResultOf(classification.found);
      if (!meets) throw new WrongExpectedRevisionError(stream, expected, current);
      const chained = chainEvents(stream, current, last?.metadata.hash ?? GENESIS_HASH, batch);
      let appended: ClientAppendResult;
      try {
        appended = await this.client.appendToStream(stream, chained.map(toEventData), {
          expectedRevision: exactExpectedRevision(current, stream),
        });
      } catch (e) {
        this.tails.forget(stream);
        if (isWrongExpectedVersion(e)) {
          // Someone appended since the tail was read: look again (after a short, growing pause
          // so racing writers spread out).
          tail = undefined;
          await pause(Math.min(attempt * 2, 50));
          continue;
        }
        throw mapClientError(e, { operation: `append to ${stream}`, stream, expected });
      }
      // The server answers with the position of the batch's last event: a batch of one needs no
      // read-back; a longer one is read back for the positions of the others.
      const stored =
        recordedFromAppend(chained, appended) ??
        (await this.readBack(stream, chained[0]!.revision, chained.length));
      this.tails.remember(stream, [...tail].reverse().concat(stored), REMEMBERED_EVENTS);
      return appendResultOf(stored);
    }
    throw new WrongExpectedRevisionError(stream, expected, current);
  };

  /**
   * The stream's tail (newest first) when it is known without a read: empty for 'no-stream',
   * the remembered one when the expected revision is the last one this store saw. A wrong guess
   * only costs a refused append (it is conditional on that exact revision) and a look again.
   */
  private knownTail(
    stream: string,
    expected: ExpectedRevision,
    count: number,
  ): ReadonlyArray<RecordedEvent> | undefined {
    if (expected === 'no-stream') return [];
    if (typeof expected !== 'number') return undefined;
    return this.tails.tailAt(stream, expected, count)?.slice().reverse();
  }

  readonly readStream: EventStore['readStream'] = (stream, options = {}) => {
    const ensureOpen = () => this.ensureOpen();
    const client = this.client;
    return (async function* () {
      ensureOpen();
      yield* readStreamEvents(client, stream, options);
    })();
  };

  readonly streamRevision: EventStore['streamRevision'] = async (stream) => {
    this.ensureOpen();
    // A read: a damaged last event still has its revision (its reader refuses it).
    const [last] = await collect(
      readStreamEvents(this.client, stream, { direction: 'backwards', maxCount: 1 }),
    );
    return last?.revision;
  };

  /** Through the command's claim (`aimline-command-<id>`), which names its stream. */
  readonly eventsOfCommand: Required<EventStore>['eventsOfCommand'] = async (commandId) => {
    this.ensureOpen();
    return eventsOfClaimedCommand(this.client, commandId);
  };

  readonly readAll: EventStore['readAll'] = (options = {}) => {
    const ensureOpen = () => this.ensureOpen();
    const client = this.client;
    const pageSize = this.options.pageSize;
    const scoped = this.scoped(options);
    return (async function* () {
      ensureOpen();
      yield* readAllEvents(client, scoped, pageSize);
    })();
  };

  readonly headPosition: EventStore['headPosition'] = async () => {
    this.ensureOpen();
    return headOfAll(this.client);
  };

  readonly subscribe: EventStore['subscribe'] = (options = {}) => {
    this.ensureOpen();
    const sub = subscribeToAllEvents(this.client, this.scoped(options), {
      ...this.options.subscriptions,
      ...(this.options.pageSize === undefined ? {} : { pageSize: this.options.pageSize }),
    });
    this.subscriptions.add(sub);
    return {
      [Symbol.asyncIterator]: () => sub[Symbol.asyncIterator](),
      close: async () => {
        this.subscriptions.delete(sub);
        await sub.close();
      },
    };
  };

  /**
   * One round trip to the server (a read of a checkpoint stream's tail), so a caller can
   * refuse to start against a server it cannot reach: `UnavailableError` with the client's
   * cause (connection refused, name not resolved, TLS …), `AccessDeniedError` for bad
   * credentials. The client itself connects lazily, on the first call.
   */
  async verifyConnection(): Promise<void> {
    this.ensureOpen();
    await readTail(this.client, checkpointStreamOf('connection-check'), 1);
  }

  readonly dispose: EventStore['dispose'] = async () => {
    if (this.disposed) return;
    this.disposed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.subscriptions.clear();
    if (this.options.disposeClient === true) await this.client.dispose();
  };

  /**
   * The events just appended, read back for their positions. Right after a leader change
   * the read can reach a node that has not replicated them yet: it is repeated for a while,
   * and then the append is reported as in doubt (retryable: a retry with the same events
   * finds them stored and returns them).
   */
  private async readBack(stream: string, from: number, count: number): Promise<RecordedEvent[]> {
    for (let attempt = 0; attempt < 20; attempt++) {
      const stored = await collect(
        readStreamEvents(
          this.client,
          stream,
          { fromRevision: from, maxCount: count },
          STREAM_PAGE_SIZE,
          fromResolvedEventStrictly,
        ),
      );
      if (stored.length === count) return stored;
      await pause(Math.min(25 * 2 ** attempt, 500));
    }
    throw new UnavailableError(
      `appended ${count} events to ${stream} at revision ${from}, but could not read them back yet`,
    );
  }

  /** Options whose filter is narrowed to the owned stream prefixes. */
  private scoped<T extends { readonly filter?: StreamFilter }>(options: T): T {
    const filter = scopedFilter(options.filter, this.options.streamPrefixes);
    return filter === undefined ? options : { ...options, filter };
  }

  private ensureOpen(): void {
    if (this.disposed) throw new StoreDisposedError();
  }
}

/** How many of a stream's newest events the store remembers after appending to it. */
const REMEMBERED_EVENTS = 20;

const isWrongExpectedVersion = (e: unknown): boolean =>
  typeof e === 'object' &&
  e !== null &&
  (e as { type?: unknown }).type === ErrorType.WRONG_EXPECTED_VERSION;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
