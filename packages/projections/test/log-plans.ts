/**
 * Histories of the kernel's invented referral-log domain written from a plan: the projections
 * tests' one way to record logs, their entries and closings interleaved as planned.
 */
import { commandHandler, type EventStore } from '@aimline/kernel';
import {
  actor,
  child,
  referralLogModule,
  type LogCommand,
} from '../../kernel/test/fixtures/referral-log.js';

export type LogPlan = ReadonlyArray<{ log: number; kind: 'entry' | 'close' }>;

export const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
export const hour = (h: number) => new Date(Date.UTC(2026, 0, 5, 9) + h * 3_600_000).toISOString();

/** Records `plan` into `store`, one step every `hoursApart` hours; a log is opened before its first step. */
export const recordLogPlan = async (
  store: EventStore,
  plan: LogPlan,
  hoursApart: number,
): Promise<void> => {
  let clockHour = 0;
  const handler = commandHandler({ store, clock: () => hour(clockHour) });
  let n = 1;
  const opened = new Set<number>();
  for (const step of plan) {
    clockHour += hoursApart;
    const logId = `l${step.log}`;
    const base = { at: hour(clockHour), actor };
    if (!opened.has(step.log)) {
      opened.add(step.log);
      await handler.handle(referralLogModule, {
        commandId: uuid(n++),
        command: { ...base, type: 'OpenLog', data: { logId, child } },
      });
    }
    const command: LogCommand =
      step.kind === 'entry'
        ? { ...base, type: 'AddEntry', data: { logId, text: 'seen at school' } }
        : { ...base, type: 'CloseLog', data: { logId, reason: 'done' } };
    await handler.handle(referralLogModule, { commandId: uuid(n++), command });
  }
};
