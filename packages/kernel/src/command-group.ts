import * as E from 'fp-ts/lib/Either.js';
import type { CommandFailure, CommandSuccess } from './command-handler.js';
import type { Command, CommandEnvelope } from './command.js';
import { decideValidCommand, type Decider } from './decider.js';
import type { AnyDomainModule } from './domain-module.js';
import type { DomainEvent, EventToAppend, RecordedEvent } from './event.js';
import { eventIdFor } from './event-ids.js';
import {
  DuplicateEventIdError,
  IdempotencyConflictError,
  isStoreError,
  WrongExpectedRevisionError,
  type StoreError,
} from './store/errors.js';
import type { AppendOutcome, AppendRequest } from './store/event-store.js';
import { revisionAfter } from './revision.js';
import { storedBytes, type LoadedStream, type StateCache } from './store/state-cache.js';

/** A command that passed validation and plausibility, ready to be decided. */
export interface ReadyCommand {
  /** Its place in the caller's list: results come back in the same order. */
  readonly index: number;
  readonly module: AnyDomainModule;
  /** Its envelope, the command validated. */
  readonly envelope: CommandEnvelope;
  readonly stream: string;
  readonly fingerprint: string;
}

export type Outcome = E.Either<CommandFailure, CommandSuccess>;

/** What the group commit needs from the handler around it. */
export interface GroupContext {
  readonly cache: StateCache;
  readonly clock: () => string;
  readonly maxRetries: number;
  /** The streams' folded states, in the order asked. */
  readonly loadAll: (
    streams: ReadonlyArray<{ readonly module: AnyDomainModule; readonly stream: string }>,
  ) => Promise<ReadonlyArray<E.Either<CommandFailure, LoadedStream<unknown>>>>;
  readonly eventsOfCommand: (stream: string, commandId: string) => Promise<RecordedEvent[]>;
  readonly append: (
    requests: ReadonlyArray<AppendRequest>,
  ) => Promise<ReadonlyArray<AppendOutcome>>;
}

/** A stream while its commands of one round are decided: each decision folds into the next. */
interface Working {
  /** The stream as loaded for the round. */
  readonly loaded: LoadedStream<unknown>;
  /** The loaded state with the events decided in this round folded in. */
  state: unknown;
  /** How many events were decided on the stream in this round (not yet stored). */
  decided: number;
  /** The weight of the stream's stored events (see `CachedStream.bytes`). */
  bytes: number;
  /** Command ids decided in this round (not yet stored). */
  readonly added: Set<string>;
}

/** The revision of the stream's last event once the events decided in this round follow it. */
const revisionOf = (w: Working): number | undefined => revisionAfter(w.loaded.revision, w.decided);

type Decided =
  | { readonly kind: 'final'; readonly outcome: Outcome }
  | { readonly kind: 'append'; readonly request: number; readonly expectedAfter: number }
  | { readonly kind: 'handled'; readonly revision: number | undefined }
  /** The same command id already decided on this stream in this round: wait for it. */
  | { readonly kind: 'defer' };

interface Attempts {
  count: number;
  lastConflict: WrongExpectedRevisionError | undefined;
}

const eventsToAppend = (
  item: ReadyCommand,
  events: ReadonlyArray<DomainEvent>,
  recordedAt: string,
): EventToAppend[] =>
  events.map((event, i) => {
    const encoded = item.module.events.encode(event) as Pick<
      EventToAppend,
      'type' | 'schemaVersion' | 'data'
    >;
    return {
      id: eventIdFor(item.envelope.commandId, i),
      type: encoded.type,
      schemaVersion: encoded.schemaVersion,
      data: encoded.data,
      metadata: {
        occurredAt: item.envelope.command.at,
        recordedAt,
        actor: item.envelope.command.actor,
        commandId: item.envelope.commandId,
        commandFingerprint: item.fingerprint,
        correlationId: item.envelope.correlationId ?? item.envelope.commandId,
        causationId: item.envelope.causationId ?? item.envelope.commandId,
      },
    };
  });

