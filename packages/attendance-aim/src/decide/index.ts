/** decide(command, state): the events a command records, or the rule it would break. */
import type { AttendanceAimCommand } from '../commands.js';
import type { AttendancePolicy } from '../policy.js';
import type { AttendanceAimState } from '../state.js';
import { importAttendance, correctAttendanceMark } from './attendance.js';
import {
  attachSupportEvidence,
  rearrangeAim,
  scheduleAim,
  sendAimLetter,
} from './before-meeting.js';
import { addParentCarer, closeCase, openAttendanceCase } from './case.js';
import {
  consultInclusionOfficer,
  holdLegalInterventionMeeting,
  recordNoEngagement,
  recordProsecutionConsiderations,
  requestLegalProceedings,
} from './escalation.js';
import { recordLegalStep, recordPenaltyPayment } from './legal-steps.js';
import { recordAimAttendance } from './meeting.js';
import { recordAimOutcome, reviewTargets } from './outcomes.js';
import { captureVoice, fileDocument, recordInteraction } from './records.js';
import type { Decision } from './support.js';

export const decide =
  (policy: AttendancePolicy) =>
  (command: AttendanceAimCommand, state: AttendanceAimState): Decision => {
    const at = command.at;
    switch (command.type) {
      case 'OpenAttendanceCase':
        return openAttendanceCase(command.data, at, state);
      case 'AddParentCarer':
        return addParentCarer(command.data, at, state);
      case 'ImportAttendance':
        return importAttendance(command.data, at, state);
      case 'CorrectAttendanceMark':
        return correctAttendanceMark(command.data, at, state);
      case 'AttachSupportEvidence':
        return attachSupportEvidence(command.data, at, state);
      case 'ScheduleAim':
        return scheduleAim(command.data, at, state);
      case 'RearrangeAim':
        return rearrangeAim(command.data, at, state);
      case 'SendAimLetter':
        return sendAimLetter(command.data, at, state, policy);
      case 'RecordInteraction':
        return recordInteraction(command.data, at, state);
      case 'CaptureVoice':
        return captureVoice(command.data, at, state);
      case 'FileDocument':
        return fileDocument(command.data, at, state);
      case 'RecordAimAttendance':
        return recordAimAttendance(command.data, at, state, policy);
      case 'RecordAimOutcome':
        return recordAimOutcome(command.data, at, state, policy);
      case 'ReviewTargets':
        return reviewTargets(command.data, at, state, policy);
      case 'RecordNoEngagement':
        return recordNoEngagement(command.data, at, state);
      case 'ConsultInclusionOfficer':
        return consultInclusionOfficer(command.data, at, state, policy);
      case 'HoldLegalInterventionMeeting':
        return holdLegalInterventionMeeting(command.data, at, state, policy);
      case 'RequestLegalProceedings':
        return requestLegalProceedings(command.data, at, state, policy);
      case 'RecordProsecutionConsiderations':
        return recordProsecutionConsiderations(command.data, at, state, policy);
      case 'RecordLegalStep':
        return recordLegalStep(command.data, at, state, policy);
      case 'RecordPenaltyPayment':
        return recordPenaltyPayment(command.data, at, state);
      case 'CloseCase':
        return closeCase(command.data, at, state);
    }
  };
