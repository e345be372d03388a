import * as E from 'fp-ts/lib/Either.js';
import { parseInstant, type Deadline } from '@aimline/calendar';
import {
  isStoreError,
  type Command,
  type DomainEvent,
  type DomainModule,
  type Rejection,
} from '@aimline/kernel';
import { AccessLogUnavailable } from '@aimline/governance';
import {
  damageLocation,
  recordedBy,
  unreadableEvent,
  type CaseTimeline,
  type ToldDamage,
} from '@aimline/projections';
import { standingDeadlines, standingTimeline } from './deadline-standing.js';
import { deadlineView } from './deadline-view.js';
import type { Principal } from './principal.js';
import type { PrincipalView } from './reads.js';
import type {
  CaseView,
  ListEntry,
  ListFilter,
  ProcessService,
  ReadOptions,
  ReadResult,
  ServiceContext,
} from './process-service.js';
import type { Unavailable } from './result.js';
import { typedEvent, type TypedEvent } from './typed-event.js';

type Reads<C extends Command, Ev extends DomainEvent, S> = Pick<
  ProcessService<C, Ev, S>,
  'get' | 'events' | 'timeline' | 'list'
>;

const unavailable = (e: unknown): Unavailable => {
  if (isStoreError(e) || e instanceof AccessLogUnavailable)
    return { kind: 'Unavailable', cause: 'store', reason: e.message };
  throw e;
};

/**
 * Damage a read found, as corrupt history located where it is (`stream@revision: why`) as the
 * principal is told of it: at an event their view does not show, the stream alone (`toldTo`).
 */
const corruptHistory = (damage: ReadonlyArray<ToldDamage>): Unavailable => ({
  kind: 'Unavailable',
  cause: 'corrupt-history',
  reason: damage.map((u) => `${damageLocation(u)}: ${u.why}`).join('; '),
});

const badAsOf = (options: ReadOptions | undefined): string | undefined =>
  options?.asOf === undefined || parseInstant(options.asOf) !== undefined
    ? undefined
    : `asOf must be an ISO-8601 instant with an offset, e.g. 2026-06-01T09:00:00Z; got ${JSON.stringify(options.asOf)}`;

/**
 * The reads of one process service, each as a principal through the one read seam
 * (`ctx.reads`): only the events the principal may see, with withheld personal fields
 * `[withheld:<category>]`, are decoded and folded, and each read of a case is in the access
 * log, whatever personal fields it showed. A case the principal may not see is `NotFound`, as if it did not exist.
 */
