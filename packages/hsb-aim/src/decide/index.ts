/** decide(command, state): dispatches to the phase that owns the command. */
import { accept, dispatch, handlersNamed, refuse } from '@aimline/kernel';
import type { HsbCommand } from '../commands.js';
import type { HsbEvent } from '../events.js';
import { isCase, type HsbState, type OpenCase } from '../state.js';
import type { CaseCommand, Context, Decision } from './handler.js';
import * as assessment from './assessment.js';
import * as criminal from './criminal.js';
import * as escalation from './escalation.js';
import * as exit from './exit.js';
import * as intervention from './intervention.js';
import * as meeting from './meeting.js';
import * as reports from './reports.js';
import * as rectification from './rectification.js';
import * as settings from './settings.js';
import * as start from './start.js';
import * as strategy from './strategy.js';
import * as supervision from './supervision.js';

/**
 * One handler per command on an open case, each named after its command in its phase's module
 * (`decideRoute` handles DecideRoute): a command without one does not compile.
 */
const onOpenCase = dispatch(
  handlersNamed<CaseCommand, OpenCase, Context, HsbEvent>({
    ...start,
    ...strategy,
    ...assessment,
    ...settings,
    ...supervision,
    ...meeting,
    ...reports,
    ...intervention,
    ...criminal,
    ...escalation,
    ...exit,
    ...rectification,
  }),
);

/** A closed case rejects further work except a documented reopening. */
const onClosedCase = (command: CaseCommand, s: OpenCase): Decision =>
  command.type === 'ReopenCase'
    ? accept({
        type: 'CaseReopened',
        data: { ...command.data, caseId: s.caseId, at: command.at },
      })
    : refuse('STATE', 'the case is closed; reopen it with a documented reason first');

export const makeDecide =
  (ctx: Context) =>
  (command: HsbCommand, state: HsbState): Decision => {
    if (command.type === 'ReportConcern')
      return isCase(state)
        ? refuse('STATE', 'a concern is already reported for this case')
        : start.reportConcern(command, ctx);
    if (!isCase(state)) return refuse('STATE', 'no concern has been reported for this case');
    if (command.data.caseId !== state.caseId)
      return refuse('INPUT', 'the command is for another case', 'data.caseId');
    if (command.type === 'CorrectChildDetails')
      return rectification.correctChildDetails(command, state, ctx);
    if (state.status === 'closed') return onClosedCase(command, state);
    return onOpenCase(command, state, ctx);
  };
