import { compareInstants, formatInstant, instantMs } from '@aimline/calendar';
import * as E from 'fp-ts/lib/Either.js';
import {
  describeGovernedFailure,
  governedCommands,
  parseDirectory,
  type DirectoryFile,
  type GovernedFailure,
} from '@aimline/governance';
import type { AnyDomainModule, CommandHandler, EventStore, Rejection } from '@aimline/kernel';
import {
  processManagers,
  type ProcessModules,
  type ProcessRunner,
  type ReactionOutcome,
} from '@aimline/processes';
import { commandHandler } from '@aimline/kernel';
import { demoDirectory } from './directory.js';
import type { ScenarioStep } from './scenario.js';

export interface DemoResult {
  readonly commands: number;
  readonly events: number;
  /** Rejections nobody planned: a generator bug or a rule the generator does not know. */
  readonly rejected: ReadonlyArray<{
    readonly step: number;
    readonly type: string;
    readonly ruleId: string;
    readonly reason: string;
  }>;
  /**
   * Steps generated on purpose to be refused, refused under the expected rule (a domain rule id,
   * or `FORBIDDEN` for a command the command policy does not let its principal issue).
   */
  readonly expectedRejections: ReadonlyArray<{
    readonly type: string;
    readonly ruleId: string;
    readonly reason: string;
  }>;
  readonly failed: ReadonlyArray<{
    readonly step: number;
    readonly type: string;
    readonly kind: string;
    readonly message: string;
  }>;
  readonly streams: number;
  /**
   * What the process managers did (`@aimline/processes`): hand-offs that recorded something
   * in the other process, and those refused (logged in `process-log-{manager}`).
   */
  readonly handOffs: {
    readonly accepted: number;
    readonly refused: ReadonlyArray<HandOffRefusal>;
  };
}

export interface HandOffRefusal {
  readonly manager: string;
  readonly commandType: string;
  readonly ruleId: string;
  readonly reason: string;
}

export interface RunOptions {
  /**
   * The council's modules: when they include every module the process managers send to or
   * read (`hsb-case`, `meeting`, `panel-referral`, `panel-locality`, `attendance-aim`,
   * `attendance-legal`), they run between the steps (panel decision → HSB case or the
   * locality → the case's meeting stream → the case; ATT-9's ladder → the lead officer for
   * legal intervention), as they run live beside an application.
   */
  readonly modules?: ReadonlyArray<AnyDomainModule>;
  /** The council directory the steps are written as (default `demoDirectory(steps)`). */
  readonly directory?: DirectoryFile;
}

/** The modules whose steps may depend on a hand-off. */
const handOffTargets = new Set(['hsb-case', 'meeting']);

const handOffsOf = (
  store: EventStore,
  handler: CommandHandler,
  modules: ReadonlyArray<AnyDomainModule> | undefined,
  onOutcome: (o: ReactionOutcome) => void,
): ProcessRunner | undefined => {
  const named = (name: string) => modules?.find((m) => m.name === name);
  // The CLI's registry and the tests build these modules by these names.
  const m = {
    hsbCase: named('hsb-case') as ProcessModules['hsbCase'] | undefined,
    meeting: named('meeting') as ProcessModules['meeting'] | undefined,
    panelReferral: named('panel-referral') as ProcessModules['panelReferral'] | undefined,
    panelLocality: named('panel-locality') as ProcessModules['panelLocality'] | undefined,
    attendanceAim: named('attendance-aim') as ProcessModules['attendanceAim'] | undefined,
    legalIntervention: named('attendance-legal') as ProcessModules['legalIntervention'] | undefined,
  };
  const { hsbCase, meeting, panelReferral, panelLocality, attendanceAim, legalIntervention } = m;
  if (
    hsbCase === undefined ||
    meeting === undefined ||
    panelReferral === undefined ||
    panelLocality === undefined ||
    attendanceAim === undefined ||
    legalIntervention === undefined
  )
    return undefined;
  return processManagers({
    store,
    handler,
    modules: { hsbCase, meeting, panelReferral, panelLocality, attendanceAim, legalIntervention },
    onOutcome,
  });
};

