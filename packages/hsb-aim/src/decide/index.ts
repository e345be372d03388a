/** decide(command, state): dispatches to the phase that owns the command. */
import { accept, dispatch, handlersNamed, refuse } from '@aimline/kernel';
import type { HsbCommand } from '../commands.js';
import type { HsbEvent } from '../events.js';
import { isCase, type HsbState, type OpenCase } from '../state.js';
import type { CaseCommand, Context, Decision } from './handler.js';
import * as phases from './phases.js';

/**
 * One handler per command on an open case, each named after its command in its phase's module
 * (`decideRoute` handles DecideRoute): a command without one does not compile.
 */
const onOpenCase = dispatch(handlersNamed<CaseCommand, OpenCase, Context, HsbEvent>(phases));

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
        : phases.reportConcern(command, ctx);
    if (!isCase(state)) return refuse('STATE', 'no concern has been reported for this case');
    if (command.data.caseId !== state.caseId)
      return refuse('INPUT', 'the command is for another case', 'data.caseId');
    if (command.type === 'CorrectChildDetails')
      return phases.correctChildDetails(command, state, ctx);
    if (state.status === 'closed') return onClosedCase(command, state);
    return onOpenCase(command, state, ctx);
  };
