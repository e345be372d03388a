/** decide(command, state): the events a command records, or the rule it would break. */
import { dispatch, handlersNamed, refuse } from '@aimline/kernel';
import type { AttendanceAimCommand } from '../commands.js';
import type { AttendanceAimEvent } from '../events.js';
import type { AttendancePolicy } from '../policy.js';
import type { AttendanceAimState, OpenCase } from '../state.js';
import type { CaseCommand, Decision } from './handler.js';
import * as phases from './phases.js';

/** One handler per command on an open case, named after it in its phase's module. */
const onOpenCase = dispatch(
  handlersNamed<CaseCommand, OpenCase, AttendancePolicy, AttendanceAimEvent>(phases),
);

export const decide =
  (policy: AttendancePolicy) =>
  (command: AttendanceAimCommand, state: AttendanceAimState): Decision => {
    if (command.type === 'OpenAttendanceCase') return phases.openAttendanceCase(command, state);
    if (state.status === 'none') return refuse('STATE', 'no attendance case has been opened');
    if (state.status === 'closed') return refuse('STATE', 'the attendance case is closed');
    return onOpenCase(command, state, policy);
  };
