/**
 * The decide toolkit: the one way every domain writes `decide`.
 *
 * A handler answers one command type with a `Decision`: the events to append (`accept`) or a
 * typed rejection naming the rule and the field (`refuse`). Guards are `Check`s written as
 * `guard` rows, run in order by `decideWhen` (which refuses with the first failure or accepts) or
 * `firstFailure`; `eachItem` runs a list's guards item by item, `noneTwice` too, telling each
 * item whether it is listed twice; `found` is a guard that gives the value it checks, narrowed, to
 * `decideWith` (`foundWhen` adds the guards after it, `failureOf` makes it one row of a list). `dispatch` routes
 * a command to its handler through a map with one entry per command type, so a command without
 * a handler does not compile.
 */
import * as E from 'fp-ts/lib/Either.js';
import { reject, type Rejection } from './rejection.js';

/** What `decide` answers: the events that record the command, or the rejection it earned. */
export type Decision<Ev, R extends Rejection = Rejection> = E.Either<R, ReadonlyArray<Ev>>;

/**
 * Accepts the command with these events (none: the command changes nothing, e.g. a retry). The
 * event type comes from where the decision goes (the handler's return type), never from the
 * events themselves, so each event literal is checked against the union, unknown fields too.
 */
export const accept = <Ev>(...events: ReadonlyArray<NoInfer<Ev>>): Decision<Ev, never> =>
  E.right(events);

/** Refuses the command: with a rejection already built, or with the rule, reason and field. */
export function refuse<R extends Rejection>(rejection: R): Decision<never, R>;
export function refuse(ruleId: string, reason: string, field?: string): Decision<never>;
export function refuse(
  ruleOrRejection: string | Rejection,
  reason = '',
  field?: string,
): Decision<never> {
  return E.left(
    typeof ruleOrRejection === 'string' ? reject(ruleOrRejection, reason, field) : ruleOrRejection,
  );
}

/**
 * A guard: the rejection when it fails, `undefined` when it passes. A thunk, so a later guard
 * may assume the earlier ones passed. Written as a `guard` row, or as a function of the state that
 * gives one (a domain's guard catalogue: `needsAllocation(s)`).
 */
export type Check<R extends Rejection = Rejection> = () => R | undefined;

/**
 * The rejection for `ruleId` when `broken` holds (the condition names the fault, as the reason
 * does), otherwise `undefined`, evaluated at once: for rules shared outside one handler's guard
 * list (e.g. the meeting rules panel reuses):
 * `check(f.systems.length === 0, 'INPUT', 'name the case systems uploaded to', 'data.systems')`.
 * A handler's own guards are `guard` rows.
 */
export const check = (
  broken: boolean,
  ruleId: string,
  reason: string,
  field?: string,
): Rejection | undefined => (broken ? reject(ruleId, reason, field) : undefined);

/**
 * A guard as one row: the rule, the reason a person reads, the field at fault (where one is) and
 * the condition that breaks the rule, checked only when every earlier guard passed (so it may
 * rely on them):
 *
 *   guard('HSB-10', 'assessors are allocated once', 'data.assessors', () => s.assessors.length > 0)
 *
 * The field may be `undefined` (a shared guard whose caller may or may not name one): the
 * rejection then names no field, as a row written without one.
 */
export function guard(ruleId: string, reason: string, broken: () => boolean): Check;
export function guard(
  ruleId: string,
  reason: string,
  field: string | undefined,
  broken: () => boolean,
): Check;
export function guard(
  ruleId: string,
  reason: string,
  fieldOrBroken: string | undefined | (() => boolean),
  broken?: () => boolean,
): Check {
  const field = typeof fieldOrBroken === 'function' ? undefined : fieldOrBroken;
  const isBroken = typeof fieldOrBroken === 'function' ? fieldOrBroken : broken;
  if (isBroken === undefined) throw new TypeError(`guard ${ruleId}: no condition`);
  return () => (isBroken() ? reject(ruleId, reason, field) : undefined);
}

/** The first failing check, in order, or `undefined` when all pass; later checks are not run. */
export const firstFailure = <R extends Rejection>(
  ...checks: ReadonlyArray<Check<R>>
): R | undefined => {
  for (const run of checks) {
    const failure = run();
    if (failure !== undefined) return failure;
  }
  return undefined;
};

