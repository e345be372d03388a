import { randomUUID } from 'node:crypto';
import * as E from 'fp-ts/lib/Either.js';
import {
  type Command,
  type CommandHandler,
  type DomainEvent,
  type DomainModule,
  type Rejection,
} from '@aimline/kernel';
import type { CaseTimeline, DamageReader, EventDecoder, ToldDamage } from '@aimline/projections';
import type { CouncilPolicy } from './council-policy.js';
import type { DeadlineView } from './deadline-view.js';
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
import { processReads } from './process-reads.js';
import type { GovernedReads } from './reads.js';
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
  /** Why the principal reads, recorded in the access log. Default: the module and the read (`hsb-case get`). */
  readonly purpose?: string;
}

/**
 * What a read answers: never thrown. A case the principal may not see is `NotFound`, as if it
 * did not exist; `Forbidden` is a principal the directory does not know (or a read without a
 * purpose).
 */
export type ReadResult<T> =
  | { readonly kind: 'Found'; readonly value: T }
  | { readonly kind: 'NotFound'; readonly id: string; readonly stream: string }
  | { readonly kind: 'Invalid'; readonly field: string; readonly message: string }
  | Forbidden
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
  /** Why the principal reads, recorded in the access log. Default: `<module> list`. */
  readonly purpose?: string;
  /** The instant to read at, as `get`'s: events recorded later are not known. Default: now. */
  readonly asOf?: string;
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
  /**
   * Whether `execute` reads cross-stream facts from the store (the panel's referrals): under
   * group commit, a command that may depend on commands before it must not share their group.
   */
  readonly suppliesFacts: boolean;
  /**
   * The case's typed state and deadlines at `asOf`, folded from what `principal` may see of it
   * (need to know: withheld personal fields read `[withheld:<category>]`; the read is in the
   * access log). Every read below is the same.
   */
  get(principal: Principal, id: string, options?: ReadOptions): Promise<ReadResult<CaseView<S>>>;
  /** The case's events the principal may see, decoded and typed, recorded by `asOf`. */
  events(
    principal: Principal,
    id: string,
    options?: ReadOptions,
  ): Promise<ReadResult<ReadonlyArray<TypedEvent<Ev>>>>;
  /** The case's timeline: its events by phase with the deadlines each opened or settled. */
  timeline(
    principal: Principal,
    id: string,
    options?: ReadOptions,
  ): Promise<ReadResult<CaseTimeline>>;
  /** Every case of this process the principal may see, each folded from what they may see. */
  list(
    principal: Principal,
    filter?: ListFilter<S>,
  ): Promise<ReadResult<ReadonlyArray<ListEntry<S>>>>;
}

export interface ServiceContext {
  readonly handler: CommandHandler;
  readonly authority: Authority;
  readonly clock: () => string;
  readonly policy: CouncilPolicy;
  readonly decode: EventDecoder;
  /** The one read seam: the principal's view of the store (need to know, logged). */
  readonly reads: GovernedReads;
  /**
   * The first damage in a stream's stored history (`streamDamage` of `@aimline/projections`: its
   * hash chain broken, an event that does not decode, events deleted from its end; no personal
   * data opened or shown), as the reader (the principal's view) is told of it: located only at
   * an event their view shows. Undefined when intact. Every read of a case runs it, so damage at
   * an event the principal may not see is corrupt history for them too, never a quiet answer.
   */
  readonly streamDamage: (reader: DamageReader, stream: string) => Promise<ToldDamage | undefined>;
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

  return {
    name: module.name,
    module,
    execute,
    suppliesFacts: supply !== undefined,
    ...processReads(ctx, module),
  };
};
