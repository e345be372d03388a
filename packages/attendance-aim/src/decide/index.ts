/** decide(command, state): the events a command records, or the rule it would break. */
import { found, guard, handlersNamed, stagedDecide } from '@aimline/kernel';
import type { AttendanceAimCommand } from '../commands.js';
import type { AttendanceAimEvent } from '../events.js';
import type { AttendancePolicy } from '../policy.js';
import type { AttendanceAimState, OpenCase } from '../state.js';
import type { CaseCommand } from './handler.js';
import * as phases from './phases.js';

/**
 * `decide(policy)`: OpenAttendanceCase opens the case; every other command acts on the open
 * case, through the handler named after it in its phase's module.
 */
export const decide = stagedDecide<
  AttendanceAimCommand,
  'OpenAttendanceCase',
  AttendanceAimState,
  OpenCase,
  AttendancePolicy,
  AttendanceAimEvent
>({
  starts: 'OpenAttendanceCase',
  start: phases.openAttendanceCase,
  started: (_, s) =>
    found(
      s.status === 'none' ? undefined : s,
      'STATE',
      'no attendance case has been opened',
      'data.caseId',
    ),
  stage: (_, s) => [
    guard('STATE', 'the attendance case is closed', 'data.caseId', () => s.status === 'closed'),
  ],
  handlers: handlersNamed<CaseCommand, OpenCase, AttendancePolicy, AttendanceAimEvent>(phases),
});
