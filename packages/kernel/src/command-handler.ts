import * as E from 'fp-ts/lib/Either.js';
import type { CommandDecodeError } from './codec/command-catalogue.js';
import { defaultPlausibility, type PlausibilityPolicy } from './codec/plausibility.js';
import { commandFingerprint } from './command-fingerprint.js';
import type { EventDecodeError } from './codec/event-catalogue.js';
import { handleGroup, type Outcome, type ReadyCommand } from './command-group.js';
import type { Command, CommandEnvelope } from './command.js';
import type { AnyDomainModule, DomainModule } from './domain-module.js';
import type { DomainEvent, RecordedEvent } from './event.js';
import type { Rejection } from './rejection.js';
import {
  isStoreError,
  type WrongExpectedRevisionError,
  type IdempotencyConflictError,
  type StoreError,
} from './store/errors.js';
import { appendGroup } from './store/append-group.js';
import type { EventStore } from './store/event-store.js';
import { StateCache, storedBytes, type LoadedStream } from './store/state-cache.js';

export interface CommandSuccess {
  readonly stream: string;
  /** The events this command recorded (on an idempotent retry: those recorded the first time). */
  readonly events: ReadonlyArray<RecordedEvent>;
  /** The stream's last revision after the command; undefined when the stream still does not exist. */
  readonly revision: number | undefined;
  /** True when the command id had already been handled and nothing new was appended. */
  readonly alreadyHandled: boolean;
}

export type CommandFailure<R extends Rejection = Rejection> =
  /** The decider's rejection, or a plausibility rule's `INPUT` rejection. */
  | { readonly kind: 'Rejected'; readonly rejection: R | Rejection }
  | CommandDecodeError
  | { readonly kind: 'CorruptHistory'; readonly error: EventDecodeError }
  /** The command id was already used for another command: nothing appended. */
  | { readonly kind: 'IdempotencyConflict'; readonly error: IdempotencyConflictError }
  | {
      readonly kind: 'Conflict';
      readonly stream: string;
      readonly attempts: number;
      readonly error: WrongExpectedRevisionError;
    }
  | { readonly kind: 'StoreFailure'; readonly error: StoreError };

export interface CommandHandlerOptions {
  readonly store: EventStore;
  /** When the system records events (`recordedAt`). A clock is an adapter's business, never a domain's. */
  readonly clock: () => string;
  /** Attempts after the first when another writer got there first. Default 3. */
  readonly maxRetries?: number;
  /** The folded states kept between commands; default `new StateCache()` (bounded by weight). */
  readonly cache?: StateCache;
  /** Plausibility rules every command must meet before it is decided; default `defaultPlausibility`. */
  readonly plausibility?: PlausibilityPolicy;
}

/** One command of a group handed to `handleMany`. */
export interface CommandItem {
  readonly module: AnyDomainModule;
  readonly envelope: CommandEnvelope;
}

/** One wire command (parsed JSON) of a group handed to `executeMany`. */
export interface WireCommandItem {
  readonly module: AnyDomainModule;
  readonly input: unknown;
}

export interface CommandHandler {
  /** Validates, loads, decides and appends one command. Never throws for a store or domain failure. */
  handle<C extends Command, Ev extends DomainEvent, S, R extends Rejection>(
    module: DomainModule<C, Ev, S, R>,
    envelope: CommandEnvelope<C>,
  ): Promise<E.Either<CommandFailure<R>, CommandSuccess>>;
  /** Decodes a wire command (parsed JSON) with the module's catalogue, then handles it. */
  execute<C extends Command, Ev extends DomainEvent, S, R extends Rejection>(
    module: DomainModule<C, Ev, S, R>,
    input: unknown,
  ): Promise<E.Either<CommandFailure<R>, CommandSuccess>>;
  /**
   * Group commit: handles many independent commands with one durable commit (one transaction
   * and one fsync where the store offers `appendMany`). Results come back in the order given,
   * each the result `handle` would give, and only once the whole group is durable. A rejected,
   * invalid or conflicting command neither loses nor blocks the others; commands on the same
   * stream are decided in order, each on the state the ones before it leave.
   */
  handleMany(
    items: ReadonlyArray<CommandItem>,
  ): Promise<Array<E.Either<CommandFailure, CommandSuccess>>>;
  /** `execute` for a group: each wire command decoded by its module, then `handleMany`. */
  executeMany(
    items: ReadonlyArray<WireCommandItem>,
  ): Promise<Array<E.Either<CommandFailure, CommandSuccess>>>;
  /** The folded state of a stream (through the cache); its revision is undefined when there is no stream. */
  load<C extends Command, Ev extends DomainEvent, S, R extends Rejection>(
    module: DomainModule<C, Ev, S, R>,
    stream: string,
  ): Promise<E.Either<CommandFailure<R>, LoadedStream<S>>>;
}

/**
 * The command handler: load (decode and fold the stream, from the cache where it can),
 * decide, append with the expected revision, retry a bounded number of times when another
 * writer appended first. A rejected command appends nothing. One command is a group of one.
 */
