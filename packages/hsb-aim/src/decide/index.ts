/** decide(command, state): dispatches to the phase that owns the command. */
import { decideWhen, found, guard, handlersNamed, stagedDecide } from '@aimline/kernel';
import type { HsbCommand } from '../commands.js';
import type { HsbEvent } from '../events.js';
import { isCase, type HsbState, type OpenCase } from '../state.js';
import type { CaseCommand, Context } from './handler.js';
import * as phases from './phases.js';

/** What a closed case still takes: a rectification, and its documented reopening. */
const onClosedCase: ReadonlyArray<CaseCommand['type']> = ['CorrectChildDetails', 'ReopenCase'];

/**
 * `makeDecide(ctx)`: ReportConcern starts the case; every other command acts on this case, open
 * (or, for those above, closed), through the handler named after it in its phase's module
 * (`decideRoute` handles DecideRoute): a command without one does not compile.
 */
export const makeDecide = stagedDecide<
  HsbCommand,
  'ReportConcern',
  HsbState,
  OpenCase,
  Context,
  HsbEvent
>({
  starts: 'ReportConcern',
  start: (command, state, ctx) =>
    decideWhen(
      [
        guard('STATE', 'a concern is already reported for this case', 'data.caseId', () =>
          isCase(state),
        ),
      ],
      () => phases.reportConcern(command, ctx),
    ),
  started: (_, s) =>
    found(
      isCase(s) ? s : undefined,
      'STATE',
      'no concern has been reported for this case',
      'data.caseId',
    ),
  stage: (command, s) => [
    guard('INPUT', 'the command is for another case', 'data.caseId', () => {
      return command.data.caseId !== s.caseId;
    }),
    guard(
      'STATE',
      'the case is closed; reopen it with a documented reason first',
      'data.caseId',
      () => {
        return s.status === 'closed' && !onClosedCase.includes(command.type);
      },
    ),
  ],
  handlers: handlersNamed<CaseCommand, OpenCase, Context, HsbEvent>(phases),
});
