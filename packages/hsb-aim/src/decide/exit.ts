/** Exit and closure (HSB-27), reopening; an open urgent risk obligation blocks closure (HSB-23). */
import * as E from 'fp-ts/lib/Either.js';
import {
  firstFailure,
  no,
  ok,
  when,
  type CommandOfType,
  type Decision,
  type Handler,
} from './common.js';
import type { OpenCase } from '../state.js';

export const agreeExitPlan: Handler<'AgreeExitPlan'> = (command, s) => {
  const d = command.data;
  const unaddressed = d.remainingConcerns.findIndex((c) => c.howAddressed === undefined);
  const failure = firstFailure(
    () =>
      when(
        s.intervention.planAgreedAt === undefined,
        'STATE',
        'an exit plan ends an intervention; none was agreed',
      ),
    () =>
      when(
        unaddressed >= 0,
        'HSB-27',
        'the exit plan says how each remaining concern is addressed',
        `data.remainingConcerns.${unaddressed}.howAddressed`,
      ),
  );
  return failure ? E.left(failure) : ok({ type: 'ExitPlanAgreed', data: { ...d, at: command.at } });
};

export const closeCase: Handler<'CloseCase'> = (command, s) => {
  const openRisk = s.emergingRisks.find((r) => r.meetingAt === undefined);
  const failure = firstFailure(
    () =>
      when(
        s.intervention.planAgreedAt !== undefined && s.exitPlanAt === undefined,
        'HSB-27',
        'closing after an intervention needs an exit plan',
      ),
    () =>
      when(
        openRisk !== undefined,
        'HSB-23',
        `the multi-agency meeting for risk ${openRisk?.riskId ?? ''} is still outstanding`,
      ),
  );
  return failure
    ? E.left(failure)
    : ok({ type: 'CaseClosed', data: { ...command.data, at: command.at } });
};

/** A closed case rejects further work except a documented reopening. */
export const onClosedCase = (
  command: CommandOfType<'ReopenCase'> | { readonly type: string },
  s: OpenCase,
): Decision => {
  if (command.type !== 'ReopenCase')
    return no('STATE', 'the case is closed; reopen it with a documented reason first');
  const c = command as CommandOfType<'ReopenCase'>;
  return ok({ type: 'CaseReopened', data: { ...c.data, caseId: s.caseId, at: c.at } });
};

export const reopenOpenCase: Handler<'ReopenCase'> = () => no('STATE', 'the case is open');
