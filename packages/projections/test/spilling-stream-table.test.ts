import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { collect, InMemoryEventStore, type RecordedEvent } from '@aimline/kernel';
import {
  deadlineReport,
  deadlineTracker,
  eventDecoder,
  initialChainVerification,
  memorySpill,
  memoryStreamTable,
  ProjectionRunner,
  InMemorySnapshotStore,
  replayAsOf,
  spillingStreamTable,
  verifyNext,
  type StreamSpill,
  type TrackedStream,
} from '../src/index.js';
import { referralLogModule } from '../../kernel/test/fixtures/referral-log.js';
import { hour, recordLogPlan, type LogPlan } from './log-plans.js';

const decode = eventDecoder([referralLogModule]);
/** A history of up to eight referral logs, their entries and closings interleaved as planned. */
const history = async (plan: LogPlan) => {
  const store = new InMemoryEventStore();
  await recordLogPlan(store, plan, 5);
  return store;
};

const planArb = fc.array(
  fc.record({
    log: fc.integer({ min: 0, max: 7 }),
    kind: fc.constantFrom<'entry' | 'close'>('entry', 'entry', 'entry', 'close'),
  }),
  { minLength: 1, maxLength: 40 },
);

/** A memory spill that counts the streams it gave back (evicted, then asked for again). */
const countingSpill = <V>() => {
  const inner = memorySpill<V>();
  let reloads = 0;
  const spill: StreamSpill<V> = {
    write: (rows) => inner.write(rows),
    read: (stream) => {
      const back = inner.read(stream);
      if (back !== undefined) reloads++;
      return back;
    },
    entries: () => inner.entries(),
  };
  return { spill, reloads: () => reloads };
};

describe('bounded per-stream tables', () => {
  it('property: the deadline tracker and the chain verification over a bounded, spilling table give exactly the answers of the in-memory ones, streams evicted and reloaded', async () => {
    let reloaded = 0;
    await fc.assert(
      fc.asyncProperty(
        planArb,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 0, max: 400 }),
        async (plan, capacity, asOfHours) => {
          const store = await history(plan);
          const asOf = hour(asOfHours);
          const spilled = countingSpill<TrackedStream>();
          const unbounded = await replayAsOf(
            store,
            decode,
            deadlineTracker([referralLogModule]),
            asOf,
          );
          const bounded = await replayAsOf(
            store,
            decode,
            deadlineTracker([referralLogModule], {
              streams: () => spillingStreamTable(spilled.spill, { capacity }),
            }),
            asOf,
          );
          expect(bounded.state.streams.size).toBe(unbounded.state.streams.size);
          expect(JSON.stringify(deadlineReport(bounded.state, [referralLogModule], asOf))).toBe(
            JSON.stringify(deadlineReport(unbounded.state, [referralLogModule], asOf)),
          );
          expect(JSON.stringify(bounded.state)).toBe(JSON.stringify(unbounded.state));
          reloaded += spilled.reloads();

          const links = countingSpill<{ revision: number; hash: string }>();
          const all = initialChainVerification();
          const few = initialChainVerification(spillingStreamTable(links.spill, { capacity }));
          const events: RecordedEvent[] = [];
          for await (const e of store.readAll()) events.push(e);
          for (const e of events) {
            verifyNext(all, e);
            verifyNext(few, e);
          }
          expect(few.breaks).toEqual(all.breaks);
          expect(few.streams.toJSON()).toEqual(all.streams.toJSON());
          reloaded += links.reloads();
        },
      ),
      { numRuns: 120 },
    );
    // The histories interleave more logs than the tables hold: evicted streams came back.
    expect(reloaded).toBeGreaterThan(0);
  });

  it('a bounded table holds no more than its capacity in memory: the rest is in the spill', () => {
    const spill = memorySpill<number>();
    const table = spillingStreamTable(spill, { capacity: 8 });
    for (let i = 0; i < 100; i++) table.set(`s-${i}`, i);
    expect(spill.writes()).toBeGreaterThanOrEqual(92);
    expect(table.size).toBe(100);
    expect(table.get('s-3')).toBe(3);
    table.set('s-3', 33);
    expect([...table.entries()].map(([s, v]) => `${s}=${v}`).slice(0, 5)).toEqual([
      's-0=0',
      's-1=1',
      's-2=2',
      's-3=33',
      's-4=4',
    ]);
    expect(table.has('s-99')).toBe(true);
    expect(table.has('s-100')).toBe(false);
  });

  it('a deadline tracker snapshot restores into a bounded table and resumes with the same state', async () => {
    const store = await history([
      { log: 0, kind: 'entry' },
      { log: 1, kind: 'entry' },
      { log: 2, kind: 'close' },
      { log: 0, kind: 'close' },
    ]);
    const snapshots = new InMemorySnapshotStore();
    const source = { readAll: store.readAll.bind(store), checkpoints: store.checkpoints };
    const first = await new ProjectionRunner(
      source,
      decode,
      deadlineTracker([referralLogModule]),
      snapshots,
    ).catchUp();
    const resumed = await new ProjectionRunner(
      source,
      decode,
      deadlineTracker([referralLogModule], {
        streams: () => spillingStreamTable(memorySpill(), { capacity: 1 }),
      }),
      snapshots,
    ).catchUp();
    expect(resumed.applied).toBe(0);
    expect(JSON.stringify(resumed.state)).toBe(JSON.stringify(first.state));
    expect(memoryStreamTable(first.state.streams.toJSON()).size).toBe(3);
  });
});

describe('deadline tracker snapshots', () => {
  it('given a snapshot saved before each stream kept its last event, when the tracker catches up, then it is rebuilt from history and every stream names its last event (revision and position)', async () => {
    const store = await history([
      { log: 0, kind: 'entry' },
      { log: 1, kind: 'entry' },
      { log: 0, kind: 'close' },
    ]);
    const source = { readAll: store.readAll.bind(store), checkpoints: store.checkpoints };
    const tracker = deadlineTracker([referralLogModule]);
    const snapshots = new InMemorySnapshotStore();
    const whole = await new ProjectionRunner(source, decode, tracker, snapshots).catchUp();
    const saved = (await snapshots.load(tracker.name))!;
    const older = Object.fromEntries(
      Object.entries(whole.state.streams.toJSON()).map(([stream, { module, state }]) => [
        stream,
        { module, state },
      ]),
    );
    await snapshots.save(tracker.name, { ...saved, state: { streams: older } });

    const rebuilt = await new ProjectionRunner(source, decode, tracker, snapshots).catchUp();

    const events = await collect(store.readAll());
    expect(rebuilt.applied).toBe(events.length);
    expect(JSON.stringify(rebuilt.state)).toBe(JSON.stringify(whole.state));
    for (const [stream, entry] of rebuilt.state.streams.entries()) {
      const last = events.filter((e) => e.stream === stream).at(-1)!;
      expect([entry.revision, entry.position]).toEqual([last.revision, last.position.toString()]);
    }
  });
});
