/** Exit and closure (HSB-27), reopening; an open urgent risk obligation blocks closure (HSB-23). */
import { decideWhen, accept, refuse, check } from '@aimline/kernel';
import type { CaseCommand, Decision, Handler } from './handler.js';
import type { OpenCase } from '../state.js';

export const agreeExitPlan: Handler<'AgreeExitPlan'> = (command, s) => {
  const d = command.data;
  const unaddressed = d.remainingConcerns.findIndex((c) => c.howAddressed === undefined);
  return decideWhen(
    [
      () =>
        check(
          s.intervention.planAgreedAt === undefined,
          'STATE',
          'an exit plan ends an intervention; none was agreed',
        ),
      () =>
        check(
          unaddressed >= 0,
          'HSB-27',
          'the exit plan says how each remaining concern is addressed',
          `data.remainingConcerns.${unaddressed}.howAddressed`,
        ),
    ],
    () => accept({ type: 'ExitPlanAgreed', data: { ...d, at: command.at } }),
  );
};

export const closeCase: Handler<'CloseCase'> = (command, s) => {
  const openRisk = s.emergingRisks.find((r) => r.meetingAt === undefined);
  return decideWhen(
    [
      () =>
        check(
          s.intervention.planAgreedAt !== undefined && s.exitPlanAt === undefined,
          'HSB-27',
          'closing after an intervention needs an exit plan',
        ),
      () =>
        check(
          openRisk !== undefined,
          'HSB-23',
          `the multi-agency meeting for risk ${openRisk?.riskId ?? ''} is still outstanding`,
        ),
    ],
    () => accept({ type: 'CaseClosed', data: { ...command.data, at: command.at } }),
  );
};

/** A closed case rejects further work except a documented reopening. */
export const onClosedCase = (command: CaseCommand, s: OpenCase): Decision =>
  command.type === 'ReopenCase'
    ? accept({
        type: 'CaseReopened',
        data: { ...command.data, caseId: s.caseId, at: command.at },
      })
    : refuse('STATE', 'the case is closed; reopen it with a documented reason first');

export const reopenOpenCase: Handler<'ReopenCase'> = () => refuse('STATE', 'the case is open');
