/** The HSB case's handlers: every phase module, each exporting its commands' handlers by name. */
export * from './start.js';
export * from './strategy.js';
export * from './assessment.js';
export * from './settings.js';
export * from './supervision.js';
export * from './meeting.js';
export * from './reports.js';
export * from './intervention.js';
export * from './criminal.js';
export * from './escalation.js';
export * from './exit.js';
export * from './rectification.js';
