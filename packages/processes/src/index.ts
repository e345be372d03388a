/**
 * @aimline/processes: process managers between the AIM processes (issue 15). Reactors on a
 * store subscription with durable checkpoints; every command they send has an id derived
 * from the event that caused it, so a replay or a restart never sends a second command.
 */
export {
  processManagers,
  aimlineProcessManagers,
  type ProcessManagersOptions,
} from './process-managers.js';
export { processRunner, type ProcessRunner, type ProcessRunnerOptions } from './runner.js';
export {
  reactOnce,
  checkpointName,
  ProcessManagerError,
  type ReactionOutcome,
} from './react-once.js';
export {
  processActor,
  type ProcessManager,
  type Reaction,
  type Unmappable,
  type ReactionOf,
  type ReactionContext,
} from './process-manager.js';
export { reactionCommandId } from './reaction-ids.js';
export type { ProcessModules } from './modules.js';
export {
  processLogModule,
  processLogStream,
  PROCESS_LOG_STREAM_PREFIX,
  type ProcessLogModule,
  type ProcessLogEvent,
  type ProcessLogCommand,
  type ProcessLogState,
} from './process-log.js';
export { panelToHsb, hsbCaseIdForReferral, PANEL_TO_HSB } from './flows/panel-to-hsb.js';
export { hsbToMeetings, HSB_TO_MEETINGS, HSB_CASE_SUBJECT } from './flows/hsb-to-meetings.js';
export { meetingsToHsb, MEETINGS_TO_HSB, isIroRole } from './flows/meetings-to-hsb.js';
export { panelToLocality, PANEL_TO_LOCALITY } from './flows/panel-to-locality.js';
export { attendanceToLegal, ATTENDANCE_TO_LEGAL } from './flows/attendance-to-legal.js';
