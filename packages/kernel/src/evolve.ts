/**
 * The evolve toolkit: how every domain's `evolve` is written (`evolveBy`, one fold per event
 * type) and the state updates they make, written once. Each returns a new state and leaves the
 * old one as it was (evolve folds facts; it never mutates).
 */
import type { DomainEvent } from './event.js';

/** The fields of `S` that hold lists. */
export type ListField<S> = {
  [K in keyof S]-?: S[K] extends ReadonlyArray<unknown> ? K : never;
}[keyof S];

type ItemOf<L> = L extends ReadonlyArray<infer A> ? A : never;

/**
 * `state` with `items` added at the end of its list `field`:
 * `appended(s, 'documents', event.data.documentRef)`.
 */
export const appended = <S, K extends ListField<S>>(
  state: S,
  field: K,
  ...items: ReadonlyArray<ItemOf<S[K]>>
): S => ({ ...state, [field]: [...(state[field] as ReadonlyArray<ItemOf<S[K]>>), ...items] });

/** The data of the event of type `K` in the event union `Ev`. */
export type EventDataOf<Ev extends DomainEvent, K extends Ev['type']> = Extract<
  Ev,
  { readonly type: K }
>['data'];

/**
 * An evolve written as one fold per event type, each given the state and the event's data:
 * `{ VisitBooked: (s, d) => …, VisitCompleted: (s, d) => … }`. The map is total over the event
 * union: a new event type does not compile until it has its fold (as `dispatch` is for commands).
 * `S` is the state a fold is given, `R` the state it gives back (`S` unless said otherwise).
 */
export type EvolveTable<Ev extends DomainEvent, S, R = S> = {
  readonly [K in Ev['type']]: (state: S, data: EventDataOf<Ev, K>) => R;
};

/**
 * The one way to write a domain's `evolve`: each event folded by the entry for its type,
 * `evolveBy<VisitEvent, VisitState>({ VisitBooked: (s, d) => …, VisitCompleted: … })`.
 */
export const evolveBy = <Ev extends DomainEvent, S>(
  table: EvolveTable<Ev, S>,
): ((state: S, event: Ev) => S) => {
  const folds = table as Readonly<Record<Ev['type'], (state: S, data: unknown) => S>>;
  return (state, event) => folds[event.type as Ev['type']](state, event.data);
};

/**
 * The folds of a stream that one event opens (a case), for the events after the opening: each
 * folds into an opened state (`isOpened`), and an event before the opening leaves the state as
 * it is. `evolveBy<CaseEvent, CaseState>({ CaseOpened: (s, d) => …, ...onceOpened(isCase,
 * onOpenCase) })`, where `onOpenCase` is the `EvolveTable` of the other events over `OpenCase`.
 * The states come from `isOpened` alone, so a table whose folds give back the opened state
 * (`EvolveTable<Ev, OpenCase>`) is taken as it is, not read as a stream of opened states only.
 */
export const onceOpened = <Ev extends DomainEvent, S, O extends S>(
  isOpened: (state: S) => state is O,
  table: EvolveTable<Ev, NoInfer<O>, NoInfer<S>>,
): EvolveTable<Ev, S> =>
  Object.fromEntries(
    Object.entries<(state: O, data: unknown) => S>(table).map(([type, fold]) => [
      type,
      (state: S, data: unknown): S => (isOpened(state) ? fold(state, data) : state),
    ]),
  ) as EvolveTable<Ev, S>;
