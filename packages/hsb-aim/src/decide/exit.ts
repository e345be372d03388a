/** Exit and closure (HSB-27), reopening; an open urgent risk obligation blocks closure (HSB-23). */
import { decideWhen, accept, guard } from '@aimline/kernel';
import type { Handler } from './handler.js';

export const agreeExitPlan: Handler<'AgreeExitPlan'> = ({ data: d, at }, s) => {
  const unaddressed = d.remainingConcerns.findIndex((c) => c.howAddressed === undefined);
  return decideWhen(
    [
      guard(
        'STATE',
        'an exit plan ends an intervention; none was agreed',
        'data.caseId',
        () => s.intervention.planAgreedAt === undefined,
      ),
      guard(
        'HSB-27',
        'the exit plan says how each remaining concern is addressed',
        `data.remainingConcerns.${unaddressed}.howAddressed`,
        () => unaddressed >= 0,
      ),
    ],
    () => accept({ type: 'ExitPlanAgreed', data: { ...d, at } }),
  );
};

export const closeCase: Handler<'CloseCase'> = (command, s) => {
  const openRisk = s.emergingRisks.find((r) => r.meetingAt === undefined);
  return decideWhen(
    [
      guard(
        'HSB-27',
        'closing after an intervention needs an exit plan',
        'data.caseId',
        () => s.intervention.planAgreedAt !== undefined && s.exitPlanAt === undefined,
      ),
      guard(
        'HSB-23',
        `the multi-agency meeting for risk ${openRisk?.riskId ?? ''} is still outstanding`,
        'data.caseId',
        () => openRisk !== undefined,
      ),
    ],
    () => accept({ type: 'CaseClosed', data: { ...command.data, at: command.at } }),
  );
};

/** A closed case is reopened with a documented reason; an open one has nothing to reopen. */
export const reopenCase: Handler<'ReopenCase'> = ({ data: d, at }, s) =>
  decideWhen([guard('STATE', 'the case is open', 'data.caseId', () => s.status !== 'closed')], () =>
    accept({ type: 'CaseReopened', data: { ...d, caseId: s.caseId, at } }),
  );
