/**
 * `decide` for a meeting: ScheduleMeeting on a new stream; every other command, through the
 * kernel's typed dispatch, on this stream's scheduled, uncancelled meeting.
 */
import { dispatch, refuse } from '@aimline/kernel';
import type { MeetingCommand } from '../commands.js';
import type { MeetingEvent } from '../events.js';
import type { MeetingPolicy } from '../policy.js';
import type { MeetingState } from '../state.js';
import {
  allocateMinuteTaker,
  cancelMeeting,
  rescheduleMeeting,
  scheduleMeeting,
  submitInviteList,
} from './arranging.js';
import { recordAttendance } from './attendance.js';
import {
  isScheduled,
  type Decision,
  type ScheduledCommand,
  type ScheduledMeeting,
} from './handler.js';
import {
  amendContactDetails,
  confirmContactDetails,
  queryContactDetails,
  sendInvitation,
} from './invitations.js';
import {
  approveMinutes,
  destroyHardCopies,
  distributeMinutes,
  submitDraftMinutes,
  uploadMinutes,
} from './minutes.js';
import { submitReportToChair } from './reports.js';

export type { Decision } from './handler.js';

const onScheduledMeeting = dispatch<
  ScheduledCommand,
  ScheduledMeeting,
  MeetingPolicy,
  MeetingEvent
>({
  RescheduleMeeting: rescheduleMeeting,
  CancelMeeting: cancelMeeting,
  SubmitInviteList: submitInviteList,
  AllocateMinuteTaker: allocateMinuteTaker,
  ConfirmContactDetails: confirmContactDetails,
  QueryContactDetails: queryContactDetails,
  AmendContactDetails: amendContactDetails,
  SendInvitation: sendInvitation,
  SubmitReportToChair: submitReportToChair,
  RecordAttendance: recordAttendance,
  SubmitDraftMinutes: submitDraftMinutes,
  ApproveMinutes: approveMinutes,
  DistributeMinutes: distributeMinutes,
  UploadMinutes: uploadMinutes,
  DestroyHardCopies: destroyHardCopies,
});

/**
 * The policy is a parameter so a council's or a domain's timescales reach every decision; the
 * guards of MTG-1 … MTG-9 do not depend on any timescale today.
 */
export const makeDecide =
  (policy: MeetingPolicy) =>
  (command: MeetingCommand, state: MeetingState): Decision => {
    if (command.type === 'ScheduleMeeting') return scheduleMeeting(command, state);
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