const idempotencyConflict = (item: ReadyCommand, first: RecordedEvent): CommandFailure<never> => ({
  kind: 'IdempotencyConflict',
  error: new IdempotencyConflictError(
    item.envelope.commandId,
    {
      commandId: item.envelope.commandId,
      fingerprint: first.metadata.commandFingerprint,
      stream: item.stream,
      revision: first.revision,
      position: first.position,
    },
    first.metadata.commandFingerprint === undefined
      ? 'it was recorded before command fingerprints were kept, so this cannot be shown to be the same command'
      : 'this command differs from it (type, stream, instant, actor or data)',
  ),
});

/**
 * Handles many independent commands as one group commit: the distinct streams are loaded
 * together, each once (from the cache where it can; their stored revisions in one look-up), the commands are decided in order (a command sees the events
 * decided before it on its stream), and every append goes to the store together — one
 * transaction and one fsync where the store offers `appendMany`. Each command gets its own
 * result, only once the group is durable. A command refused by the store (another writer got
 * there first, a reused command id) is rolled back alone; the commands after it on the same
 * stream were decided on a state that never was, so they are decided again in the next round
 * (a conflicting command counts one attempt; `maxRetries` bounds them as for one command).
 */
export const handleGroup = async (
  context: GroupContext,
  ready: ReadonlyArray<ReadyCommand>,
  results: Array<Outcome | undefined>,
): Promise<void> => {
  const attempts = new Map<number, Attempts>(
    ready.map((r) => [r.index, { count: 0, lastConflict: undefined }]),
  );
  let pending = ready;
  while (pending.length > 0) pending = await round(context, pending, attempts, results);
};

const round = async (
  context: GroupContext,
  pending: ReadonlyArray<ReadyCommand>,
  attempts: Map<number, Attempts>,
  results: Array<Outcome | undefined>,
): Promise<ReadyCommand[]> => {
  const { cache } = context;
  const firsts = new Map<string, ReadyCommand>();
  for (const item of pending) if (!firsts.has(item.stream)) firsts.set(item.stream, item);
  const loads = await context.loadAll([...firsts.values()]);
  const streams = new Map<string, Working>();
  /** The streams that could not be loaded, and why. */
  const unloadable = new Map<string, CommandFailure>();
  for (const [k, item] of [...firsts.values()].entries()) {
    const loaded = loads[k]!;
    if (E.isLeft(loaded)) unloadable.set(item.stream, loaded.left);
    else {
      const { state, bytes } = loaded.right;
      streams.set(item.stream, {
        loaded: loaded.right,
        state,
        decided: 0,
        bytes,
        added: new Set(),
      });
    }
  }

  const recordedAt = context.clock();
  const requests: AppendRequest[] = [];
  const decided = pending.map((item): Decided => {
    const failure = unloadable.get(item.stream);
    if (failure !== undefined) return { kind: 'final', outcome: E.left(failure) };
    const w = streams.get(item.stream)!;
    const id = item.envelope.commandId;
    if (w.added.has(id)) return { kind: 'defer' };
    if (w.loaded.commandIds.has(id)) return { kind: 'handled', revision: w.loaded.revision };
    const decider = item.module.decider as Decider<Command, DomainEvent, unknown>;
    const decision = decideValidCommand(decider, item.envelope.command, w.state);
    if (E.isLeft(decision))
      return { kind: 'final', outcome: E.left({ kind: 'Rejected', rejection: decision.left }) };
    const events = decision.right;
    if (events.length === 0)
      return {
        kind: 'final',
        outcome: E.right({
          stream: item.stream,
          events: [],
          revision: revisionOf(w),
          alreadyHandled: false,
        }),
      };
    const revision = revisionOf(w);
    requests.push({
      stream: item.stream,
      events: eventsToAppend(item, events, recordedAt),
      expectedRevision: revision === undefined ? 'no-stream' : revision,
    });
    for (const event of events) w.state = item.module.decider.evolve(w.state, event) as unknown;
    w.decided += events.length;
    w.added.add(id);
    return { kind: 'append', request: requests.length - 1, expectedAfter: revisionOf(w)! };
  });

  let outcomes: ReadonlyArray<AppendOutcome>;
  try {
    outcomes = await context.append(requests);
  } catch (e) {
    if (!isStoreError(e)) throw e;
    commitFailed(pending, decided, e, results);
    for (const stream of firsts.keys()) cache.delete(stream);
    return [];
  }

  const next: ReadyCommand[] = [];
  /** Streams where a command was refused: later commands on them are decided again. */
  const broken = new Set<string>();
  /** Streams whose cached state no longer matches the store. */
  const stale = new Set<string>();
  const revisions = new Map<string, number>();
  for (const [i, item] of pending.entries()) {
    const d = decided[i]!;
    if (broken.has(item.stream) || d.kind === 'defer') {
      next.push(item);
      continue;
    }
    if (d.kind === 'final') {
      results[item.index] = d.outcome;
      continue;
    }
    if (d.kind === 'handled') {
      const events = await context.eventsOfCommand(item.stream, item.envelope.commandId);
      const first = events[0];
      results[item.index] =
        first !== undefined && first.metadata.commandFingerprint !== item.fingerprint
          ? E.left(idempotencyConflict(item, first))
          : E.right({ stream: item.stream, events, revision: d.revision, alreadyHandled: true });
      continue;
    }
    const outcome = outcomes[d.request]!;
    if (outcome.kind === 'appended') {
      const { result } = outcome;
      if (result.nextExpectedRevision !== d.expectedAfter) stale.add(item.stream);
      revisions.set(item.stream, result.nextExpectedRevision);
      const w = streams.get(item.stream)!;
      for (const e of result.events) w.bytes += storedBytes(e);
      results[item.index] = E.right({
        stream: item.stream,
        events: result.events,
        revision: result.nextExpectedRevision,
        alreadyHandled: false,
      });
      continue;
    }
    broken.add(item.stream);
    if (outcome.kind === 'rejected') {
      results[item.index] = E.left({ kind: 'Rejected', rejection: outcome.rejection });
      continue;
    }
    const retry = refused(item, outcome.error, attempts.get(item.index)!, context.maxRetries);
    if (retry === undefined) next.push(item);
    else results[item.index] = retry;
  }

  for (const [stream, w] of streams) {
    if (broken.has(stream) || stale.has(stream)) {
      cache.delete(stream);
      continue;
    }
    const revision = revisions.get(stream);
    if (revision === undefined) continue;
    const commandIds = w.loaded.commandIds as Set<string>;
    for (const id of w.added) commandIds.add(id);
    cache.set(stream, { revision, state: w.state, commandIds, bytes: w.bytes });
  }
  return next;
};

