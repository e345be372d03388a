/**
 * @aimline/cli as a library: the same composition the `aimline` command uses, for council
 * apps and scripts that want the store URLs, the council policy file, the domain registry or
 * the demo generators without the command line.
 */
export { main, buildProgram } from './program.js';
export { buildRuntime, type Runtime, type GlobalOptions } from './container.js';
export {
  parseStoreUrl,
  openStore,
  DEFAULT_STORE_URL,
  type StoreLocation,
  type StoreUrlError,
} from './store-url.js';
export {
  loadCouncilPolicy,
  defaultCouncilPolicy,
  schoolCalendarFor,
  type CouncilPolicy,
} from './council-policy.js';
export { domainRegistry, type DomainRegistry, type DomainEntry } from './registry.js';
export { ExitCode, CliError } from './exit-codes.js';
export { FileSnapshotStore } from './file-snapshot-store.js';
export { generators } from './demo/generators.js';
export { runScenarios, type DemoResult } from './demo/run-scenarios.js';
export { seededRng, type Rng } from './demo/rng.js';
export type { ScenarioStep, ScenarioContext, ScenarioGenerator } from './demo/scenario.js';
