import * as E from 'fp-ts/lib/Either.js';
import type { CommandDecodeError } from './codec/command-catalogue.js';
import { defaultPlausibility, type PlausibilityPolicy } from './codec/plausibility.js';
import { commandFingerprint } from './command-fingerprint.js';
import type { EventDecodeError } from './codec/event-catalogue.js';
import type { Command, CommandEnvelope } from './command.js';
import type { DomainModule } from './domain-module.js';
import type { DomainEvent, EventToAppend, RecordedEvent } from './event.js';
import { eventIdFor } from './event-ids.js';
import { decideValidCommand } from './decider.js';
import { AppendRejectedError, type Rejection } from './rejection.js';
import {
  isStoreError,
  WrongExpectedRevisionError,
  DuplicateEventIdError,
  IdempotencyConflictError,
  type StoreError,
} from './store/errors.js';
import type { EventStore } from './store/event-store.js';
import { StateCache, type CachedStream } from './store/state-cache.js';

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
  /**
   * The decider's rejection, a plausibility rule's `INPUT` rejection, or the store's refusal of
   * the append under a rule (`AppendRejectedError`, e.g. ERASE-1).
   */
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
  readonly cache?: StateCache;
  /** Plausibility rules every command must meet before it is decided; default `defaultPlausibility`. */
  readonly plausibility?: PlausibilityPolicy;
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
  /** The folded state of a stream (through the cache). */
  load<C extends Command, Ev extends DomainEvent, S, R extends Rejection>(
    module: DomainModule<C, Ev, S, R>,
    stream: string,
  ): Promise<E.Either<CommandFailure<R>, CachedStream<S>>>;
}

/**
 * The command handler: load (decode and fold the stream, from the cache where it can),
 * decide, append with the expected revision, retry a bounded number of times when another
 * writer appended first. A rejected command appends nothing.
 */
