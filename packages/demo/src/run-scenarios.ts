import { compareInstants, formatInstant, instantMs } from '@aimline/calendar';
import * as E from 'fp-ts/lib/Either.js';
import type { CommandFailure, CommandHandler, EventStore, Rejection } from '@aimline/kernel';
import { commandHandler, describeCommandFailure } from '@aimline/kernel';
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
  /** Steps generated on purpose to be refused, refused under the expected rule. */
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
}

const recordingLag = (step: ScenarioStep): string =>
  step.recordedAt ?? formatInstant(instantMs(step.command.at) + 5 * 60_000);

/**
 * Sends generated commands through the real deciders and the command handler into the store,
 * in the order they happen in the world. `recordedAt` comes from the simulated clock.
 */
export const runScenarios = async (
  store: EventStore,
  steps: ReadonlyArray<ScenarioStep>,
  onProgress?: (done: number) => void,
): Promise<DemoResult> => {
  const ordered = steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => compareInstants(a.s.command.at, b.s.command.at) || a.i - b.i);
  let now = '';
  const handler: CommandHandler = commandHandler({ store, clock: () => now, maxRetries: 0 });
  let events = 0;
  const rejected: DemoResult['rejected'][number][] = [];
  const expectedRejections: DemoResult['expectedRejections'][number][] = [];
  const failed: DemoResult['failed'][number][] = [];
  const streams = new Set<string>();
  let done = 0;
  for (const { s, i } of ordered) {
    now = recordingLag(s);
    const r = await handler.handle(s.module, {
      commandId: s.commandId,
      command: s.command,
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
    const failure: CommandFailure = r.left;
    // The store failed (e.g. its server died): the rest of the demo cannot be recorded. The
    // typed error goes to the caller (the CLI reports it with exit code 3).
    if (failure.kind === 'StoreFailure') throw failure.error;
    if (failure.kind === 'Rejected') {
      const rejection: Rejection = failure.rejection;
      const entry = { type: s.command.type, ruleId: rejection.ruleId, reason: rejection.reason };
      if (s.expectRejection === rejection.ruleId) expectedRejections.push(entry);
      else rejected.push({ step: i, ...entry });
    } else {
      failed.push({
        step: i,
        type: s.command.type,
        kind: failure.kind,
        message: describeCommandFailure(failure),
      });
    }
  }
  return {
    commands: ordered.length,
    events,
    rejected,
    expectedRejections,
    failed,
    streams: streams.size,
  };
};
