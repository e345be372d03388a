/**
 * The meeting's `DomainModule`: one stream per meeting, `meeting-{meetingId}`.
 */
import { deadlinesAt, englandAndWales, type Calendar } from '@aimline/calendar';
import type { DomainModule, Rejection } from '@aimline/kernel';
import { meetingCommands, type MeetingCommand } from './commands.js';
import { meetingDeadlines } from './deadlines.js';
import { makeMeetingDecider } from './decider.js';
import { meetingEvents, type MeetingEvent } from './events.js';
import { defaultMeetingPolicy, type MeetingPolicy } from './policy.js';
import type { MeetingState } from './state.js';
import { meetingTimeline } from './timeline.js';

export const MEETING_STREAM_PREFIX = 'meeting-';

/** The stream of a meeting: `meeting-{meetingId}`. */
export const meetingStream = (meetingId: string): string => `${MEETING_STREAM_PREFIX}${meetingId}`;

export type MeetingModule = DomainModule<MeetingCommand, MeetingEvent, MeetingState, Rejection>;

export const meetingModule = (
  policy: MeetingPolicy = defaultMeetingPolicy,
  calendar: Calendar = englandAndWales,
): MeetingModule => ({
  name: 'meeting',
  streamPrefix: MEETING_STREAM_PREFIX,
  decider: makeMeetingDecider(policy),
  commands: meetingCommands,
  events: meetingEvents,
  streamOf: (command) => meetingStream(command.data.meetingId),
  deadlines: (state, asOf) => deadlinesAt(meetingDeadlines(state, policy, calendar), asOf),
  timeline: meetingTimeline,
});
