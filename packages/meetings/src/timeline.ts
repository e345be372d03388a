/** A meeting's timeline: arrangements, the meeting itself, its minutes. */
import { timelinePhases, type TimelinePhases } from '@aimline/kernel';
import type { MeetingEvent } from './events.js';

export const meetingTimeline: TimelinePhases<MeetingEvent> = timelinePhases({
  MeetingScheduled: 'arrangements',
  MeetingRescheduled: 'arrangements',
  MeetingCancelled: 'arrangements',
  InviteListSubmitted: 'arrangements',
  MinuteTakerAllocated: 'arrangements',
  ContactDetailsConfirmed: 'arrangements',
  ContactDetailsQueried: 'arrangements',
  ContactDetailsAmended: 'arrangements',
  InvitationSent: 'arrangements',
  ReportSubmittedToChair: 'arrangements',
  AttendanceRecorded: 'meeting',
  DraftMinutesSubmitted: 'minutes',
  MinutesApproved: 'minutes',
  MinutesDistributed: 'minutes',
  MinutesUploaded: 'minutes',
  HardCopiesDestroyed: 'minutes',
});
