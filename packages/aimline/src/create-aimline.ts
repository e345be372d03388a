import * as E from 'fp-ts/lib/Either.js';
import type { Calendar } from '@aimline/calendar';
import {
  commandHandler,
  type Command,
  type CommandHandler,
  type DomainEvent,
  type DomainModule,
  type EventStore,
} from '@aimline/kernel';
import type { PanelReferralCommand } from '@aimline/panel';
import { eventDecoder, streamDamage } from '@aimline/projections';
import {
  defaultCouncilPolicy,
  isCouncilPolicy,
  parseCouncilPolicy,
  type CouncilPolicy,
} from './council-policy.js';
import { groupingHandler } from './group-commit.js';
import { panelService, type PanelService } from './panel-service.js';
import { memoryAccessLog, type AccessLog } from '@aimline/governance';
import { processManagers, type ProcessRunner } from '@aimline/processes';
import { authorityOf, currentDirectory, type DirectorySource } from './principal.js';
import {
  processService,
  type ProcessService,
  type ServiceContext,
  type WithSuppliedFact,
} from './process-service.js';
import { domainRegistry, type DomainRegistry, type TypedModules } from './registry.js';
import { governedReads, type GovernedReads } from './reads.js';

export interface AimlineOptions {
  /** The event store (SQLite, EventStoreDB, in memory): yours, never disposed by Aimline. */
  readonly store: EventStore;
  /**
   * The council's policy: the value `loadCouncilPolicy` / `parseCouncilPolicy` gave, or the
   * policy's data (as in a policy file: every part optional), validated here once. Default: the
   * source documents' timescales for England and Wales. Every service uses this one policy.
   */
  readonly policy?: unknown;
  /**
   * The calendar the policy's `calendarExtension` extends (instead of its region's), when the
   * policy is given as data. A validated policy already holds its calendar.
   */
  readonly calendar?: Calendar;
  /** When events are recorded (`recordedAt`) and reads default their `asOf`: ISO-8601 instants. */
  readonly clock?: () => string;
  /**
   * The council directory (`parseDirectory` of `principals.json`, from `@aimline/governance`):
   * a principal must be its entry, and its command policy decides who may issue what. Without
   * one, a principal is checked for shape only and `defaultCommandPolicy` decides. A function
   * giving the directory in force is asked afresh for each command and read (a server's loader:
   * a leaver removed from the file is refused from the next request on).
   */
  readonly principals?: DirectorySource;
  /**
   * Where every read of a record is recorded, whatever personal fields it opened (who, which
   * cases, whom they are about, whose personal data and which categories were shown, when,
   * why): in production `fileAccessLog(path, { key })` from
   * `@aimline/governance`, with the event store's chain key (`ChainKey`), so that a log rewritten
   * with its hashes recomputed is detected (every writer of one log must be given the key).
   * Default: a log in memory (`aimline.accessLog`), lost when the process ends.
   */
  readonly accessLog?: AccessLog;
  /**
   * The process managers between the processes (the panel's HSB AIM decision starts the case,
   * a booked initial meeting gets its meeting stream, …): `live` (default) runs them on a
   * store subscription from their checkpoints; `manual` leaves them to `processes.catchUp()`
   * (or to another instance of the app).
   */
  readonly processes?: 'live' | 'manual';
  /**
   * Group commit: the commands the services execute in the same turn of the event loop (a
   * batch an app sends at once, `exec`'s lines, concurrent HTTP requests) are committed together
   * — one transaction and one fsync — each answered only once its group is durable. Default
   * false: each command commits on its own.
   */
  readonly groupCommit?: boolean;
  /** Told of a process manager that stopped on a failure that is not a refusal (default: none). */
  readonly onProcessError?: (error: unknown) => void;
}

/** A service of any process, for code that routes commands by type (an HTTP API, a CLI). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProcessService = ProcessService<any, any, any, any>;

type ServiceOf<M, In extends Command | undefined = undefined> =
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  M extends DomainModule<infer C, infer Ev extends DomainEvent, infer S, any>
    ? ProcessService<C, Ev, S, In extends Command ? In : C>
    : never;

/** The panel referral command as callers send it: booking and sitting facts are supplied. */
export type PanelReferralInput = WithSuppliedFact<
  WithSuppliedFact<
    WithSuppliedFact<PanelReferralCommand, 'ReceiveReferral', 'booking'>,
    'RebookReferral',
    'booking'
  >,
  'RecordDecision',
  'sitting'
>;

export type HsbService = ServiceOf<TypedModules['hsbCase']>;
export type MeetingService = ServiceOf<TypedModules['meeting']>;
export type AttendanceService = ServiceOf<TypedModules['attendanceAim']>;
export type PanelSittingService = ServiceOf<TypedModules['panelSitting']>;
export type PanelReferralService = ServiceOf<TypedModules['panelReferral'], PanelReferralInput>;
export type LegalHoldService = ServiceOf<TypedModules['legalHold']>;