export const commandHandler = (options: CommandHandlerOptions): CommandHandler => {
  const { store, clock } = options;
  const maxRetries = options.maxRetries ?? 3;
  const cache = options.cache ?? new StateCache();
  const plausibility = options.plausibility ?? defaultPlausibility;

  const load = async <C extends Command, Ev extends DomainEvent, S, R extends Rejection>(
    module: DomainModule<C, Ev, S, R>,
    stream: string,
  ): Promise<E.Either<CommandFailure<R>, CachedStream<S>>> => {
    const cached = cache.get<S>(stream);
    let state = cached?.state ?? module.decider.initialState;
    let revision = cached?.revision;
    // The cache owns this set: it only ever grows with ids of events that are stored.
    const commandIds = (cached?.commandIds as Set<string> | undefined) ?? new Set<string>();
    try {
      for await (const recorded of store.readStream(stream, {
        fromRevision: revision === undefined ? 0 : revision + 1,
      })) {
        const decoded = module.events.decode(recorded);
        if (E.isLeft(decoded)) return E.left({ kind: 'CorruptHistory', error: decoded.left });
        state = module.decider.evolve(state, decoded.right);
        revision = recorded.revision;
        commandIds.add(recorded.metadata.commandId);
      }
    } catch (e) {
      if (isStoreError(e)) return E.left({ kind: 'StoreFailure', error: e });
      throw e;
    }
    const entry: CachedStream<S> =
      revision === undefined
        ? { revision: -1, state, commandIds }
        : { revision, state, commandIds };
    if (revision !== undefined) cache.set(stream, entry);
    return E.right(entry);
  };

  const eventsOfCommand = async (stream: string, commandId: string): Promise<RecordedEvent[]> => {
    const found: RecordedEvent[] = [];
    for await (const e of store.readStream(stream))
      if (e.metadata.commandId === commandId) found.push(e);
    return found;
  };

  const handle = async <C extends Command, Ev extends DomainEvent, S, R extends Rejection>(
    module: DomainModule<C, Ev, S, R>,
    envelope: CommandEnvelope<C>,
  ): Promise<E.Either<CommandFailure<R>, CommandSuccess>> => {
    const valid = module.commands.validate(envelope.command);
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
    let lastConflict: WrongExpectedRevisionError | undefined;
    for (let attempt = 0; attempt <= maxRetries; attempt++) {
      const loaded = await load(module, stream);
      if (E.isLeft(loaded)) return loaded;
      const { state, commandIds } = loaded.right;
      const revision = loaded.right.revision < 0 ? undefined : loaded.right.revision;
      if (commandIds.has(envelope.commandId)) {
        const events = await eventsOfCommand(stream, envelope.commandId);
        const first = events[0];
        if (first !== undefined && first.metadata.commandFingerprint !== fingerprint)
          return E.left({
            kind: 'IdempotencyConflict',
            error: new IdempotencyConflictError(
              envelope.commandId,
              {
                commandId: envelope.commandId,
                fingerprint: first.metadata.commandFingerprint,
                stream,
                revision: first.revision,
                position: first.position,
              },
              first.metadata.commandFingerprint === undefined
                ? 'it was recorded before command fingerprints were kept, so this cannot be shown to be the same command'
                : 'this command differs from it (type, stream, instant, actor or data)',
            ),
          });
        return E.right({ stream, events, revision, alreadyHandled: true });
      }
      const decision = decideValidCommand(module.decider, command, state);
      if (E.isLeft(decision)) return E.left({ kind: 'Rejected', rejection: decision.left });
      if (decision.right.length === 0)
        return E.right({ stream, events: [], revision, alreadyHandled: false });
      const recordedAt = clock();
      const toAppend: EventToAppend[] = decision.right.map((event, i) => {
        const encoded = module.events.encode(event);
        return {
          id: eventIdFor(envelope.commandId, i),
          type: encoded.type,
          schemaVersion: encoded.schemaVersion,
          data: encoded.data,
          metadata: {
            occurredAt: command.at,
            recordedAt,
            actor: command.actor,
            commandId: envelope.commandId,
            commandFingerprint: fingerprint,
            correlationId: envelope.correlationId ?? envelope.commandId,
            causationId: envelope.causationId ?? envelope.commandId,
          },
        };
      });
      try {
        const result = await store.append(stream, toAppend, {
          expectedRevision: revision === undefined ? 'no-stream' : revision,
        });
        let next = state;
        for (const event of decision.right) next = module.decider.evolve(next, event);
        cache.set(stream, {
          revision: result.nextExpectedRevision,
          state: next,
          commandIds: (commandIds as Set<string>).add(envelope.commandId),
        });
        return E.right({
          stream,
          events: result.events,
          revision: result.nextExpectedRevision,
          alreadyHandled: false,
        });
      } catch (e) {
        if (e instanceof WrongExpectedRevisionError || e instanceof DuplicateEventIdError) {
          cache.delete(stream);
          if (e instanceof WrongExpectedRevisionError) lastConflict = e;
          continue;
        }
        if (e instanceof IdempotencyConflictError)
          return E.left({ kind: 'IdempotencyConflict', error: e });
        if (e instanceof AppendRejectedError)
          return E.left({ kind: 'Rejected', rejection: e.rejection });
        if (isStoreError(e)) return E.left({ kind: 'StoreFailure', error: e });
        throw e;
      }
    }
    return E.left({
      kind: 'Conflict',
      stream,
      attempts: maxRetries + 1,
      error: lastConflict ?? new WrongExpectedRevisionError(stream, 'any', undefined),
    });
  };

  const execute = async <C extends Command, Ev extends DomainEvent, S, R extends Rejection>(
    module: DomainModule<C, Ev, S, R>,
    input: unknown,
  ): Promise<E.Either<CommandFailure<R>, CommandSuccess>> => {
    const decoded = module.commands.decode(input);
    if (E.isLeft(decoded)) return decoded;
    return handle(module, decoded.right);
  };

  return { handle, execute, load };
};
