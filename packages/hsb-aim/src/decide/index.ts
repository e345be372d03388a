/** decide(command, state): dispatches to the phase that owns the command. */
import * as E from 'fp-ts/lib/Either.js';
import { reject } from '@aimline/kernel';
import type { HsbCommand, HsbCommandType } from '../commands.js';
import { isCase, type HsbState } from '../state.js';
import type { Context, Decision, Handler } from './common.js';
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
import { holdInitialAimMeeting } from './meeting.js';
import {
  holdRiskManagementMeeting,
  raiseEmergingRisk,
  recordConsentRefused,
  shareAssessmentWithFamily,
  submitReport,
} from './reports.js';
import { linkCase, reportConcern } from './start.js';
import {
  decideRoute,
  decideSection47,
  holdStrategyDiscussion,
  recordChildAndFamilyAssessment,
  recordConference,
} from './strategy.js';
import { bookInitialAimMeeting, holdSupervision } from './supervision.js';

type Handlers = { readonly [K in Exclude<HsbCommandType, 'ReportConcern'>]: Handler<K> };

const handlers: Handlers = {
  LinkCase: linkCase,
  HoldStrategyDiscussion: holdStrategyDiscussion,
  DecideRoute: decideRoute,
  DecideSection47: decideSection47,
  RecordConference: recordConference,
  RecordChildAndFamilyAssessment: recordChildAndFamilyAssessment,
  AllocateAssessors: allocateAssessors,
  RecordHomeVisit: recordHomeVisit,
  AgreeHomeSafetyPlan: agreeHomeSafetyPlan,
  HoldSupervision: holdSupervision,
  BookInitialAimMeeting: bookInitialAimMeeting,
  SubmitReport: submitReport,
  ShareAssessmentWithFamily: shareAssessmentWithFamily,
  RecordConsentRefused: recordConsentRefused,
  RaiseEmergingRisk: raiseEmergingRisk,
  HoldRiskManagementMeeting: holdRiskManagementMeeting,
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
  StartCustody: criminal.startCustody,
  RecordRelease: criminal.recordRelease,
  EscalateDisagreement: escalateDisagreement,
  ResolveDisagreement: resolveDisagreement,
};

export const makeDecide =
  (ctx: Context) =>
  (command: HsbCommand, state: HsbState): Decision => {
    if (command.type === 'ReportConcern')
      return isCase(state)
        ? E.left(reject('STATE', 'a concern is already reported for this case'))
        : reportConcern(command, ctx);
    if (!isCase(state))
      return E.left(reject('STATE', 'no concern has been reported for this case'));
    if (command.data.caseId !== state.caseId)
      return E.left(reject('INPUT', 'the command is for another case', 'data.caseId'));
    if (state.status === 'closed') return onClosedCase(command, state);
    const handler = handlers[command.type] as Handler<typeof command.type>;
    return handler(command, state, ctx);
  };
