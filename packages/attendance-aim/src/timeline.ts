/** The attendance AIM timeline: attendance record, before the meeting, meetings and reviews, escalation. */
import { timelinePhases, type TimelinePhases } from '@aimline/kernel';
import type { AttendanceAimEvent } from './events.js';

export const attendanceAimTimeline: TimelinePhases<AttendanceAimEvent> = timelinePhases({
  AttendanceImported: 'attendance',
  AttendanceMarkCorrected: 'attendance',
  AttendanceCaseOpened: 'before-meeting',
  ParentCarerAdded: 'before-meeting',
  SupportEvidenceAttached: 'before-meeting',
  AimScheduled: 'before-meeting',
  AimRearranged: 'before-meeting',
  AimLetterSent: 'before-meeting',
  InteractionRecorded: 'before-meeting',
  VoiceCaptured: 'meetings',
  DocumentFiled: 'meetings',
  AimHeld: 'meetings',
  AimNotHeld: 'meetings',
  AimOutcomeRecorded: 'meetings',
  TargetsReviewed: 'meetings',
  LegalInterventionMeetingHeld: 'meetings',
  NoEngagementRecorded: 'escalation',
  InclusionOfficerConsulted: 'escalation',
  LegalProceedingsRequested: 'escalation',
  ProsecutionConsidered: 'escalation',
  LegalStepRecorded: 'escalation',
  PenaltyPaid: 'escalation',
  CaseClosed: 'escalation',
});