/** Aimline composed for one council: one store, one policy, one clock, a service per process. */
export interface Aimline {
  /** The council policy every service uses (validated once). */
  readonly policy: CouncilPolicy;
  readonly hsb: HsbService;
  readonly meetings: MeetingService;
  readonly panel: PanelService;
  readonly attendance: AttendanceService;
  /** Legal holds (`PlaceLegalHold`, `LiftLegalHold`): records that retention must not erase. */
  readonly legalHolds: LegalHoldService;
  /**
   * Every service (the panel's two streams separately, and legal holds), e.g. for routing by
   * command type.
   */
  readonly services: ReadonlyArray<AnyProcessService>;
  /**
   * The service of a process by its module name (`hsb-case`, `meeting`, `panel-sitting`,
   * `panel-referral`, `attendance-aim`, `legal-hold`), or undefined.
   */
  service(name: string): AnyProcessService | undefined;
  /**
   * The service that takes a command type; undefined when none does, or when several do (a
   * meeting and a panel sitting both take `RecordAttendance`, `DistributeMinutes`, …): name the
   * process with `service(name)` then.
   */
  serviceFor(commandType: string): AnyProcessService | undefined;
  /** The domain modules with the policy bound in (for projections and tools). */
  readonly registry: DomainRegistry;
  /**
   * The one read seam (need to know): the principal's view of the store for a projection of
   * your own to fold (`readStream`, `readAll`), only what the principal may see, withheld
   * fields `[withheld:<category>]`, each read recorded with `purpose` in the access log. Every
   * service read goes through it too. `Forbidden` for a principal the directory does not know.
   */
  readonly reads: GovernedReads;
  /** The access log every read through `reads` is recorded in. */
  readonly accessLog: AccessLog;
  /**
   * The one command handler under every service (recordedAt from the clock, the policy's
   * plausibility rules), for governance operations that take a handler (`erasePerson`,
   * `finishPendingErasures`). Commands from people go through a service's `execute`.
   */
  readonly handler: CommandHandler;
  /**
   * The process managers (`@aimline/processes`): `settled()` waits until they have handled
   * everything stored so far, `catchUp()` runs them once (with `processes: 'manual'`).
   */
  readonly processes: ProcessRunner;
  /** Stops the live process managers (the store stays open: it is yours). */
  close(): Promise<void>;
}

/** Thrown by `createAimline` when the policy data is not a valid council policy (names the fields). */
export class InvalidPolicyError extends Error {
  override readonly name = 'InvalidPolicyError';
}

// The system clock, read at the edge only (T-7): the composed entry point is that edge.
// eslint-disable-next-line no-restricted-syntax
const systemClock = (): string => new Date().toISOString();

const policyOf = (options: AimlineOptions): CouncilPolicy => {
  const { policy, calendar } = options;
  if (isCouncilPolicy(policy)) {
    if (calendar !== undefined)
      throw new InvalidPolicyError(
        'calendar: the validated policy already holds its calendar; give the calendar with the policy data instead',
      );
    return policy;
  }
  if (policy === undefined && calendar === undefined) return defaultCouncilPolicy();
  const parsed = parseCouncilPolicy(policy ?? {}, '(object)', calendar);
  if (E.isLeft(parsed)) throw new InvalidPolicyError(parsed.left);
  return parsed.right;
};

/** The one command handler under every service: grouping its commits when asked to. */
const handlerOf = (
  options: AimlineOptions,
  clock: () => string,
  policy: CouncilPolicy,
): CommandHandler => {
  const handler = commandHandler({
    store: options.store,
    clock,
    plausibility: policy.plausibility,
  });
  return options.groupCommit === true ? groupingHandler(handler) : handler;
};

/**
 * Composes Aimline for a council: `hsb`, `meetings`, `panel` and `attendance` services over one
 * store, with one council policy (validated once, here) and one clock. Plain calls; for an app
 * with a tsyringe container, `registerAimline` from `@aimline/aimline/tsyringe`. Throws
 * `InvalidPolicyError` for invalid policy data; nothing else it does throws.
 */
export const createAimline = (options: AimlineOptions): Aimline => {
  const policy = policyOf(options);
  const registry = domainRegistry(policy);
  const clock = options.clock ?? systemClock;
  const authority = authorityOf(options.principals);
  const accessLog = options.accessLog ?? memoryAccessLog();
  const reads = governedReads({
    store: options.store,
    modules: registry.modules,
    authority,
    directory: currentDirectory(options.principals),
    log: accessLog,
    clock,
  });
  const decode = eventDecoder(registry.modules);
  const ctx: ServiceContext = {
    handler: handlerOf(options, clock, policy),
    authority,
    clock,
    policy,
    decode,
    reads,
    streamDamage: (reader, stream) =>
      // eslint-disable-next-line no-restricted-syntax -- the case's stored history is checked (hash chain, decoding) with no personal data opened: it shows damage's place (only where the reader's view shows the event), never a value
      streamDamage(options.store, stream, reader, decode),
  };
  const { typed } = registry;
  const hsb: HsbService = processService(ctx, typed.hsbCase);
  const meetings: MeetingService = processService(ctx, typed.meeting);
  const attendance: AttendanceService = processService(ctx, typed.attendanceAim);
  const panel = panelService(ctx, typed);
  const legalHolds: LegalHoldService = processService(ctx, typed.legalHold);
  const services: AnyProcessService[] = [
    hsb,
    meetings,
    panel.sittings,
    panel.referrals,
    attendance,
    legalHolds,
  ];
  const processes = processManagers({
    store: options.store,
    handler: ctx.handler,
    modules: typed,
    ...(options.onProcessError === undefined ? {} : { onError: options.onProcessError }),
  });
  if (options.processes !== 'manual') processes.start();
  return {
    policy,
    hsb,
    meetings,
    panel,
    attendance,
    legalHolds,
    services,
    service: (name) => services.find((s) => s.name === name),
    serviceFor: (type) => {
      const taking = services.filter((s) => s.module.commands.has(type));
      return taking.length === 1 ? taking[0] : undefined;
    },
    registry,
    reads,
    accessLog,
    handler: ctx.handler,
    processes,
    close: () => processes.stop(),
  };
};
