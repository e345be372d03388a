/**
 * @aimline/demo: seeded synthetic histories of the three AIM processes (HSB cases, the panel's
 * sittings and referrals, attendance cases), with invented people only, sent as commands
 * through the real deciders and the command handler.
 */
export { generators, demoSteps, richestCase, type DemoOptions } from './generators.js';
export { hsbScenarios } from './hsb/generator.js';
export { panelScenarios } from './panel/generator.js';
export { attendanceScenarios } from './attendance/generator.js';
export {
  runScenarios,
  type DemoResult,
  type HandOffRefusal,
  type RunOptions,
} from './run-scenarios.js';
export { demoDirectory, DEMO_PANEL } from './directory.js';
export { seededRng, type Rng } from './rng.js';
export type { DemoPolicy, ScenarioStep, ScenarioContext, ScenarioGenerator } from './scenario.js';