/**
 * The shape of every handler, written once: refuse with the first failing guard, otherwise the
 * decision `onAccept` makes (run only when every guard passed, so it may rely on them).
 *
 *   decideWhen(
 *     [guard('HSB-10', 'assessors are allocated once', 'data.assessors', () => s.assessors.length > 0)],
 *     () => accept({ type: 'AssessorsAllocated', data: { ...d, at } }),
 *   )
 */
export const decideWhen = <Ev, R extends Rejection = Rejection>(
  checks: ReadonlyArray<Check<R>>,
  onAccept: () => Decision<Ev, R>,
): Decision<Ev, R> => {
  const failure = firstFailure(...checks);
  return failure === undefined ? onAccept() : E.left(failure);
};

/**
 * What a guard found: the value, narrowed (neither `undefined` nor `null`), or the rejection its
 * absence earns. Built with `found`, decided on with `decideWith`.
 */
export type Found<T, R extends Rejection = Rejection> = E.Either<R, T>;

/**
 * A guard that gives the value it checks: the rejection for `ruleId` (reason, field) when `value`
 * is `undefined` or `null`, otherwise the value, narrowed:
 * `found(s.meetings[d.meetingId], 'STATE', 'the meeting is not scheduled', 'data.meetingId')`.
 */
export const found = <T>(
  value: T,
  ruleId: string,
  reason: string,
  field?: string,
): Found<NonNullable<T>> =>
  value === undefined || value === null ? E.left(reject(ruleId, reason, field)) : E.right(value);

/**
 * Decides on what a guard found: its rejection when it found nothing, otherwise the decision
 * `decide` makes with the value, narrowed, so neither the later guards nor the events need `!`
 * on what an earlier guard saw to. Guards before it come first, guards after it inside:
 *
 *   decideWhen([openCase(s)], () =>
 *     decideWith(found(s.meetings[id], 'STATE', 'the meeting is not scheduled', 'data.meetingId'), (meeting) =>
 *       decideWhen([guard('INPUT', 'it has not started', 'at', () => at < meeting.start)], () => accept(…))))
 */
export const decideWith = <T, Ev, R extends Rejection = Rejection>(
  value: Found<T, R>,
  decide: (value: T) => Decision<Ev, R>,
): Decision<Ev, R> => (E.isLeft(value) ? value : decide(value.right));

/**
 * What a guard found, kept only once the guards after it pass (given the value, narrowed, they
 * may rely on it): their first failure otherwise. A guard catalogue's `Found` with stage rows
 * after it: `foundWhen(found(s.slot, 'STATE', 'the sitting is not scheduled'), () =>
 * [guard('STATE', 'the sitting is cancelled', () => s.cancelled !== null)])`.
 */
export const foundWhen = <T, R extends Rejection = Rejection>(
  value: Found<T, R>,
  guards: (value: T) => ReadonlyArray<Check<R>>,
): Found<T, R> => {
  if (E.isLeft(value)) return value;
  const failure = firstFailure(...guards(value.right));
  return failure === undefined ? value : E.left(failure);
};

/**
 * The rejection a `Found` holds, or `undefined` when it found its value: a `Found` as one row of
 * a guard list where nothing after it needs the value (`() => failureOf(openCase(s))`).
 */
export const failureOf = <T, R extends Rejection>(value: Found<T, R>): R | undefined =>
  E.isLeft(value) ? value.left : undefined;

/**
 * The guards of a list, item by item: the first failure of the first item that breaks one (its
 * index names the field), later items not judged, so the failure reported is the one a loop over
 * the items would meet first:
 *
 *   eachItem(d.steps, (step, i) => [guard('INPUT', 'starts in the future', `data.steps.${i}.startedOn`, () => step.startedOn > today)])
 */
export const eachItem =
  <A, R extends Rejection = Rejection>(
    items: ReadonlyArray<A>,
    guards: (item: A, index: number) => ReadonlyArray<Check<R>>,
  ): Check<R> =>
  () => {
    for (const [i, item] of items.entries()) {
      const failure = firstFailure(...guards(item, i));
      if (failure !== undefined) return failure;
    }
    return undefined;
  };

