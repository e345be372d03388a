/**
 * @aimline/cli as a library: the same composition the `aimline` command uses, for council
 * apps and scripts that want the store URLs, the council policy file or the domain registry
 * without the command line. The demo generators are their own package, `@aimline/demo`.
 */
export { main, buildProgram } from './program.js';
export { buildRuntime, type Runtime, type GlobalOptions } from './runtime.js';
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
export { domainRegistry, type DomainRegistry } from './registry.js';
export { ExitCode, CliError } from './exit-codes.js';
export { FileSnapshotStore } from './file-snapshot-store.js';
