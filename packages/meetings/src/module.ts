/**
 * The meeting's `DomainModule`: one stream per meeting, `meeting-{meetingId}`.
 */
import { englandAndWales } from '@aimline/calendar';
import { configuredModule, type DomainModule, type Rejection } from '@aimline/kernel';
import { meetingCommands, type MeetingCommand } from './commands.js';
import { meetingDeadlines } from './deadlines.js';
import { makeMeetingDecider } from './decider.js';
import { meetingEvents, type MeetingEvent } from './events.js';
import { defaultMeetingPolicy } from './policy.js';
import type { MeetingState } from './state.js';
import { meetingTimeline } from './timeline.js';

export type MeetingModule = DomainModule<MeetingCommand, MeetingEvent, MeetingState, Rejection>;

/** `meetingModule(policy?, calendar?)`: England and Wales' calendar unless another is given. */
export const meetingModule = configuredModule('meeting', 'meetingId', {
  defaults: [defaultMeetingPolicy, englandAndWales],
  decider: makeMeetingDecider,
  deadlines: meetingDeadlines,
  commands: meetingCommands,
  events: meetingEvents,
  timeline: meetingTimeline,
});

/** The stream of a meeting: `meeting-{meetingId}`. */
export const { prefix: MEETING_STREAM_PREFIX, of: meetingStream } = meetingModule.streams;
