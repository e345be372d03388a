/** The attendance AIM case as a kernel DomainModule (stream `attendance-aim-{caseId}`). */
import {
  domainModule,
  prefixedStream,
  validatingDecider,
  type Decider,
  type DomainModule,
  type Rejection,
} from '@aimline/kernel';
import { attendanceAimCommands, type AttendanceAimCommand } from './commands.js';
import { attendanceDeadlines } from './deadlines.js';
import { decide } from './decide/index.js';
import { attendanceAimEvents, type AttendanceAimEvent } from './events.js';
import { evolve } from './evolve.js';
import { defaultAttendancePolicy, type AttendancePolicy } from './policy.js';
import { schoolCalendar, type SchoolCalendar } from './school-calendar.js';
import { initialState, type AttendanceAimState } from './state.js';
import { attendanceAimTimeline } from './timeline.js';

export const ATTENDANCE_AIM_STREAM_PREFIX = 'attendance-aim-';

export const attendanceAimStream = prefixedStream(ATTENDANCE_AIM_STREAM_PREFIX);

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
export const attendanceAimModule = (
  policy: AttendancePolicy = defaultAttendancePolicy,
  schoolCalendarOf: (schoolId: string | undefined) => SchoolCalendar = () => workingDays,
): DomainModule<AttendanceAimCommand, AttendanceAimEvent, AttendanceAimState, Rejection> =>
  domainModule('attendance-aim', 'caseId', {
    decider: makeAttendanceAimDecider(policy),
    commands: attendanceAimCommands,
    events: attendanceAimEvents,
    deadlines: (state) =>
      attendanceDeadlines(
        state,
        policy,
        schoolCalendarOf(state.status === 'none' ? undefined : state.school.schoolId),
      ),
    timeline: attendanceAimTimeline,
  });
