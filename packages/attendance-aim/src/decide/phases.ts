/** The attendance case's handlers: every phase module, each exporting its commands' handlers by name. */
export * from './case.js';
export * from './attendance.js';
export * from './before-meeting.js';
export * from './records.js';
export * from './meeting.js';
export * from './outcomes.js';
export * from './escalation.js';
export * from './legal-steps.js';
