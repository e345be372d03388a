/**
 * @aimline/meetings: the shared AIM meeting business process (source 000, rules MTG-1 … MTG-9).
 */
export * from './values.js';
export * from './policy.js';
export * from './commands.js';
export * from './events.js';
export * from './state.js';
export { evolve } from './evolve.js';
export { makeDecide, type Decision } from './decide/index.js';
export * from './queries.js';
export * from './rules.js';
export {
  meetingModule,
  meetingStream,
  MEETING_STREAM_PREFIX,
  makeMeetingDecider,
  type MeetingDecider,
  type MeetingModule,
} from './module.js';
export {
  meetingDeadlines,
  hardCopiesDeadlines,
  minutesDistributionDeadline,
  type MinutesOf,
} from './deadlines.js';
