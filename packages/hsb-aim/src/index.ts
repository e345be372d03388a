/**
 * @aimline/hsb-aim: a harmful sexual behaviour AIM case, from the first disclosure to closure,
 * as a pure event-sourced domain (HSB-1 … HSB-31, NAT-1 … NAT-3, MTG-5).
 */
export * from './values.js';
export * from './outcomes.js';
export * from './policy.js';
export * from './commands.js';
export {
  hsbEventDefinitions,
  hsbEvents,
  type HsbEvent,
  type HsbEventType,
  type EventData,
} from './events.js';
export * from './state.js';
export { evolve } from './evolve.js';
export { makeDecide } from './decide/index.js';
export type { Decision } from './decide/handler.js';
export { deriveLeadAgency, type LeadAgencyDecision } from './lead-agency.js';
export { hsbDeadlines } from './deadlines.js';
export { scoreHistory, type ScorePoint } from './scores.js';
export {
  hsbCaseModule,
  hsbCaseStream,
  HSB_STREAM_PREFIX,
  makeHsbDecider,
  type HsbCaseModule,
  type HsbDecider,
} from './module.js';
