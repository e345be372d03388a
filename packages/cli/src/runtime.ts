import * as E from 'fp-ts/lib/Either.js';
import { Instant } from '@aimline/calendar';
import {
  errorWithCauses,
  StoreError,
  type PersonalDataCategory,
  type ChainKey,
  type CommandHandler,
  type EventStore,
} from '@aimline/kernel';
import { eventDecoder, type EventDecoder } from '@aimline/projections';
import {
  createAimline,
  domainRegistry,
  loadCouncilPolicy,
  principalView,
  type Aimline,
  type CouncilPolicy,
  type DirectorySource,
  type DomainRegistry,
  type PrincipalView,
} from '@aimline/aimline';
import { chainKeyFromEnvironment } from './chain-keys.js';
import { CliError, ExitCode } from './exit-codes.js';
import { consoleOutput, type Output } from './output.js';
import { withEncryption, type Encryption } from './encryption.js';
import { isKeyError, type KeyVault } from '@aimline/governance';
import { openStore, parseStoreUrl, type StoreAccess, type StoreLocation } from './store-url.js';
import { UnreadableHistory } from './unreadable-history.js';
import {
  needToKnowReader,
  type Directory,
  type NeedToKnowReader,
  type Principal,
  type AccessLog,
} from '@aimline/governance';
import { accessLogPath, openAccessLog } from './access.js';
import { directoryLoader, principalOf, principalsPath } from './principals.js';

export interface GlobalOptions {
  readonly store: string;
  readonly policy?: string;
  readonly json?: boolean;
  /** Never write: refuse commands that write, read a SQLite file as a copy in memory. */
  readonly readOnly?: boolean;
  /** The principal the command runs as (`--as`), checked against the directory. */
  readonly as?: string;
  /** The council directory file (`--principals`). */
  readonly principals?: string;
  /** Where reads of records are recorded (`--access-log`). */
  readonly accessLog?: string;
  /** Why the principal reads (`--purpose`), recorded in the access log. */
  readonly purpose?: string;
}

/** Everything a CLI command works with, built once by `buildRuntime`. */
export interface Runtime {
  /** The event store, encrypting personal data at append and decrypting it at read. */
  readonly store: EventStore;
  /**
   * The same store without decryption: events as stored (personal fields as ciphertext), for
   * verification and anchors, which need no master key.
   */
  readonly storedEvents: EventStore;
  /** The key vault of the store's data subjects (erasure). */
  readonly vault: KeyVault;
  /** The key that authenticates the global chain (AIMLINE_CHAIN_KEY_FILE / AIMLINE_CHAIN_KEY), if any. */
  readonly chainKey: ChainKey | undefined;
  /** The store URL as given (`--store`). */
  readonly storeUrl: string;
  /** Where the store lives, as parsed from its URL. */
  readonly location: StoreLocation;
  readonly policy: CouncilPolicy;
  readonly clock: () => string;
  /** The system clock's instant, for a read's default `--as-of` (parsed here, never again). */
  readonly now: () => Instant;
  readonly output: Output;
  readonly registry: DomainRegistry;
  readonly decode: EventDecoder;
  /** Stored events the command's reads had to leave out (reported at the end, exit code 4). */
  readonly unreadable: UnreadableHistory;
  /** The directory file in use: `--principals`, else `PATH.principals.json` beside a SQLite store if present. */
  readonly principalsFile: string | undefined;
  /**
   * The principal the command runs as and the directory that holds them; throws a `CliError`
   * (usage 2 without `--as` or a directory; 1 for an unknown, forged or role-less principal).
   * `what` names the command for the message. The directory file is parsed once per runtime
   * (and again only when its bytes change: `directoryLoader`), however many reads use it.
   */
  readonly governance: (what: string) => { directory: Directory; principal: Principal };
  /** `--access-log` as given. */
  readonly accessLogFile: string | undefined;
  readonly readOnly: boolean;
  /**
   * The need-to-know reader for the principal `--as` (see `governance`), recording every read
   * of personal data with `--purpose` (default: `aimline <what>`) in the access log.
   */
  readonly reader: (what: string) => { reader: NeedToKnowReader; purpose: string };
  /**
   * The one read seam of every read command: the principal's (`--as`) view of the store, for
   * the command's projections to fold — only the events their read rules show, withheld fields
   * `[withheld:<category>]` — each read recorded with `--purpose` (default `aimline <what>`) in
   * the access log. Commands never read `store` themselves (ESLint's read guard). `categories`
   * narrows the read to those personal-data categories (`[]`: person ids only; the read is still
   * logged as a read of the records it gave, with no category).
   * It is a principal view (`principalView`): the whole history of the streams the principal
   * may read any part of, for working out where their deadlines stand and never shown
   * (`entitledDeadlines`), goes with it only through `obligationsOf` (the deadline path).
   */
  readonly visible: (
    what: string,
    categories?: ReadonlyArray<PersonalDataCategory>,
  ) => PrincipalView;
  /** Why the principal reads: `--purpose`, else `aimline <what>` (recorded in the access log). */
  readonly purpose: (what: string) => string;
  /**
   * Aimline composed over this store, policy and clock (`createAimline`), with the council
   * directory when one is given (its principals and command policy): the one execute path
   * (`service.execute(principal, command)`). Built on first use, once per directory and
   * `processes` mode: `manual` (default) leaves the process managers alone, `live` runs them
   * (`serve`). Disposing the runtime closes it.
   */
  readonly aimline: (directory?: DirectorySource, processes?: 'live' | 'manual') => Aimline;
  /** The command handler of `aimline` (for erasure, which takes one). */
  readonly handler: () => CommandHandler;
  dispose(): Promise<void>;
}

