/**
 * The parts of the attendance AIM module under the names the kernel's `configuredModule` reads:
 * this file is passed to it whole (`import * as attendanceParts`). Its "calendar" is a source of
 * school calendars: the term dates of a school by id (`undefined` before a case names its school),
 * for counting school days in deadlines.
 */
import { attendanceDeadlines } from './deadlines.js';
import { defaultAttendancePolicy, type AttendancePolicy } from './policy.js';
import { schoolCalendar, type SchoolCalendar } from './school-calendar.js';
import type { AttendanceAimState } from './state.js';

export { attendanceAimCommands as commands } from './commands.js';
export { attendanceAimEvents as events } from './events.js';
export { initialState } from './state.js';
export { evolve } from './evolve.js';
export { decide } from './decide/index.js';
export { attendanceAimTimeline as timeline } from './timeline.js';
export { attendanceDeadlinePersonalData as deadlinePersonalData } from './deadlines.js';

type SchoolCalendarOf = (schoolId: string | undefined) => SchoolCalendar;

/** Without term dates, every England and Wales working day counts as a school day. */
const workingDays = schoolCalendar({ id: 'working-days', terms: [] });
const workingDaysForEverySchool: SchoolCalendarOf = () => workingDays;

export const defaults = [defaultAttendancePolicy, workingDaysForEverySchool] as const;

export const deadlines = (
  state: AttendanceAimState,
  policy: AttendancePolicy,
  schoolCalendarOf: SchoolCalendarOf,
) =>
  attendanceDeadlines(
    state,
    policy,
    schoolCalendarOf(state.status === 'none' ? undefined : state.school.schoolId),
  );
