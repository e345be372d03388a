/** The attendance AIM case as a kernel DomainModule (stream `attendance-aim-{caseId}`). */
import type { Decider, DomainModule, Rejection } from '@aimline/kernel';
import { attendanceAimCommands, type AttendanceAimCommand } from './commands.js';
import { decide } from './decide/index.js';
import { attendanceAimEvents, type AttendanceAimEvent } from './events.js';
import { evolve } from './evolve.js';
import { defaultAttendancePolicy, type AttendancePolicy } from './policy.js';
import { initialState, type AttendanceAimState } from './state.js';

export const ATTENDANCE_AIM_STREAM_PREFIX = 'attendance-aim-';

export const attendanceAimStream = (caseId: string): string =>
  `${ATTENDANCE_AIM_STREAM_PREFIX}${caseId}`;

export const makeAttendanceAimDecider = (
  policy: AttendancePolicy = defaultAttendancePolicy,
): Decider<AttendanceAimCommand, AttendanceAimEvent, AttendanceAimState> => ({
  initialState,
  decide: decide(policy),
  evolve,
  isTerminal: (state) => state.status === 'closed',
});

export const attendanceAimModule = (
  policy: AttendancePolicy = defaultAttendancePolicy,
): DomainModule<AttendanceAimCommand, AttendanceAimEvent, AttendanceAimState, Rejection> => ({
  name: 'attendance-aim',
  streamPrefix: ATTENDANCE_AIM_STREAM_PREFIX,
  decider: makeAttendanceAimDecider(policy),
  commands: attendanceAimCommands,
  events: attendanceAimEvents,
  streamOf: (command) => attendanceAimStream(command.data.caseId),
});
