/**
 * @aimline/cli as a library: the same composition the `aimline` command uses, for council
 * apps and scripts that want the store URLs without the command line (the council policy and
 * the domain registry are `@aimline/aimline`'s). The demo generators are their own package, `@aimline/demo`.
 */
export { buildProgram } from './program.js';
export { main } from './run.js';
export { buildRuntime, type Runtime, type GlobalOptions } from './runtime.js';
export {
  parseStoreUrl,
  openStore,
  DEFAULT_STORE_URL,
  type StoreLocation,
  type StoreUrlError,
} from './store-url.js';
export { ExitCode, CliError } from './exit-codes.js';
export { FileSnapshotStore } from './file-snapshot-store.js';
