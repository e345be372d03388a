/** The attendance AIM case as a kernel DomainModule (stream `attendance-aim-{caseId}`). */
import { configuredModule, type Decider } from '@aimline/kernel';
import type { AttendanceAimCommand } from './commands.js';
import type { AttendanceAimEvent } from './events.js';
import * as attendanceParts from './module-parts.js';
import type { AttendancePolicy } from './policy.js';
import type { AttendanceAimState } from './state.js';

/**
 * The module for a council's policy; `schoolCalendarOf` gives the term dates of a school (by
 * id; `undefined` before a case names its school) for counting school days in deadlines.
 */
export const attendanceAimModule = configuredModule('attendance-aim', 'caseId', attendanceParts);

/** The decider; `decide` validates the command first (bad data: an `INPUT` rejection naming the field). */
export const makeAttendanceAimDecider = (
  policy?: AttendancePolicy,
): Decider<AttendanceAimCommand, AttendanceAimEvent, AttendanceAimState> =>
  attendanceAimModule.decider(policy);

export const { prefix: ATTENDANCE_AIM_STREAM_PREFIX, of: attendanceAimStream } =
  attendanceAimModule.streams;
