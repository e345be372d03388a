/**
 * `decide` for a meeting: ScheduleMeeting on a new stream; every other command, through the
 * kernel's typed dispatch, on this stream's scheduled, uncancelled meeting.
 */
import { guard, handlersNamed, stagedDecide } from '@aimline/kernel';
import type { MeetingCommand } from '../commands.js';
import type { MeetingEvent } from '../events.js';
import type { MeetingPolicy } from '../policy.js';
import type { MeetingState } from '../state.js';
import { isScheduled, type ScheduledCommand, type ScheduledMeeting } from './handler.js';
import * as phases from './phases.js';

export type { Decision } from './handler.js';

/**
 * `makeDecide(policy)`: ScheduleMeeting starts the stream; every other command acts on its
 * scheduled meeting. The policy is a parameter so a council's or a domain's timescales reach
 * every decision; the guards of MTG-1 … MTG-9 do not depend on any timescale today.
 */
export const makeDecide = stagedDecide<
  MeetingCommand,
  'ScheduleMeeting',
  MeetingState,
  ScheduledMeeting,
  MeetingPolicy,
  MeetingEvent
>({
  starts: 'ScheduleMeeting',
  start: phases.scheduleMeeting,
  stage: ({ data: d }, s) => [
    guard('STATE', `meeting ${s.meetingId ?? ''} is cancelled`, () => s.phase === 'cancelled'),
    guard('STATE', `meeting ${d.meetingId} is not scheduled`, () => !isScheduled(s)),
    guard('INPUT', `this stream holds meeting ${s.meetingId ?? ''}`, 'data.meetingId', () => {
      return d.meetingId !== s.meetingId;
    }),
  ],
  started: isScheduled,
  handlers: handlersNamed<ScheduledCommand, ScheduledMeeting, MeetingPolicy, MeetingEvent>(phases),
});
