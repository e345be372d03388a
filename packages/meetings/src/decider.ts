/**
 * The meeting decider: `decide`, `evolve` and the initial state.
 */
import type { Decider, Rejection } from '@aimline/kernel';
import type { MeetingCommand } from './commands.js';
import { makeDecide } from './decide/index.js';
import { evolve } from './evolve.js';
import type { MeetingEvent } from './events.js';
import { defaultMeetingPolicy, type MeetingPolicy } from './policy.js';
import { initialMeetingState, type MeetingState } from './state.js';

export type MeetingDecider = Decider<MeetingCommand, MeetingEvent, MeetingState, Rejection>;

export const makeMeetingDecider = (
  policy: MeetingPolicy = defaultMeetingPolicy,
): MeetingDecider => ({
  initialState: initialMeetingState,
  decide: makeDecide(policy),
  evolve,
});