/**
 * The guards of a list, item by item (as `eachItem`), each item told whether it is listed twice:
 * its key appeared on an earlier item, or is `held` already (the stream holds it; one lookup per
 * item). The one way a domain refuses a repeat, with the guard it writes where the repeat ranks
 * among the item's other guards (its index names the field); the first failure of the first item
 * that breaks one, later items not judged:
 *
 *   noneTwice(d.assessors, (a) => a.id, (_, i, twice) => [
 *     guard('INPUT', 'an assessor is listed twice', `data.assessors.${i}.id`, () => twice),
 *   ])
 */
export const noneTwice =
  <A, R extends Rejection = Rejection>(
    items: ReadonlyArray<A>,
    key: (item: A) => string,
    guards: (item: A, index: number, twice: boolean) => ReadonlyArray<Check<R>>,
    held: (key: string) => boolean = () => false,
  ): Check<R> =>
  () => {
    const seen = new Set<string>();
    for (const [i, item] of items.entries()) {
      const k = key(item);
      const failure = firstFailure(...guards(item, i, seen.has(k) || held(k)));
      if (failure !== undefined) return failure;
      seen.add(k);
    }
    return undefined;
  };

/** The member of a command union with this type. */
export type CommandOfType<C extends { readonly type: string }, K extends C['type']> = Extract<
  C,
  { readonly type: K }
>;

/** One command type's handler: the command, the state it acts on and the decider's context. */
export type Handler<
  C extends { readonly type: string },
  K extends C['type'],
  S,
  Ctx,
  Ev,
  R extends Rejection = Rejection,
> = (command: CommandOfType<C, K>, state: S, ctx: Ctx) => Decision<Ev, R>;

/** A handler for every command type of `C`: a missing or an unknown one is a compile error. */
export type Handlers<
  C extends { readonly type: string },
  S,
  Ctx,
  Ev,
  R extends Rejection = Rejection,
> = { readonly [K in C['type']]: Handler<C, K, S, Ctx, Ev, R> };

/**
 * Handlers named after their command types in lower camel case (`decideRoute` handles
 * `DecideRoute`): what a domain's phase modules export, spread together.
 */
export type HandlersNamed<
  C extends { readonly type: string },
  S,
  Ctx,
  Ev,
  R extends Rejection = Rejection,
> = { readonly [K in C['type'] as Uncapitalize<K>]: Handler<C, K, S, Ctx, Ev, R> };

/**
 * The handler map `dispatch` takes, derived from handlers named after their command types, so
 * no domain lists its handlers twice: `dispatch(handlersNamed<Cmd, State, Ctx, Ev>({
 * ...strategy, ...assessment }))`, each phase module imported whole (`import * as strategy`).
 * A command type without its handler, or a handler of the wrong command, does not compile. An
 * export that handles no command (a shared guard) would become a key that names no command: a
 * phase module exports handlers only, and each domain's test calls `strayHandlerNames` from
 * `@aimline/kernel/testing` to see to it.
 */
export const handlersNamed = <
  C extends { readonly type: string },
  S,
  Ctx,
  Ev,
  R extends Rejection = Rejection,
>(
  named: HandlersNamed<C, S, Ctx, Ev, R>,
): Handlers<C, S, Ctx, Ev, R> =>
  Object.fromEntries(
    Object.entries(named).map(([name, handler]) => [handledType(name), handler]),
  ) as Handlers<C, S, Ctx, Ev, R>;

/** The command type a handler is named after: `decideRoute` handles `DecideRoute`. */
export const handledType = (name: string): string =>
  `${name.charAt(0).toUpperCase()}${name.slice(1)}`;

/** Routes each command to the handler for its type. */
export const dispatch =
  <C extends { readonly type: string }, S, Ctx, Ev, R extends Rejection = Rejection>(
    handlers: Handlers<C, S, Ctx, Ev, R>,
  ) =>
  (command: C, state: S, ctx: Ctx): Decision<Ev, R> => {
    const handler = handlers[command.type as C['type']] as (
      command: C,
      state: S,
      ctx: Ctx,
    ) => Decision<Ev, R>;
    return handler(command, state, ctx);
  };
