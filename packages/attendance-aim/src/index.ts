/**
 * @aimline/attendance-aim: the school Attendance Improvement Meeting process (source 004,
 * ATT-1 … ATT-10) inside England's national attendance framework (NAT-4 … NAT-8).
 */
export * from './codes.js';
export * from './attendance.js';
export * from './rolling-window.js';
export * from './school-year.js';
export * from './school-calendar.js';
export * from './policy.js';
export * from './values.js';
export * from './commands.js';
export * from './events.js';
export {
  initialState,
  marksOf,
  meetingsOf,
  type AttendanceAimState,
  type OpenCase,
  type AimMeeting,
  type LetterRecord,
  type LegalStepRecord,
} from './state.js';
export { evolve } from './evolve.js';
export { decide } from './decide/index.js';
export { mayProceed, type ProceedDecision } from './meeting-rule.js';
export { evaluateMeasure, measureProblem } from './targets.js';
export { attendanceDeadlinePersonalData, attendanceDeadlines } from './deadlines.js';
export * from './queries.js';
export * from './module.js';
export * from './penalty-notices.js';
export * from './legal-intervention/codecs.js';
export * from './legal-intervention/module.js';
