import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandHandler, InMemoryEventStore, type EventStore } from '@aimline/kernel';
import {
  auditTrail,
  eventDecoder,
  InMemorySnapshotStore,
  ProjectionRunner,
  replayAsOf,
  verifyChains,
  type Projection,
} from '../src/index.js';
import {
  actor,
  child,
  referralLogModule,
  type LogCommand,
} from '../../kernel/test/fixtures/referral-log.js';

// A projection of the kernel's invented referral-log domain: entries per log and closed logs.
const entriesPerLog: Projection<{ entries: Record<string, number>; closed: string[] }> = {
  name: 'entries-per-log',
  streamPrefixes: ['referral-log-'],
  initialState: () => ({ entries: {}, closed: [] }),
  apply: (s, e) => {
    if (e.event.type === 'EntryAdded')
      s.entries[e.recorded.stream] = (s.entries[e.recorded.stream] ?? 0) + 1;
    if (e.event.type === 'LogClosed') s.closed.push(e.recorded.stream);
    return s;
  },
};

const decode = eventDecoder([referralLogModule]);
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const hour = (h: number) => new Date(Date.UTC(2026, 0, 5, 9) + h * 3_600_000).toISOString();

const populate = async (
  store: EventStore,
  plan: ReadonlyArray<{ log: number; kind: 'entry' | 'close' }>,
) => {
  let clockHour = 0;
  const handler = commandHandler({ store, clock: () => hour(clockHour) });
  let n = 1;
  const opened = new Set<number>();
  for (const step of plan) {
    clockHour++;
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

const planArb = fc.array(
  fc.record({
    log: fc.integer({ min: 0, max: 3 }),
    kind: fc.constantFrom<'entry' | 'close'>('entry', 'entry', 'close'),
  }),
  { maxLength: 25 },
);

describe('projection runner', () => {
  it('a projection fed live, one event at a time with restarts in between, equals the same projection rebuilt from scratch', async () => {
    await fc.assert(
      fc.asyncProperty(
        planArb,
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 10 }),
        async (plan, restartsAfter) => {
          const store = new InMemoryEventStore();
          const snapshots = new InMemorySnapshotStore();
          // Live: events arrive in chunks; a new runner (a restart) catches up after each chunk.
          let done = 0;
          let chunk = 0;
          while (done < plan.length) {
            const size = restartsAfter[chunk++ % restartsAfter.length]!;
            await populate(store, plan.slice(0, done + size));
            done += size;
            // populate replays commands with the same ids: already-handled ones append nothing.
            const r = await new ProjectionRunner(store, decode, entriesPerLog, snapshots, {
              snapshotEvery: 2,
            }).catchUp();
            expect(E.isRight(r)).toBe(true);
          }
          const live = await new ProjectionRunner(
            store,
            decode,
            entriesPerLog,
            snapshots,
          ).catchUp();
          const rebuilt = await new ProjectionRunner(
            store,
            decode,
            entriesPerLog,
            new InMemorySnapshotStore(),
          ).rebuild();
          expect(E.isRight(live) && E.isRight(rebuilt) && live.right.state).toEqual(
            E.isRight(rebuilt) ? rebuilt.right.state : undefined,
          );
        },
      ),
      { numRuns: 25 },
    );
  });

  it('stops with a typed error naming stream and revision when a stored event does not decode', async () => {
    const store = new InMemoryEventStore();
    await populate(store, [{ log: 1, kind: 'entry' }]);
    await store.append(
      'referral-log-l1',
      [
        {
          id: uuid(999),
          type: 'LogRenamed',
          schemaVersion: 1,
          data: {},
          metadata: {
            occurredAt: hour(9),
            recordedAt: hour(9),
            actor,
            commandId: uuid(998),
            commandFingerprint: 'f'.repeat(64),
            correlationId: 'c',
            causationId: 'c',
          },
        },
      ],
      { expectedRevision: 'any' },
    );
    const r = await new ProjectionRunner(
      store,
      decode,
      entriesPerLog,
      new InMemorySnapshotStore(),
    ).catchUp();
    expect(E.isLeft(r) && r.left).toMatchObject({
      kind: 'UnknownEventType',
      stream: 'referral-log-l1',
      revision: 2,
    });
  });

  it('as-of replay sees only what had been recorded by then', async () => {
    const store = new InMemoryEventStore();
    await populate(store, [
      { log: 1, kind: 'entry' },
      { log: 1, kind: 'entry' },
      { log: 1, kind: 'close' },
    ]);
    const all = await replayAsOf(store, decode, entriesPerLog, undefined);
    const early = await replayAsOf(store, decode, entriesPerLog, hour(1)); // open and first entry were recorded at hour 1
    expect(E.isRight(all) && all.right).toEqual({
      entries: { 'referral-log-l1': 2 },
      closed: ['referral-log-l1'],
    });
    expect(E.isRight(early) && early.right).toEqual({
      entries: { 'referral-log-l1': 1 },
      closed: [],
    });
  });
});

describe('audit trail and tamper evidence', () => {
  it('lists every event with actor, times and ids, flagging late recording', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock: () => '2026-01-10T09:00:00Z' });
    await handler.handle(referralLogModule, {
      commandId: uuid(1),
      command: { type: 'OpenLog', data: { logId: 'l1', child }, at: '2026-01-05T09:00:00Z', actor },
      correlationId: 'corr-7',
    });
    const entries = [];
    for await (const e of auditTrail(store, { stream: 'referral-log-l1' })) entries.push(e);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      actor,
      commandId: uuid(1),
      correlationId: 'corr-7',
      causationId: uuid(1),
      lateRecordingHours: 120,
    });
  });

  it('verification passes on untouched history and names the first altered stream and revision', async () => {
    const store = new InMemoryEventStore();
    await populate(store, [
      { log: 1, kind: 'entry' },
      { log: 2, kind: 'entry' },
      { log: 2, kind: 'entry' },
    ]);
    expect((await verifyChains(store)).ok).toBe(true);
    // Reading back cannot change history: the store's events are frozen copies.
    for await (const e of store.readStream('referral-log-l2', { fromRevision: 1, maxCount: 1 }))
      expect(() => ((e.data as { text: string }).text = 'edited')).toThrow(TypeError);
    expect((await verifyChains(store)).ok).toBe(true);
    // Tamper with a stored event (as someone editing the bytes would).
    store.tamperForTesting('referral-log-l2', 1, (e) => ({
      ...e,
      data: { ...(e.data as object), text: 'edited' },
    }));
    const report = await verifyChains(store);
    expect(report.ok).toBe(false);
    expect(report.breaks[0]).toMatchObject({
      kind: 'HashMismatch',
      stream: 'referral-log-l2',
      revision: 1,
    });
  });
});
