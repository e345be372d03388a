/** decide(command, state): dispatches to the phase that owns the command. */
import { dispatch, refuse } from '@aimline/kernel';
import type { HsbCommand } from '../commands.js';
import type { HsbEvent } from '../events.js';
import { isCase, type HsbState, type OpenCase } from '../state.js';
import type { CaseCommand, Context, Decision } from './handler.js';
import { agreeHomeSafetyPlan, allocateAssessors, recordHomeVisit } from './assessment.js';
import * as criminal from './criminal.js';
import { escalateDisagreement, resolveDisagreement } from './escalation.js';
import { agreeExitPlan, closeCase, onClosedCase, reopenOpenCase } from './exit.js';
import {
  changeIntensity,
  holdReview,
  recordContact,
  recordPractitionerSupervision,
} from './intervention.js';
import { holdInitialAimMeeting, noteInitialAimMeetingAttendance } from './meeting.js';
import {
  holdRiskManagementMeeting,
  noteReportToChair,
  raiseEmergingRisk,
  recordConsentRefused,
  shareAssessmentWithFamily,
  submitReport,
} from './reports.js';
import { correctChildDetails } from './rectification.js';
import { endSetting, recordSetting } from './settings.js';
import { linkCase, reportConcern } from './start.js';
import {
  decideRoute,
  decideSection47,
  holdStrategyDiscussion,
  recordChildAndFamilyAssessment,
  recordConference,
} from './strategy.js';
import { bookInitialAimMeeting, holdSupervision } from './supervision.js';

/** One handler per command on an open case: a command without one does not compile. */
const onOpenCase = dispatch<CaseCommand, OpenCase, Context, HsbEvent>({
  LinkCase: linkCase,
  HoldStrategyDiscussion: holdStrategyDiscussion,
  DecideRoute: decideRoute,
  DecideSection47: decideSection47,
  RecordConference: recordConference,
  RecordChildAndFamilyAssessment: recordChildAndFamilyAssessment,
  AllocateAssessors: allocateAssessors,
  RecordSetting: recordSetting,
  EndSetting: endSetting,
  RecordHomeVisit: recordHomeVisit,
  AgreeHomeSafetyPlan: agreeHomeSafetyPlan,
  HoldSupervision: holdSupervision,
  BookInitialAimMeeting: bookInitialAimMeeting,
  SubmitReport: submitReport,
  ShareAssessmentWithFamily: shareAssessmentWithFamily,
  RecordConsentRefused: recordConsentRefused,
  RaiseEmergingRisk: raiseEmergingRisk,
  HoldRiskManagementMeeting: holdRiskManagementMeeting,
  NoteReportToChair: noteReportToChair,
  NoteInitialAimMeetingAttendance: noteInitialAimMeetingAttendance,
  HoldInitialAimMeeting: holdInitialAimMeeting,
  RecordContact: recordContact,
  RecordPractitionerSupervision: recordPractitionerSupervision,
  ChangeIntensity: changeIntensity,
  HoldReview: holdReview,
  AgreeExitPlan: agreeExitPlan,
  CloseCase: closeCase,
  ReopenCase: reopenOpenCase,
  RecordAdmission: criminal.recordAdmission,
  RecordBail: criminal.recordBail,
  PoliceTriggerAssessment: criminal.policeTriggerAssessment,
  RecordPoliceDecision: criminal.recordPoliceDecision,
  RecordCharge: criminal.recordCharge,
  EnterPlea: criminal.enterPlea,
  RecordFinding: criminal.recordFinding,
  RequestCourtTime: criminal.requestCourtTime,
  ReferBackToChildProtection: criminal.referBackToChildProtection,
  RecordWithdrawal: criminal.recordWithdrawal,
  StartCustody: criminal.startCustody,
  RecordRelease: criminal.recordRelease,
  EscalateDisagreement: escalateDisagreement,
  ResolveDisagreement: resolveDisagreement,
  CorrectChildDetails: correctChildDetails,
});

export const makeDecide =
  (ctx: Context) =>
  (command: HsbCommand, state: HsbState): Decision => {
    if (command.type === 'ReportConcern')
      return isCase(state)
        ? refuse('STATE', 'a concern is already reported for this case')
        : reportConcern(command, ctx);
    if (!isCase(state)) return refuse('STATE', 'no concern has been reported for this case');
    if (command.data.caseId !== state.caseId)
      return refuse('INPUT', 'the command is for another case', 'data.caseId');
    if (command.type === 'CorrectChildDetails') return correctChildDetails(command, state);
    if (state.status === 'closed') return onClosedCase(command, state);
    return onOpenCase(command, state, ctx);
  };
