import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commandHandler,
  InMemoryEventStore,
  type EventStore,
  type ReadAllOptions,
} from '@aimline/kernel';
import {
  auditTrail,
  eventDecoder,
  InMemorySnapshotStore,
  ProjectionRunner,
  replayAsOf,
  verifyChains,
  type Projection,
} from '../src/index.js';
import { actor, child, referralLogModule } from '../../kernel/test/fixtures/referral-log.js';
import { hour, recordLogPlan, uuid, type LogPlan } from './log-plans.js';

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
const populate = (store: EventStore, plan: LogPlan) => recordLogPlan(store, plan, 1);

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
            expect(r.unreadable).toEqual([]);
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
          expect(live.state).toEqual(rebuilt.state);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('sets aside a stored event that does not decode, names its stream and revision, and goes on with the rest (every later run still reports it)', async () => {
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
    // Later events, of another log, after the bad one in global order.
    const handler = commandHandler({ store, clock: () => hour(10) });
    const later = { at: hour(10), actor };
    await handler.handle(referralLogModule, {
      commandId: uuid(501),
      command: { ...later, type: 'OpenLog', data: { logId: 'l2', child } },
    });
    await handler.handle(referralLogModule, {
      commandId: uuid(502),
      command: { ...later, type: 'AddEntry', data: { logId: 'l2', text: 'seen at home' } },
    });
    const snapshots = new InMemorySnapshotStore();
    const r = await new ProjectionRunner(store, decode, entriesPerLog, snapshots).catchUp();
    expect(r.state.entries).toEqual({ 'referral-log-l1': 1, 'referral-log-l2': 1 });
    expect(r.unreadable).toEqual([
      expect.objectContaining({
        stream: 'referral-log-l1',
        revision: 2,
        type: 'LogRenamed',
        why: expect.stringContaining('LogRenamed') as unknown,
      }),
    ]);
    const again = await new ProjectionRunner(store, decode, entriesPerLog, snapshots).catchUp();
    expect(again.applied).toBe(0);
    expect(again.unreadable).toEqual(r.unreadable);
  });

  it('a projection subscribed to some event types folds only those, and an event of another type that does not decode is still set aside by name', async () => {
    const store = new InMemoryEventStore();
    await populate(store, [
      { log: 1, kind: 'entry' },
      { log: 2, kind: 'entry' },
      { log: 1, kind: 'close' },
    ]);
    store.tamperForTesting('referral-log-l2', 1, (e) => ({ ...e, data: { logId: 42 } }));
    const seen: string[] = [];
    const closedOnly: Projection<{ closed: string[] }> = {
      name: 'closed-logs',
      streamPrefixes: ['referral-log-'],
      eventTypes: ['LogClosed'],
      initialState: () => ({ closed: [] }),
      apply: (s, e) => {
        seen.push(e.event.type);
        s.closed.push(e.recorded.stream);
        return s;
      },
    };
    const r = await new ProjectionRunner(
      store,
      decode,
      closedOnly,
      new InMemorySnapshotStore(),
    ).catchUp();
    expect(seen).toEqual(['LogClosed']);
    expect(r.state.closed).toEqual(['referral-log-l1']);
    expect(r.unreadable).toEqual([
      expect.objectContaining({ stream: 'referral-log-l2', revision: 1, type: 'EntryAdded' }),
    ]);
    const asOf = await replayAsOf(store, decode, closedOnly, undefined);
    expect(asOf.state.closed).toEqual(['referral-log-l1']);
    expect(asOf.unreadable).toEqual(r.unreadable);
  });

  it('property: junk stored in any event (tamper hook) is set aside by name; every other event is still applied', async () => {
    await fc.assert(
      fc.asyncProperty(
        planArb.filter((p) => p.length > 0),
        fc.nat(),
        fc.record({
          type: fc.option(fc.string(), { nil: undefined }),
          schemaVersion: fc.option(fc.integer(), { nil: undefined }),
          data: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }),
          metadata: fc.option(
            fc.dictionary(
              fc.constantFrom('occurredAt', 'recordedAt', 'actor', 'commandId'),
              fc.jsonValue({ maxDepth: 2 }),
            ),
            { nil: undefined },
          ),
        }),
        async (plan, pick, junk) => {
          const store = new InMemoryEventStore();
          await populate(store, plan);
          const all = [];
          for await (const e of store.readAll()) all.push(e);
          const victim = all[pick % all.length]!;
          store.tamperForTesting(victim.stream, victim.revision, (e) => ({
            ...e,
            ...(junk.type === undefined ? {} : { type: junk.type }),
            ...(junk.schemaVersion === undefined ? {} : { schemaVersion: junk.schemaVersion }),
            ...(junk.data === undefined ? {} : { data: junk.data }),
            metadata: { ...e.metadata, ...(junk.metadata as object | undefined) },
          }));
          const replayed = await replayAsOf(store, decode, entriesPerLog, hour(1000));
          const rebuilt = await new ProjectionRunner(
            store,
            decode,
            entriesPerLog,
            new InMemorySnapshotStore(),
          ).rebuild();
          for (const r of [replayed, rebuilt])
            for (const u of r.unreadable) {
              expect(u).toMatchObject({ stream: victim.stream, revision: victim.revision });
              expect(u.why.length).toBeGreaterThan(0);
            }
          // Nothing but the victim is lost: the others fold to what they fold to without it.
          const others = await replayAsOf(
            {
              ...store,
              readAll: async function* (o?: ReadAllOptions) {
                for await (const e of store.readAll(o))
                  if (e.stream !== victim.stream || e.revision !== victim.revision) yield e;
              },
            },
            decode,
            entriesPerLog,
            undefined,
          );
          if (rebuilt.unreadable.length > 0) expect(rebuilt.state).toEqual(others.state);
        },
      ),
      { numRuns: 50 },
    );
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
    expect(all.state).toEqual({
      entries: { 'referral-log-l1': 2 },
      closed: ['referral-log-l1'],
    });
    expect(early.state).toEqual({
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
