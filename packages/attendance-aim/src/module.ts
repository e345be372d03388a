/** The attendance AIM case as a kernel DomainModule (stream `attendance-aim-{caseId}`). */
import { configuredModule, validatingDecider, type Decider } from '@aimline/kernel';
import { attendanceAimCommands, type AttendanceAimCommand } from './commands.js';
import { attendanceDeadlines } from './deadlines.js';
import { decide } from './decide/index.js';
import { attendanceAimEvents, type AttendanceAimEvent } from './events.js';
import { evolve } from './evolve.js';
import { defaultAttendancePolicy, type AttendancePolicy } from './policy.js';
import { schoolCalendar, type SchoolCalendar } from './school-calendar.js';
import { initialState, type AttendanceAimState } from './state.js';
import { attendanceAimTimeline } from './timeline.js';

/** The decider; `decide` validates the command first (bad data: an `INPUT` rejection naming the field). */
export const makeAttendanceAimDecider = (
  policy: AttendancePolicy = defaultAttendancePolicy,
): Decider<AttendanceAimCommand, AttendanceAimEvent, AttendanceAimState> =>
  validatingDecider({ initialState, decide: decide(policy), evolve }, attendanceAimCommands);

/** Without term dates, every England and Wales working day counts as a school day. */
const workingDays = schoolCalendar({ id: 'working-days', terms: [] });

/**
 * The module for a council's policy; `schoolCalendarOf` gives the term dates of a school (by
 * id; `undefined` before a case names its school) for counting school days in deadlines.
 */
export const attendanceAimModule = configuredModule('attendance-aim', 'caseId', {
  defaults: [
    defaultAttendancePolicy,
    (_schoolId: string | undefined): SchoolCalendar => workingDays,
  ],
  decider: makeAttendanceAimDecider,
  deadlines: (state: AttendanceAimState, policy, schoolCalendarOf) =>
    attendanceDeadlines(
      state,
      policy,
      schoolCalendarOf(state.status === 'none' ? undefined : state.school.schoolId),
    ),
  commands: attendanceAimCommands,
  events: attendanceAimEvents,
  timeline: attendanceAimTimeline,
});

export const { prefix: ATTENDANCE_AIM_STREAM_PREFIX, of: attendanceAimStream } =
  attendanceAimModule.streams;
