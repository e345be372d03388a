/**
 * The kernel's decide toolkit, specialised to a meeting: every command but ScheduleMeeting acts
 * on a scheduled meeting, either before it is held or after (MTG-6: recording the attendance
 * makes it held).
 */
import { guard, type Check, type Decision as KernelDecision, type Handlers } from '@aimline/kernel';
import type { MeetingCommand } from '../commands.js';
import type { MeetingEvent } from '../events.js';
import type { MeetingPolicy } from '../policy.js';
import type { MeetingState, Schedule } from '../state.js';

export type Decision = KernelDecision<MeetingEvent>;

/** A meeting that has been scheduled (and, `decide` has checked, is not cancelled). */
export type ScheduledMeeting = MeetingState & { readonly schedule: Schedule };

export const isScheduled = (state: MeetingState): state is ScheduledMeeting =>
  state.schedule !== null;

/** Every command but ScheduleMeeting acts on a scheduled meeting. */
export type ScheduledCommand = Exclude<MeetingCommand, { readonly type: 'ScheduleMeeting' }>;

export type Handler<K extends ScheduledCommand['type']> = ScheduledHandlers[K];
type ScheduledHandlers = Handlers<ScheduledCommand, ScheduledMeeting, MeetingPolicy, MeetingEvent>;

/** The attendance sheet is not yet recorded: the meeting is still ahead. */
export const beforeMeeting = (m: ScheduledMeeting): Check =>
  guard(
    'STATE',
    `meeting ${m.meetingId ?? ''} has already been held`,
    'data.meetingId',
    () => m.attendance !== null,
  );

/** MTG-6: the meeting has been held (its attendance is recorded). */
export const afterMeeting = (m: ScheduledMeeting): Check =>
  guard(
    'STATE',
    `meeting ${m.meetingId ?? ''} has not been held (no attendance recorded)`,
    'data.meetingId',
    () => m.attendance === null,
  );
