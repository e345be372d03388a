import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import { parseInstant } from '@aimline/calendar';
import {
  isStoreError,
  type Command,
  type CommandHandler,
  type DomainEvent,
  type DomainModule,
  type EventStore,
  type Rejection,
} from '@aimline/kernel';
import {
  caseTimeline,
  recordedBy,
  type CaseTimeline,
  type EventDecoder,
} from '@aimline/projections';
import type { CouncilPolicy } from './council-policy.js';
import { deadlineView, type DeadlineView } from './deadline-view.js';
import { actorOf } from '@aimline/governance';
import { claimedId, type Authority, type Principal } from './principal.js';
import {
  invalid,
  refusalOf,
  type ExecuteResult,
  type Forbidden,
  type Refusal,
  type Unavailable,
} from './result.js';
import type { StreamIndex } from './stream-index.js';
import { typedEvent, type TypedEvent } from './typed-event.js';

/**
 * A command as a council app sends it: what (`type`, `data`) and when (`at`, an ISO-8601
 * instant with offset). Who comes from the principal. `commandId` (a UUID) makes a retry
 * idempotent; without one, each call is a new command.
 */
export type CommandInput<C extends Command> = C extends Command
  ? {
      readonly type: C['type'];
      readonly at: string;
      readonly data: C['data'];
      readonly commandId?: string;
      readonly correlationId?: string;
      readonly causationId?: string;
    }
  : never;

export interface ReadOptions {
  /** The instant to read at (ISO-8601 with offset): events recorded later are not known. Default: now. */
  readonly asOf?: string;
}

/** What a read answers: never thrown. */
export type ReadResult<T> =
  | { readonly kind: 'Found'; readonly value: T }
  | { readonly kind: 'NotFound'; readonly id: string; readonly stream: string }
  | { readonly kind: 'Invalid'; readonly field: string; readonly message: string }
  | Unavailable;

/** One case (stream) as it stood at `asOf`: its typed state and its deadlines, explained. */
export interface CaseView<S> {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly asOf: string;
  readonly state: S;
  readonly deadlines: ReadonlyArray<DeadlineView>;
}

/** One case in a list: its id, how far it has got and its state now. */
export interface ListEntry<S> {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly lastEventType: string;
  readonly lastRecordedAt: string;
  readonly state: S;
}

export interface ListFilter<S> {
  /** Keep the cases whose state passes. */
  readonly where?: (state: S) => boolean;
  /** At most this many, in the order the cases began. */
  readonly limit?: number;
}

/**
 * The service of one process (one stream kind): commands in, typed reads out. `In` is the
 * command as callers send it: `C` itself, or `C` with its cross-stream facts optional where the
 * service supplies them from the store.
 */
export interface ProcessService<
  C extends Command,
  Ev extends DomainEvent,
  S,
  In extends Command = C,
> {
  /** The module's name, e.g. `hsb-case`. */
  readonly name: string;
  readonly module: DomainModule<C, Ev, S>;
  /** Decodes strictly, authorises, supplies cross-stream facts from the store, decides, appends. */
  execute(principal: Principal, command: CommandInput<In>): Promise<ExecuteResult<Ev>>;
  /** The case's typed state and deadlines at `asOf`. */
  get(id: string, options?: ReadOptions): Promise<ReadResult<CaseView<S>>>;
  /** The case's events, decoded and typed, recorded by `asOf`. */
  events(id: string, options?: ReadOptions): Promise<ReadResult<ReadonlyArray<TypedEvent<Ev>>>>;
  /** The case's timeline: its events by phase with the deadlines each opened or settled. */
  timeline(id: string, options?: ReadOptions): Promise<ReadResult<CaseTimeline>>;
  /** Every case of this process, from a projection kept current from the store. */
  list(filter?: ListFilter<S>): Promise<ReadResult<ReadonlyArray<ListEntry<S>>>>;
}

export interface ServiceContext {
  readonly store: EventStore;
  readonly handler: CommandHandler;
  readonly authority: Authority;
  readonly clock: () => string;
  readonly policy: CouncilPolicy;
  readonly decode: EventDecoder;
  readonly index: StreamIndex;
}

/** `C` with the data field `F` of command type `T` optional (a fact the service supplies). */
export type WithSuppliedFact<C extends Command, T extends string, F extends string> =
  C extends Command<T, infer D> ? Command<T, Omit<D, F> & Partial<Pick<D, F & keyof D>>> : C;

/** Supplies a command's cross-stream facts from the store (see `panel-facts.ts`). */
export type FactSupplier = (
  type: string,
  at: string,
  data: Readonly<Record<string, unknown>>,
) => Promise<E.Either<Refusal, Readonly<Record<string, unknown>>>>;

const ENVELOPE_FIELDS = new Set([
  'type',
  'at',
  'data',
  'commandId',
  'correlationId',
  'causationId',
]);

const unavailable = (e: unknown): Unavailable => {
  if (isStoreError(e)) return { kind: 'Unavailable', cause: 'store', reason: e.message };
  throw e;
};

/** The service of `module` over the context; `supply` fills and checks cross-stream facts. */
export const processService = <
  C extends Command,
  Ev extends DomainEvent,
  S,
  In extends Command = C,
