/**
 * The meeting's `DomainModule`: one stream per meeting, `meeting-{meetingId}`.
 */
import { englandAndWales, type Calendar } from '@aimline/calendar';
import { domainModule, prefixedStream, type DomainModule, type Rejection } from '@aimline/kernel';
import { meetingCommands, type MeetingCommand } from './commands.js';
import { meetingDeadlines } from './deadlines.js';
import { makeMeetingDecider } from './decider.js';
import { meetingEvents, type MeetingEvent } from './events.js';
import { defaultMeetingPolicy, type MeetingPolicy } from './policy.js';
import type { MeetingState } from './state.js';
import { meetingTimeline } from './timeline.js';

export const MEETING_STREAM_PREFIX = 'meeting-';

/** The stream of a meeting: `meeting-{meetingId}`. */
export const meetingStream = prefixedStream(MEETING_STREAM_PREFIX);

export type MeetingModule = DomainModule<MeetingCommand, MeetingEvent, MeetingState, Rejection>;

export const meetingModule = (
  policy: MeetingPolicy = defaultMeetingPolicy,
  calendar: Calendar = englandAndWales,
): MeetingModule =>
  domainModule('meeting', 'meetingId', {
    decider: makeMeetingDecider(policy),
    commands: meetingCommands,
    events: meetingEvents,
    deadlines: (state) => meetingDeadlines(state, policy, calendar),
    timeline: meetingTimeline,
  });
