import type { Either } from 'fp-ts/lib/Either.js';
import type { Rejection } from './rejection.js';

/**
 * A decider (after Jérémie Chassaing's "functional event sourcing" and Emmett):
 * everything a domain knows, as three pure functions and a starting state.
 *
 * - `decide` turns a command and the current state into the events that record what
 *   happened, or a typed rejection naming the rule it would break. A rejection appends nothing.
 * - `evolve` folds one event into the state. It never fails: events are facts.
 */
export interface Decider<Command, Event, State, R extends Rejection = Rejection> {
  readonly initialState: State;
  readonly decide: (command: Command, state: State) => Either<R, ReadonlyArray<Event>>;
  readonly evolve: (state: State, event: Event) => State;
}

/** Folds events into a state, starting from the decider's initial state (or a given one). */
export const fold =
  <C, E, S, R extends Rejection>(decider: Decider<C, E, S, R>) =>
  (events: Iterable<E>, from: S = decider.initialState): S => {
    let state = from;
    for (const event of events) state = decider.evolve(state, event);
    return state;
  };