export const commandHandler = (options: CommandHandlerOptions): CommandHandler => {
  const { store, clock } = options;
  const maxRetries = options.maxRetries ?? 3;
  const cache = options.cache ?? new StateCache();
  const plausibility = options.plausibility ?? defaultPlausibility;

  /**
   * A stream's folded state: the cached one, brought up to date by reading the stream on from
   * the cached revision — unless `stored` (the stream's stored revision, looked up for a whole
   * group at once) shows there is nothing more to read.
   */
  const load = async <C extends Command, Ev extends DomainEvent, S, R extends Rejection>(
    module: DomainModule<C, Ev, S, R>,
    stream: string,
    stored?: { readonly revision: number | undefined },
  ): Promise<E.Either<CommandFailure<R>, LoadedStream<S>>> => {
    const cached = cache.get<S>(stream);
    let state = cached?.state ?? module.decider.initialState;
    let revision = cached?.revision;
    // The cache owns this set: it only ever grows with ids of events that are stored.
    const commandIds = (cached?.commandIds as Set<string> | undefined) ?? new Set<string>();
    let bytes = cached?.bytes ?? 0;
    const upToDate = stored !== undefined && stored.revision === revision;
    try {
      if (!upToDate)
        for await (const recorded of store.readStream(stream, {
          fromRevision: revision === undefined ? 0 : revision + 1,
        })) {
          const decoded = module.events.decode(recorded);
          if (E.isLeft(decoded)) return E.left({ kind: 'CorruptHistory', error: decoded.left });
          state = module.decider.evolve(state, decoded.right);
          revision = recorded.revision;
          commandIds.add(recorded.metadata.commandId);
          bytes += storedBytes(recorded);
        }
    } catch (e) {
      if (isStoreError(e)) return E.left({ kind: 'StoreFailure', error: e });
      throw e;
    }
    // Only a stream that exists is cached.
    if (revision !== undefined) cache.set(stream, { revision, state, commandIds, bytes });
    return E.right({ revision, state, commandIds, bytes });
  };

  /**
   * A group's streams, loaded together: their stored revisions in one look-up where the store
   * offers it (so a stream the cache holds up to date is not read at all), the others read
   * concurrently.
   */
  const loadAll = async (
    wanted: ReadonlyArray<{ readonly module: AnyDomainModule; readonly stream: string }>,
  ): Promise<Array<E.Either<CommandFailure, LoadedStream<unknown>>>> => {
    let stored: ReadonlyMap<string, number> | undefined;
    try {
      stored = await store.streamRevisions?.(wanted.map((w) => w.stream));
    } catch (e) {
      // Each stream's own read then reports the store's failure, as a single load would.
      if (!isStoreError(e)) throw e;
    }
    return Promise.all(
      wanted.map(({ module, stream }) =>
        load(module, stream, stored === undefined ? undefined : { revision: stored.get(stream) }),
      ),
    );
  };

  /**
   * A recorded command's events: through the store's command index, else (no index, or one that
   * does not hold the command: history recorded before the index, e.g. EventStoreDB's claims)
   * by scanning its stream.
   */
  const eventsOfCommand = async (stream: string, commandId: string): Promise<RecordedEvent[]> => {
    const indexed = await store.eventsOfCommand?.(commandId);
    if (indexed !== undefined && indexed.length > 0) return [...indexed];
    const found: RecordedEvent[] = [];
    for await (const e of store.readStream(stream))
      if (e.metadata.commandId === commandId) found.push(e);
    return found;
  };

  const context = {
    cache,
    clock,
    maxRetries,
    loadAll,
    eventsOfCommand,
    append: (requests: Parameters<typeof appendGroup>[1]) => appendGroup(store, requests),
  };

  /** Validation and plausibility: a command that fails either never reaches the store. */
  const ready = (item: CommandItem, index: number): ReadyCommand | Outcome => {
    const { module, envelope } = item;
    const valid = module.commands.validate(envelope.command) as E.Either<CommandFailure, Command>;
    if (E.isLeft(valid)) return valid;
    const command = valid.right;
    const implausible = module.commands.implausible(command, plausibility);
    if (implausible !== undefined) return E.left({ kind: 'Rejected', rejection: implausible });
    const stream = module.streamOf(command);
    const fingerprint = commandFingerprint({
      type: command.type,
      stream,
      at: command.at,
      actor: command.actor,
      data: command.data,
    });
    return { index, module, envelope: { ...envelope, command }, stream, fingerprint };
  };

  /** The group commit of commands each already refused or ready, results in the same order. */
  const group = async (prepared: ReadonlyArray<Outcome | ReadyCommand>): Promise<Outcome[]> => {
    const results = new Array<Outcome | undefined>(prepared.length);
    const ready: ReadyCommand[] = [];
    prepared.forEach((p, i) => {
      if ('_tag' in p) results[i] = p;
      else ready.push(p);
    });
    await handleGroup(context, ready, results);
    return results.map((r) => r!);
  };

  const handleMany = (items: ReadonlyArray<CommandItem>): Promise<Outcome[]> =>
    group(items.map(ready));

  const executeMany = (items: ReadonlyArray<WireCommandItem>): Promise<Outcome[]> =>
    group(
      items.map(({ module, input }, i) => {
        const d = module.commands.decode(input) as E.Either<CommandFailure, CommandEnvelope>;
        return E.isLeft(d) ? d : ready({ module, envelope: d.right }, i);
      }),
    );

  const handle = async <C extends Command, Ev extends DomainEvent, S, R extends Rejection>(
    module: DomainModule<C, Ev, S, R>,
    envelope: CommandEnvelope<C>,
  ): Promise<E.Either<CommandFailure<R>, CommandSuccess>> =>
    (await handleMany([{ module, envelope }]))[0] as E.Either<CommandFailure<R>, CommandSuccess>;

  const execute = async <C extends Command, Ev extends DomainEvent, S, R extends Rejection>(
    module: DomainModule<C, Ev, S, R>,
    input: unknown,
  ): Promise<E.Either<CommandFailure<R>, CommandSuccess>> =>
    (await executeMany([{ module, input }]))[0] as E.Either<CommandFailure<R>, CommandSuccess>;

  return { handle, execute, handleMany, executeMany, load };
};
