/**
 * `decide` for a meeting: dispatches each command to its phase.
 */
import type { MeetingCommand } from '../commands.js';
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
import type { Decision } from './guards.js';
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

export type { Decision } from './guards.js';

/**
 * The policy is a parameter so a council's or a domain's timescales reach every decision; the
 * guards of MTG-1 … MTG-9 do not depend on any timescale today.
 */
export const makeDecide =
  (_policy: MeetingPolicy) =>
  (command: MeetingCommand, state: MeetingState): Decision => {
    switch (command.type) {
      case 'ScheduleMeeting':
        return scheduleMeeting(command, state);
      case 'RescheduleMeeting':
        return rescheduleMeeting(command, state);
      case 'CancelMeeting':
        return cancelMeeting(command, state);
      case 'SubmitInviteList':
        return submitInviteList(command, state);
      case 'AllocateMinuteTaker':
        return allocateMinuteTaker(command, state);
      case 'ConfirmContactDetails':
        return confirmContactDetails(command, state);
      case 'QueryContactDetails':
        return queryContactDetails(command, state);
      case 'AmendContactDetails':
        return amendContactDetails(command, state);
      case 'SendInvitation':
        return sendInvitation(command, state);
      case 'SubmitReportToChair':
        return submitReportToChair(command, state);
      case 'RecordAttendance':
        return recordAttendance(command, state);
      case 'SubmitDraftMinutes':
        return submitDraftMinutes(command, state);
      case 'ApproveMinutes':
        return approveMinutes(command, state);
      case 'DistributeMinutes':
        return distributeMinutes(command, state);
      case 'UploadMinutes':
        return uploadMinutes(command, state);
      case 'DestroyHardCopies':
        return destroyHardCopies(command, state);
    }
  };
