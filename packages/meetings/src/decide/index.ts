/**
 * `decide` for a meeting: ScheduleMeeting on a new stream; every other command, through the
 * kernel's typed dispatch, on this stream's scheduled, uncancelled meeting.
 */
import { dispatch, handlersNamed, refuse } from '@aimline/kernel';
import type { MeetingCommand } from '../commands.js';
import type { MeetingEvent } from '../events.js';
import type { MeetingPolicy } from '../policy.js';
import type { MeetingState } from '../state.js';
import {
  isScheduled,
  type Decision,
  type ScheduledCommand,
  type ScheduledMeeting,
} from './handler.js';
import * as phases from './phases.js';

export type { Decision } from './handler.js';

/** One handler per command on a scheduled meeting, named after it in its phase's module. */
const onScheduledMeeting = dispatch(
  handlersNamed<ScheduledCommand, ScheduledMeeting, MeetingPolicy, MeetingEvent>(phases),
);

/**
 * The policy is a parameter so a council's or a domain's timescales reach every decision; the
 * guards of MTG-1 … MTG-9 do not depend on any timescale today.
 */
export const makeDecide =
  (policy: MeetingPolicy) =>
  (command: MeetingCommand, state: MeetingState): Decision => {
    if (command.type === 'ScheduleMeeting') return phases.scheduleMeeting(command, state);
    if (state.phase === 'cancelled')
      return refuse('STATE', `meeting ${state.meetingId ?? ''} is cancelled`);
    if (!isScheduled(state))
      return refuse('STATE', `meeting ${command.data.meetingId} is not scheduled`);
    if (command.data.meetingId !== state.meetingId)
      return refuse(
        'INPUT',
        `this stream holds meeting ${state.meetingId ?? ''}`,
        'data.meetingId',
      );
    return onScheduledMeeting(command, state, policy);
  };