>(
  ctx: ServiceContext,
  module: DomainModule<C, Ev, S, Rejection>,
  supply?: FactSupplier,
): ProcessService<C, Ev, S, In> => {
  const streamOf = (id: string): string => `${module.streamPrefix}${id}`;

  const checkAsOf = (options: ReadOptions | undefined): string | undefined =>
    options?.asOf === undefined || parseInstant(options.asOf) !== undefined
      ? undefined
      : `asOf must be an ISO-8601 instant with an offset, e.g. 2026-06-01T09:00:00Z; got ${JSON.stringify(options.asOf)}`;

  const execute = async (
    principal: Principal,
    input: CommandInput<In>,
  ): Promise<ExecuteResult<Ev>> => {
    const raw: unknown = input;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return invalid([{ path: '(root)', message: 'a command is an object' }]);
    const fields = raw as Readonly<Record<string, unknown>>;
    const stray = Object.keys(fields).filter((k) => !ENVELOPE_FIELDS.has(k));
    if (stray.length > 0)
      return invalid(
        stray.map((k) => ({
          path: k,
          message:
            k === 'actor'
              ? 'the actor comes from the principal, never from the command'
              : 'unknown field',
        })),
      );
    const forbidden = (type: string, reason: string): Forbidden => ({
      kind: 'Forbidden',
      principal: claimedId(principal),
      command: type,
      reason,
    });
    const who = ctx.authority.identify(principal);
    if (E.isLeft(who)) return forbidden(String(fields['type']), who.left);
    let data = fields['data'];
    if (supply !== undefined && typeof data === 'object' && data !== null && !Array.isArray(data)) {
      const supplied = await supply(
        String(fields['type']),
        fields['at'] as string,
        data as Readonly<Record<string, unknown>>,
      );
      if (E.isLeft(supplied)) return supplied.left;
      data = supplied.right;
    }
    const decoded = module.commands.decode({
      ...fields,
      commandId: fields['commandId'] ?? randomUUID(),
      actor: actorOf(who.right),
      data,
    });
    if (E.isLeft(decoded)) return refusalOf(decoded.left, '');
    const stream = module.streamOf(decoded.right.command);
    const refused = ctx.authority.permit(who.right, {
      module: module.name,
      commandType: decoded.right.command.type,
      stream,
    });
    if (refused !== undefined) return forbidden(decoded.right.command.type, refused);
    const result = await ctx.handler.handle(module, decoded.right);
    if (E.isLeft(result)) return refusalOf(result.left, stream);
    const events: TypedEvent<Ev>[] = [];
    for (const recorded of result.right.events) {
      const event = module.events.decode(recorded);
      if (E.isLeft(event))
        return { kind: 'Unavailable', cause: 'corrupt-history', reason: event.left.message };
      events.push(typedEvent(recorded, event.right));
    }
    return {
      kind: 'Accepted',
      stream,
      revision: result.right.revision,
      alreadyHandled: result.right.alreadyHandled,
      events,
    };
  };

  const events = async (
    id: string,
    options?: ReadOptions,
  ): Promise<ReadResult<ReadonlyArray<TypedEvent<Ev>>>> => {
    const bad = checkAsOf(options);
    if (bad !== undefined) return { kind: 'Invalid', field: 'asOf', message: bad };
    const stream = streamOf(id);
    const known = recordedBy(options?.asOf ?? ctx.clock());
    const out: TypedEvent<Ev>[] = [];
    try {
      for await (const recorded of ctx.store.readStream(stream)) {
        if (!known(recorded)) continue;
        const event = module.events.decode(recorded);
        if (E.isLeft(event))
          return { kind: 'Unavailable', cause: 'corrupt-history', reason: event.left.message };
        out.push(typedEvent(recorded, event.right));
      }
    } catch (e) {
      return unavailable(e);
    }
    return out.length === 0 ? { kind: 'NotFound', id, stream } : { kind: 'Found', value: out };
  };

  const get = async (id: string, options?: ReadOptions): Promise<ReadResult<CaseView<S>>> => {
    const asOf = options?.asOf ?? ctx.clock();
    const read = await events(id, { asOf });
    if (read.kind !== 'Found') return read;
    let state = module.decider.initialState;
    for (const e of read.value)
      state = module.decider.evolve(state, { type: e.type, data: e.data } as Ev);
    return {
      kind: 'Found',
      value: {
        id,
        stream: streamOf(id),
        revision: read.value[read.value.length - 1]?.revision ?? 0,
        asOf,
        state,
        deadlines: module
          .deadlines(state, asOf)
          .map((d) => deadlineView(d, asOf, ctx.policy.dueSoonHours)),
      },
    };
  };

  const timeline = async (id: string, options?: ReadOptions): Promise<ReadResult<CaseTimeline>> => {
    const bad = checkAsOf(options);
    if (bad !== undefined) return { kind: 'Invalid', field: 'asOf', message: bad };
    const stream = streamOf(id);
    try {
      const t = await caseTimeline(
        ctx.store,
        ctx.decode,
        module,
        stream,
        options?.asOf ?? ctx.clock(),
      );
      if (t.unreadable.length > 0)
        return {
          kind: 'Unavailable',
          cause: 'corrupt-history',
          reason: t.unreadable.map((u) => `${u.stream}@${u.revision}: ${u.why}`).join('; '),
        };
      return t.entries.length === 0
        ? { kind: 'NotFound', id, stream }
        : { kind: 'Found', value: t };
    } catch (e) {
      return unavailable(e);
    }
  };

  const list = async (filter?: ListFilter<S>): Promise<ReadResult<ReadonlyArray<ListEntry<S>>>> => {
    try {
      const all = await ctx.index.entries<S>(module);
      const kept = filter?.where === undefined ? all : all.filter((e) => filter.where!(e.state));
      return {
        kind: 'Found',
        value: filter?.limit === undefined ? kept : kept.slice(0, filter.limit),
      };
    } catch (e) {
      return unavailable(e);
    }
  };

  return { name: module.name, module, execute, get, events, timeline, list };
};
