/**
 * The meeting decider: `decide` (the command validated first: bad data is an `INPUT`
 * rejection naming the field), `evolve` and the initial state.
 */
import { validatingDecider, type Decider, type Rejection } from '@aimline/kernel';
import { meetingCommands, type MeetingCommand } from './commands.js';
import { makeDecide } from './decide/index.js';
import { evolve } from './evolve.js';
import type { MeetingEvent } from './events.js';
import { defaultMeetingPolicy, type MeetingPolicy } from './policy.js';
import { initialMeetingState, type MeetingState } from './state.js';

export type MeetingDecider = Decider<MeetingCommand, MeetingEvent, MeetingState, Rejection>;

export const makeMeetingDecider = (policy: MeetingPolicy = defaultMeetingPolicy): MeetingDecider =>
  validatingDecider(
    { initialState: initialMeetingState, decide: makeDecide(policy), evolve },
    meetingCommands,
  );