/** A command the store refused: its final failure, or undefined to try it again. */
const refused = (
  item: ReadyCommand,
  error: StoreError,
  tried: Attempts,
  maxRetries: number,
): Outcome | undefined => {
  if (error instanceof WrongExpectedRevisionError || error instanceof DuplicateEventIdError) {
    if (error instanceof WrongExpectedRevisionError) tried.lastConflict = error;
    tried.count++;
    if (tried.count <= maxRetries) return undefined;
    return E.left({
      kind: 'Conflict',
      stream: item.stream,
      attempts: maxRetries + 1,
      error: tried.lastConflict ?? new WrongExpectedRevisionError(item.stream, 'any', undefined),
    });
  }
  if (error instanceof IdempotencyConflictError)
    return E.left({ kind: 'IdempotencyConflict', error });
  return E.left({ kind: 'StoreFailure', error });
};

/**
 * The group's commit failed, so nothing of it is stored: every command from the first one that
 * appended on its stream onwards fails with the store's error; those decided before it (on a
 * state that is stored) keep their results.
 */
const commitFailed = (
  pending: ReadonlyArray<ReadyCommand>,
  decided: ReadonlyArray<Decided>,
  error: StoreError,
  results: Array<Outcome | undefined>,
): void => {
  const touched = new Set<string>();
  for (const [i, item] of pending.entries()) {
    const d = decided[i]!;
    if (d.kind === 'append') touched.add(item.stream);
    results[item.index] =
      touched.has(item.stream) || d.kind !== 'final'
        ? E.left({ kind: 'StoreFailure', error })
        : d.outcome;
  }
};