export const processReads = <C extends Command, Ev extends DomainEvent, S>(
  ctx: ServiceContext,
  module: DomainModule<C, Ev, S, Rejection>,
): Reads<C, Ev, S> => {
  const streamOf = (id: string): string => `${module.streamPrefix}${id}`;
  const view = (
    principal: Principal,
    read: string,
    options: ReadOptions | undefined,
  ): E.Either<ReadResult<never>, PrincipalView> => {
    const bad = badAsOf(options);
    if (bad !== undefined) return E.left({ kind: 'Invalid', field: 'asOf', message: bad });
    return ctx.reads(principal, options?.purpose ?? `${module.name} ${read}`);
  };

  const typedEvents = async (
    visible: PrincipalView,
    id: string,
    asOf: string,
  ): Promise<ReadResult<ReadonlyArray<TypedEvent<Ev>>>> => {
    const stream = streamOf(id);
    const known = recordedBy(asOf);
    const out: TypedEvent<Ev>[] = [];
    try {
      for await (const recorded of visible.readStream(stream)) {
        if (!known(recorded)) continue;
        const event = module.events.decode(recorded);
        if (E.isLeft(event)) return corruptHistory([unreadableEvent(recorded, event.left.message)]);
        out.push(typedEvent(recorded, event.right));
      }
      if (out.length === 0) return { kind: 'NotFound', id, stream };
      const broken = await ctx.streamDamage(visible, stream);
      if (broken !== undefined) return corruptHistory([broken]);
    } catch (e) {
      return unavailable(e);
    }
    return { kind: 'Found', value: out };
  };

  const events: Reads<C, Ev, S>['events'] = async (principal, id, options) => {
    const visible = view(principal, 'events', options);
    if (E.isLeft(visible)) return visible.left;
    return typedEvents(visible.right, id, options?.asOf ?? ctx.clock());
  };

  const get: Reads<C, Ev, S>['get'] = async (principal, id, options) => {
    const visible = view(principal, 'get', options);
    if (E.isLeft(visible)) return visible.left;
    const asOf = options?.asOf ?? ctx.clock();
    const read = await typedEvents(visible.right, id, asOf);
    if (read.kind !== 'Found') return read;
    const stream = streamOf(id);
    const state = read.value.reduce(
      (s, e) => module.decider.evolve(s, { type: e.type, data: e.data } as Ev),
      module.decider.initialState,
    );
    // Deadlines stand as the whole history says (one met by an event the principal may not see
    // is met), shown only where the principal's own view opens them (`standingDeadlines`).
    let deadlines: E.Either<ToldDamage, ReadonlyArray<Deadline>>;
    try {
      deadlines = await standingDeadlines(visible.right, module, stream, state, asOf);
    } catch (e) {
      return unavailable(e);
    }
    if (E.isLeft(deadlines)) return corruptHistory([deadlines.left]);
    const value: CaseView<S> = {
      id,
      stream,
      revision: read.value[read.value.length - 1]?.revision ?? 0,
      asOf,
      state,
      deadlines: deadlines.right.map((deadline) =>
        deadlineView(deadline, asOf, ctx.policy.dueSoonHours),
      ),
    };
    return { kind: 'Found', value };
  };

  const timeline: Reads<C, Ev, S>['timeline'] = async (principal, id, options) => {
    const visible = view(principal, 'timeline', options);
    if (E.isLeft(visible)) return visible.left;
    const stream = streamOf(id);
    let t: CaseTimeline;
    try {
      // Deadlines stand as the whole history says, as the principal is entitled to see them;
      // damage anywhere in it is corrupt history, told as the principal may hear of it.
      const standing = await standingTimeline(
        visible.right,
        ctx.decode,
        module,
        stream,
        options?.asOf ?? ctx.clock(),
      );
      if (standing.damage.length > 0) return corruptHistory(standing.damage);
      t = standing.timeline;
      if (t.entries.length === 0) return { kind: 'NotFound', id, stream };
      const broken = await ctx.streamDamage(visible.right, stream);
      if (broken !== undefined) return corruptHistory([broken]);
    } catch (e) {
      return unavailable(e);
    }
    return { kind: 'Found', value: t };
  };

  /**
   * Every case of the module the principal may see, each as `get` folds it: what they may see of
   * it, recorded by `asOf` (default now), decoded with the module's own catalogue. A stored event
   * of the module that does not decode makes the read `Unavailable` (corrupt history), as `get`
   * and `timeline` do, rather than a case folded without it; so does damage to a listed case's
   * stored history (`streamDamage`, every case the principal may see of the module).
   */
  const list: Reads<C, Ev, S>['list'] = async (principal, filter?: ListFilter<S>) => {
    const visible = view(principal, 'list', filter);
    if (E.isLeft(visible)) return visible.left;
    const known = recordedBy(filter?.asOf ?? ctx.clock());
    const rows = new Map<string, ListEntry<S>>();
    try {
      for await (const recorded of visible.right.readAll({
        filter: { streamPrefixes: [module.streamPrefix] },
      })) {
        if (!known(recorded)) continue;
        const decoded = ctx.decode(recorded);
        // Another module's stream under a longer prefix is not this process's case.
        if (E.isRight(decoded) && decoded.right.module.name !== module.name) continue;
        if (E.isLeft(decoded)) {
          if (decoded.left.kind === 'UnknownStream' || !module.events.has(recorded.type)) continue;
          return {
            kind: 'Unavailable',
            cause: 'corrupt-history',
            reason: `${recorded.stream}@${recorded.revision}: ${decoded.left.message}`,
          };
        }
        const before = rows.get(recorded.stream);
        rows.set(recorded.stream, {
          id: recorded.stream.slice(module.streamPrefix.length),
          stream: recorded.stream,
          revision: recorded.revision,
          lastEventType: recorded.type,
          lastRecordedAt: recorded.metadata.recordedAt,
          state: module.decider.evolve(
            before?.state ?? module.decider.initialState,
            decoded.right.event as Ev,
          ),
        });
      }
      // Each listed case's own history checked as a read of one case checks it (`streamDamage`):
      // a row altered, moved or deleted, or an event that does not decode (one the principal may
      // not see too), is reported rather than folded into the list without it.
      const damage: ToldDamage[] = [];
      for (const stream of rows.keys()) {
        const broken = await ctx.streamDamage(visible.right, stream);
        if (broken !== undefined) damage.push(broken);
      }
      if (damage.length > 0) return corruptHistory(damage);
    } catch (e) {
      return unavailable(e);
    }
    const all = [...rows.values()];
    const kept = filter?.where === undefined ? all : all.filter((e) => filter.where!(e.state));
    return {
      kind: 'Found',
      value: filter?.limit === undefined ? kept : kept.slice(0, filter.limit),
    };
  };

  return { get, events, timeline, list };
};
