/**
 * `decide` for a meeting: ScheduleMeeting on a new stream; every other command, through the
 * kernel's typed dispatch, on this stream's scheduled, uncancelled meeting.
 */
import { found, guard, handlersNamed, stagedDecide } from '@aimline/kernel';
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
  // MTG-1: a cancelled meeting takes no further command.
  started: ({ data: d }, s) =>
    found(
      s.phase === 'cancelled' || !isScheduled(s) ? undefined : s,
      'STATE',
      s.phase === 'cancelled'
        ? `meeting ${s.meetingId ?? ''} is cancelled`
        : `meeting ${d.meetingId} is not scheduled`,
      'data.meetingId',
    ),
  stage: ({ data: d }, m) => [
    guard('INPUT', `this stream holds meeting ${m.meetingId ?? ''}`, 'data.meetingId', () => {
      return d.meetingId !== m.meetingId;
    }),
  ],
  handlers: handlersNamed<ScheduledCommand, ScheduledMeeting, MeetingPolicy, MeetingEvent>(phases),
});
