/** decide(command, state): the events a command records, or the rule it would break. */
import { dispatch, refuse } from '@aimline/kernel';
import type { AttendanceAimCommand } from '../commands.js';
import type { AttendanceAimEvent } from '../events.js';
import type { AttendancePolicy } from '../policy.js';
import type { AttendanceAimState, OpenCase } from '../state.js';
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
import type { CaseCommand, Decision } from './handler.js';
import { recordLegalStep, recordPenaltyPayment } from './legal-steps.js';
import { recordAimAttendance } from './meeting.js';
import { recordAimOutcome, reviewTargets } from './outcomes.js';
import { captureVoice, fileDocument, recordInteraction } from './records.js';

/** One handler per command on an open case: a command without one does not compile. */
const onOpenCase = dispatch<CaseCommand, OpenCase, AttendancePolicy, AttendanceAimEvent>({
  AddParentCarer: addParentCarer,
  ImportAttendance: importAttendance,
  CorrectAttendanceMark: correctAttendanceMark,
  AttachSupportEvidence: attachSupportEvidence,
  ScheduleAim: scheduleAim,
  RearrangeAim: rearrangeAim,
  SendAimLetter: sendAimLetter,
  RecordInteraction: recordInteraction,
  CaptureVoice: captureVoice,
  FileDocument: fileDocument,
  RecordAimAttendance: recordAimAttendance,
  RecordAimOutcome: recordAimOutcome,
  ReviewTargets: reviewTargets,
  RecordNoEngagement: recordNoEngagement,
  ConsultInclusionOfficer: consultInclusionOfficer,
  HoldLegalInterventionMeeting: holdLegalInterventionMeeting,
  RequestLegalProceedings: requestLegalProceedings,
  RecordProsecutionConsiderations: recordProsecutionConsiderations,
  RecordLegalStep: recordLegalStep,
  RecordPenaltyPayment: recordPenaltyPayment,
  CloseCase: closeCase,
});

export const decide =
  (policy: AttendancePolicy) =>
  (command: AttendanceAimCommand, state: AttendanceAimState): Decision => {
    if (command.type === 'OpenAttendanceCase') return openAttendanceCase(command, state);
    if (state.status === 'none') return refuse('STATE', 'no attendance case has been opened');
    if (state.status === 'closed') return refuse('STATE', 'the attendance case is closed');
    return onOpenCase(command, state, policy);
  };
