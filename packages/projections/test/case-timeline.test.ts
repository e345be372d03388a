import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { commandHandler, InMemoryEventStore } from '@aimline/kernel';
import { caseTimeline, eventDecoder } from '../src/index.js';
import {
  actor,
  child,
  referralLogModule,
  type LogCommand,
} from '../../kernel/test/fixtures/referral-log.js';

// The kernel's invented referral log: RL-4 wants a log closed within two calendar days.
const store = new InMemoryEventStore();
const decode = eventDecoder([referralLogModule]);
const record = async (commands: ReadonlyArray<[string, LogCommand]>): Promise<void> => {
  let n = 0;
  for (const [recordedAt, command] of commands) {
    const handler = commandHandler({ store, clock: () => recordedAt });
    const r = await handler.handle(referralLogModule, {
      commandId: `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
      command,
    });
    expect(E.isRight(r)).toBe(true);
  }
};

describe('caseTimeline: phases and deadlines from the stream’s own module', () => {
  it('RL-4: the event that started a deadline opens it, the event that met it settles it; phases come from the module', async () => {
    await record([
      [
        '2026-01-05T10:00:00Z',
        { type: 'OpenLog', at: '2026-01-05T09:00:00Z', actor, data: { logId: 'l1', child } },
      ],
      [
        '2026-01-06T10:00:00Z',
        {
          type: 'AddEntry',
          at: '2026-01-06T09:00:00Z',
          actor,
          data: { logId: 'l1', text: 'seen at school' },
        },
      ],
      [
        '2026-01-06T12:00:00Z',
        {
          type: 'CloseLog',
          at: '2026-01-06T11:00:00Z',
          actor,
          data: { logId: 'l1', reason: 'done' },
        },
      ],
    ]);
    const t = await caseTimeline(store, decode, referralLogModule, 'referral-log-l1');
    expect(t.unreadable).toEqual([]);
    expect(t.phaseOrder).toEqual(['log']);
    expect(t.entries.map((e) => [e.phase, e.type])).toEqual([
      ['log', 'LogOpened'],
      ['log', 'EntryAdded'],
      ['log', 'LogClosed'],
    ]);
    expect(t.entries.map((e) => e.opened.map((d) => d.ruleId))).toEqual([['RL-4'], [], []]);
    expect(t.entries.map((e) => e.settled.map((d) => d.status.kind))).toEqual([[], [], ['met']]);

    // As known before the close, judged then: the deadline is still open.
    const before = await caseTimeline(
      store,
      decode,
      referralLogModule,
      'referral-log-l1',
      '2026-01-06T11:00:00Z',
    );
    expect(before.unreadable).toEqual([]);
    expect(before.entries).toHaveLength(2);
    expect(before.deadlines.map((d) => [d.ruleId, d.status.kind])).toEqual([['RL-4', 'open']]);
  });
});
