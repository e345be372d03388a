/** The HSB case decider: decide, evolve, initial state. */
import { validatingDecider, type Decider, type Rejection } from '@aimline/kernel';
import { englandAndWales, type Calendar } from '@aimline/calendar';
import { hsbCommands, type HsbCommand } from './commands.js';
import { makeDecide } from './decide/index.js';
import type { HsbEvent } from './events.js';
import { evolve } from './evolve.js';
import { defaultHsbPolicy, type HsbPolicy } from './policy.js';
import { initialState, type HsbState } from './state.js';

export type HsbDecider = Decider<HsbCommand, HsbEvent, HsbState, Rejection>;

/**
 * The decider for one council's policy and calendar (the calendar is needed where a guard
 * counts working days, NAT-3). `decide` validates the command first: bad data is an `INPUT`
 * rejection naming the field, never an exception. A closed case can still be changed by a documented reopening.
 */
export const makeHsbDecider = (
  policy: HsbPolicy = defaultHsbPolicy,
  calendar: Calendar = englandAndWales,
): HsbDecider =>
  validatingDecider(
    { initialState, decide: makeDecide({ policy, calendar }), evolve },
    hsbCommands,
  );
