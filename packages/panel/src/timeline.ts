/** Timelines of the panel's two streams: a sitting (arrangements, the sitting, its actions and minutes) and a referral. */
import { timelinePhases, type TimelinePhases } from '@aimline/kernel';
import type { PanelReferralEvent } from './referral/events.js';
import type { PanelSittingEvent } from './sitting/events.js';

export const sittingTimeline: TimelinePhases<PanelSittingEvent> = timelinePhases({
  SittingScheduled: 'arrangements',
  SittingVenueChanged: 'arrangements',
  SittingMoved: 'arrangements',
  SittingCancelled: 'arrangements',
  MembersNotified: 'arrangements',
  AttendanceRecorded: 'sitting',
  InvitedAttendanceRecorded: 'sitting',
  SittingHeld: 'sitting',
  ActionAgreed: 'actions-and-minutes',
  ActionUpdateReceived: 'actions-and-minutes',
  MinutesApproved: 'actions-and-minutes',
  MinutesDistributed: 'actions-and-minutes',
  MinutesUploaded: 'actions-and-minutes',
  HardCopiesDestroyed: 'actions-and-minutes',
});

export const referralTimeline: TimelinePhases<PanelReferralEvent> = timelinePhases({
  ReferralReceived: 'referral',
  ReferralBooked: 'referral',
  ReferralRebooked: 'referral',
  PapersSent: 'referral',
  PreviousContactsShared: 'referral',
  ReferrerAttendanceRecorded: 'referral',
  ReferralClosed: 'referral',
  DecisionRecorded: 'decision',
  HsbAimCaseRequested: 'decision',
  ReviewRecorded: 'review',
});
