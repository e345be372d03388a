/** A meeting's handlers: every phase module, each exporting its commands' handlers by name. */
export * from './arranging.js';
export * from './invitations.js';
export * from './reports.js';
export * from './attendance.js';
export * from './minutes.js';