/** The system clock: the only place Aimline reads the time, at the edge (T-7). */
const now = (): Instant => Instant.at(Date.now());
const systemClock = (): string => now().iso;

/**
 * The CLI's edge, in plain code: the store (chosen by URL, encrypting), the council policy
 * (validated once) and the clock are opened here, and Aimline is composed over them by
 * `createAimline` — the same registry of modules (one per policy), one command handler and one
 * execute path as every council app. Commands receive them in the `Runtime`. (No container:
 * nothing resolves services by token in the CLI; see docs/architecture.md, "Where the
 * implementation departs from this sketch".)
 */
export const buildRuntime = async (
  options: GlobalOptions,
  access: StoreAccess = 'create',
): Promise<Runtime> => {
  // eslint-disable-next-line no-restricted-syntax -- the store URL as given, not a store
  const location = parseStoreUrl(options.store);
  if (E.isLeft(location)) throw new CliError(location.left.message, ExitCode.Usage);
  if (options.readOnly === true && access !== 'read')
    throw new CliError(
      'this command writes to the store; it cannot run with --read-only',
      ExitCode.Usage,
    );
  const policy = loadCouncilPolicy(options.policy);
  if (E.isLeft(policy)) throw new CliError(policy.left, ExitCode.Usage);
  const registry = domainRegistry(policy.right);
  const chainKey = chainKeyFromEnvironment();
  let store: EventStore;
  try {
    store = await openStore(location.right, access, {
      readOnlyMedia: options.readOnly === true,
      streamPrefixes: registry.modules.map((m) => m.streamPrefix),
      ...(chainKey === undefined ? {} : { chainKey }),
    });
  } catch (e) {
    if (e instanceof StoreError) throw new CliError(errorWithCauses(e), ExitCode.Store);
    // Opening an EventStoreDB client does no I/O: what it throws is its connection-string parser.
    if (location.right.kind === 'eventstoredb')
      throw new CliError(
        `Cannot use store URL "${options.store}": ${errorWithCauses(e)}`,
        ExitCode.Usage,
      );
    // Anything else opening a file (a folder that cannot be made, a file in its place) is the
    // store being unavailable, with its cause.
    throw new CliError(
      `cannot open the store ${options.store}: ${errorWithCauses(e)}`,
      ExitCode.Store,
    );
  }
  let encryption: Encryption;
  try {
    encryption = await withEncryption(store, location.right, access, registry.modules, {
      readOnly: options.readOnly === true,
      at: systemClock(),
    });
  } catch (e) {
    await store.dispose();
    if (isKeyError(e)) throw new CliError(e.message, ExitCode.Store);
    throw e;
  }
  if (encryption.createdMasterKey !== undefined)
    process.stderr.write(
      `aimline: made a new master key ${encryption.createdMasterKey} (mode 0600): personal data in this store is encrypted with it. Keep a copy apart from the store, or set AIMLINE_MASTER_KEY_FILE to a key of your own.\n`,
    );
  const reapplied = encryption.reconciliation.reapplied;
  if (reapplied.length > 0)
    process.stderr.write(
      `aimline: the key vault held the keys of ${reapplied.length} erased subject(s) (${reapplied.map((r) => r.subjectRef).join(', ')}): it was restored from a backup taken before their erasure. ${
        encryption.vault.readOnly
          ? 'Their data reads as erased in this run, but the vault file still holds the keys: run any command without --read-only, with the vault writable, to destroy them.'
          : 'Their keys are destroyed again; audit --verify lists them.'
      }\n`,
    );
  const storedEvents = store;
  store = encryption.store;
  // One access log per run (opened when first used): every composed Aimline and every reader
  // appends to the same chain, and the file is read once.
  let log: AccessLog | undefined;
  const openLog = (): AccessLog =>
    (log ??= openAccessLog(
      accessLogPath(options.accessLog, location.right, options.readOnly === true),
      chainKey,
    ));
  const accessLog: AccessLog = {
    append: (entry) => openLog().append(entry),
    entries: () => openLog().entries(),
  };
  const encrypted = store;
  type Processes = 'live' | 'manual';
  const composed: Array<{ directory?: DirectorySource; processes: Processes; app: Aimline }> = [];
  const aimline = (directory?: DirectorySource, processes: Processes = 'manual'): Aimline => {
    const known = composed.find((c) => c.directory === directory && c.processes === processes);
    if (known !== undefined) return known.app;
    const app = createAimline({
      store: encrypted,
      policy: policy.right,
      clock: systemClock,
      processes,
      // Commands executed together (exec's lines, serve's concurrent requests) commit together.
      groupCommit: true,
      ...(directory === undefined ? {} : { principals: directory }),
      // Its reads (serve's HTTP routes) are recorded as the CLI's are; opened when first used.
      accessLog,
    });
    composed.push({ ...(directory === undefined ? {} : { directory }), processes, app });
    return app;
  };
  // The directory is parsed once per runtime, again only if its file changes (`directoryLoader`).
  const loadDirectory = directoryLoader(registry.modules);
  const governance = (what: string) =>
    principalOf(
      options.as,
      principalsPath(options.principals, location.right),
      what,
      loadDirectory,
    );
  const reader = (what: string): { reader: NeedToKnowReader; purpose: string } => {
    const { directory, principal } = governance(what);
    const reader = needToKnowReader({
      store,
      modules: registry.modules,
      policy: directory.reads,
      principal,
      log: openLog(),
      clock: systemClock,
    });
    return { reader, purpose: options.purpose ?? `aimline ${what}` };
  };
  return {
    store,
    storedEvents,
    vault: encryption.vault,
    chainKey,
    storeUrl: options.store,
    location: location.right,
    policy: policy.right,
    clock: systemClock,
    now,
    output: consoleOutput(options.json === true),
    registry,
    decode: eventDecoder(registry.modules),
    unreadable: new UnreadableHistory(),
    principalsFile: principalsPath(options.principals, location.right),
    governance,
    accessLogFile: options.accessLog,
    readOnly: options.readOnly === true,
    reader: (what) => reader(what),
    visible: (what, categories) => {
      const r = reader(what);
      const request = { purpose: r.purpose, ...(categories === undefined ? {} : { categories }) };
      return principalView(r.reader, request);
    },
    purpose: (what) => options.purpose ?? `aimline ${what}`,
    aimline,
    handler: () => aimline().handler,
    dispose: async () => {
      for (const { app } of composed) await app.close();
      await store.dispose();
    },
  };
};
