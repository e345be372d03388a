/**
 * The meeting's `DomainModule`: one stream per meeting, `meeting-{meetingId}`.
 */
import { configuredModule, type Decider, type DomainModule, type Rejection } from '@aimline/kernel';
import type { MeetingCommand } from './commands.js';
import type { MeetingEvent } from './events.js';
import * as meetingParts from './module-parts.js';
import type { MeetingPolicy } from './policy.js';
import type { MeetingState } from './state.js';

export type MeetingModule = DomainModule<MeetingCommand, MeetingEvent, MeetingState, Rejection>;
export type MeetingDecider = Decider<MeetingCommand, MeetingEvent, MeetingState, Rejection>;

/** `meetingModule(policy?, calendar?)`: England and Wales' calendar unless another is given. */
export const meetingModule = configuredModule('meeting', 'meetingId', meetingParts);

/**
 * The meeting decider: `decide` (the command validated first: bad data is an `INPUT`
 * rejection naming the field), `evolve` and the initial state.
 */
export const makeMeetingDecider: (policy?: MeetingPolicy) => MeetingDecider = (policy) =>
  meetingModule.decider(policy);

/** The stream of a meeting: `meeting-{meetingId}`. */
export const { prefix: MEETING_STREAM_PREFIX, of: meetingStream } = meetingModule.streams;
