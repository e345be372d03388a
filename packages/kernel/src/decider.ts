import * as E from 'fp-ts/lib/Either.js';
import type { Either } from 'fp-ts/lib/Either.js';
import { inputRejection, type CommandCatalogue } from './codec/command-catalogue.js';
import type { Command } from './command.js';
import type { Rejection } from './rejection.js';

/** Where a validating decider keeps its `decide` without the check (see `decideValidCommand`). */
const withoutCheck = Symbol('aimline.decideWithoutCheck');

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
  /** Set by `validatingDecider`: its `decide` without the check, for commands validated already. */
  readonly [withoutCheck]?: (command: Command, state: State) => Either<R, ReadonlyArray<Event>>;
}

/**
 * The decider a domain exports: its `decide` first validates the command with the command
 * catalogue (the same strict check as at the wire), so a command built in code with bad data
 * gets a typed `INPUT` rejection naming the first field at fault (the reason lists them all),
 * never an exception from deep inside a guard. The command handler validates every command
 * once at its edge and calls `decideValidCommand`, which skips this second check.
 */
export const validatingDecider = <C extends Command, Ev, S>(
  decider: Decider<C, Ev, S>,
  commands: CommandCatalogue<C>,
): Decider<C, Ev, S> => ({
  initialState: decider.initialState,
  evolve: decider.evolve,
  decide: (command, state) => {
    const valid = commands.validate(command);
    if (E.isLeft(valid)) return E.left(inputRejection(valid.left));
    return decider.decide(valid.right, state);
  },
  [withoutCheck]: decider[withoutCheck] ?? decider.decide,
});

/**
 * Decides a command that has already been validated (the command handler's path): a validating
 * decider's `decide` without its check, any other decider's `decide` as it is.
 */
export const decideValidCommand = <C, Ev, S, R extends Rejection>(
  decider: Decider<C, Ev, S, R>,
  command: C,
  state: S,
): Either<R, ReadonlyArray<Ev>> => (decider[withoutCheck] ?? decider.decide)(command, state);

/** Folds events into a state, starting from the decider's initial state (or a given one). */
export const fold =
  <C, E, S, R extends Rejection>(decider: Decider<C, E, S, R>) =>
  (events: Iterable<E>, from: S = decider.initialState): S => {
    let state = from;
    for (const event of events) state = decider.evolve(state, event);
    return state;
  };