const recordingLag = (step: ScenarioStep): string =>
  step.recordedAt ?? formatInstant(instantMs(step.command.at) + 5 * 60_000);

/**
 * Sends generated commands through the governed command path (each as its professional's
 * principal in `directory`, default `demoDirectory(steps)`), the real deciders and the command
 * handler into the store, in the order they happen in the world. `recordedAt` comes from the
 * simulated clock.
 */
export const runScenarios = async (
  store: EventStore,
  steps: ReadonlyArray<ScenarioStep>,
  onProgress?: (done: number) => void,
  options: RunOptions = {},
): Promise<DemoResult> => {
  const directory = parseDirectory(options.directory ?? demoDirectory(steps));
  if (E.isLeft(directory)) throw new Error(`demo: ${directory.left.message}`);
  const ordered = steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => compareInstants(a.s.command.at, b.s.command.at) || a.i - b.i);
  let now = '';
  const handler: CommandHandler = commandHandler({ store, clock: () => now, maxRetries: 0 });
  const handOffs = { accepted: 0, refused: [] as HandOffRefusal[] };
  const processes = handOffsOf(store, handler, options.modules, (o) => {
    if (o.kind === 'accepted') handOffs.accepted += o.events > 0 ? 1 : 0;
    else
      handOffs.refused.push({
        manager: o.manager,
        commandType: o.commandType,
        ruleId: o.rejection.ruleId,
        reason: o.rejection.reason,
      });
  });
  const governed = governedCommands(handler, directory.right);
  let events = 0;
  const rejected: DemoResult['rejected'][number][] = [];
  const expectedRejections: DemoResult['expectedRejections'][number][] = [];
  const failed: DemoResult['failed'][number][] = [];
  const streams = new Set<string>();
  let done = 0;
  for (const { s, i } of ordered) {
    // The process managers catch up first: a meeting stream, or a fact an HSB case checks,
    // may come from a hand-off of an earlier step.
    if (processes !== undefined && handOffTargets.has(s.module.name)) await processes.catchUp();
    now = recordingLag(s);
    const { type, at, data } = s.command;
    const r = await governed.handle(s.command.actor.id, s.module, {
      commandId: s.commandId,
      command: { type, at, data },
      ...(s.correlationId ? { correlationId: s.correlationId } : {}),
    });
    onProgress?.(++done);
    if (E.isRight(r)) {
      events += r.right.events.length;
      streams.add(r.right.stream);
      if (s.expectRejection !== undefined)
        failed.push({
          step: i,
          type: s.command.type,
          kind: 'NotRejected',
          message: `expected a rejection under ${s.expectRejection}`,
        });
      continue;
    }
    const failure: GovernedFailure = r.left;
    // The store failed (e.g. its server died): the rest of the demo cannot be recorded. The
    // typed error goes to the caller (the CLI reports it with exit code 3).
    if (failure.kind === 'StoreFailure') throw failure.error;
    if (failure.kind === 'Forbidden' && s.expectRejection === failure.code) {
      // Refused by the command policy on purpose: typed, naming the principal and the command.
      expectedRejections.push({
        type: s.command.type,
        ruleId: failure.code,
        reason: failure.message,
      });
    } else if (failure.kind === 'Rejected') {
      const rejection: Rejection = failure.rejection;
      const entry = { type: s.command.type, ruleId: rejection.ruleId, reason: rejection.reason };
      if (s.expectRejection === rejection.ruleId) expectedRejections.push(entry);
      else rejected.push({ step: i, ...entry });
    } else {
      failed.push({
        step: i,
        type: s.command.type,
        kind: failure.kind,
        message: describeGovernedFailure(failure),
      });
    }
  }
  if (processes !== undefined) await processes.catchUp();
  return {
    commands: ordered.length,
    events,
    handOffs,
    rejected,
    expectedRejections,
    failed,
    streams: streams.size,
  };
};
