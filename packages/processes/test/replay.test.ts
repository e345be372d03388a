/**
 * The process managers' one promise, as a property (fast-check): running them live, stopped
 * and restarted at random points (and restarted from an older checkpoint, as after a crash
 * between sending a command and saving the checkpoint), records exactly the streams that one
 * run over the whole history records. On the in-memory store and on SQLite. The histories mix
 * panel referrals (routes to an HSB case and back to the locality), HSB cases with their meeting
 * streams, and attendance cases up ATT-9's ladder, so every manager is in it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { collect, InMemoryEventStore, type Command, type EventStore } from '@aimline/kernel';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { checkpointName, processManagers, type ProcessRunner } from '../src/index.js';
import {
  attendanceCase,
  concern,
  decideReferral,
  hsbCase,
  meetingSteps,
  modules,
  receiveReferral,
  world,
} from './fixtures.js';

type Step = {
  readonly label: string;
  readonly module: 'panel' | 'hsb' | 'meeting' | 'attendance';
  readonly command: Command;
};

const panelUnit = (i: number, variant: number): Step[] => {
  const id = `R${i}`;
  const withConcern = [
    concern,
    null,
    { disclosedAt: concern.disclosedAt, behaviourDate: concern.behaviourDate },
  ][variant % 3]!;
  // routes that open an HSB AIM case (panel-to-hsb) and routes back to the locality (panel-to-locality)
  const route = ['aim-assessment', 'early-help', 'aim-assessment', 'advice-and-signposting'][
    variant % 4
  ]!;
  return [
    { label: `${id}/0`, module: 'panel', command: receiveReferral(id, withConcern) },
    { label: `${id}/1`, module: 'panel', command: decideReferral(id, route) },
  ];
};
/** An attendance case up ATT-9's ladder as far as `variant` says (0: no hand-off yet). */
const attendanceUnit = (i: number, variant: number): Step[] =>
  attendanceCase(`A${i}`, variant % 4).map((command, n) => ({
    label: `A${i}/${n}`,
    module: 'attendance',
    command,
  }));
const hsbUnit = (i: number): Step[] =>
  hsbCase(`K${i}`).map((command, n) => ({ label: `K${i}/${n}`, module: 'hsb', command }));
const meetingUnit = (i: number, variant: number): Step[] =>
  meetingSteps(`mtg-K${i}`, { inviteFamily: variant % 2 === 0, iroPresent: variant % 3 !== 0 }).map(
    (command, n) => ({ label: `mtg-K${i}/${n}`, module: 'meeting', command }),
  );

/** Two phases: what the processes record first, then what the meeting streams record. */
const History = fc
  .record({
    panel: fc.array(fc.nat(11), { minLength: 1, maxLength: 3 }),
    hsb: fc.array(fc.nat(5), { minLength: 0, maxLength: 2 }),
    attendance: fc.array(fc.nat(7), { minLength: 0, maxLength: 2 }),
    seed: fc.nat(),
  })
  .map(({ panel, hsb, attendance, seed }) => {
    const first = [
      ...panel.map((v, i) => panelUnit(i, v)),
      ...hsb.map((_, i) => hsbUnit(i)),
      ...attendance.map((v, i) => attendanceUnit(i, v)),
    ];
    const second = hsb.map((v, i) => meetingUnit(i, v));
    return { phases: [interleave(first, seed), interleave(second, seed + 1)] };
  });

/** The units' steps interleaved, each unit's own order kept. */
const interleave = (units: Step[][], seed: number): Step[] => {
  const queues = units.map((u) => [...u]);
  const out: Step[] = [];
  let s = seed;
  while (queues.some((q) => q.length > 0)) {
    const open = queues.filter((q) => q.length > 0);
    s = (s * 1103515245 + 12345) % 2 ** 31;
    out.push(open[s % open.length]!.shift()!);
  }
  return out;
};

const managerNames = [
  'panel-to-hsb',
  'hsb-to-meetings',
  'meetings-to-hsb',
  'panel-to-locality',
  'attendance-to-legal',
];

/** Where to stop and restart: after step n, and whether to go back to an older checkpoint. */
const Restarts = fc.array(
  fc.record({ after: fc.nat(50), rollback: fc.boolean(), which: fc.nat(managerNames.length - 1) }),
  {
    maxLength: 6,
  },
);

const moduleOf = (m: Step['module']) =>
  ({
    panel: modules.panelReferral,
    hsb: modules.hsbCase,
    meeting: modules.meeting,
    attendance: modules.attendanceAim,
  })[m];

const streams = async (store: EventStore) => {
  const byStream = new Map<string, unknown[]>();
  for (const e of await collect(store.readAll())) {
    const { position: _position, ...rest } = e;
    byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), rest]);
  }
  return Object.fromEntries([...byStream.entries()].sort(([a], [b]) => a.localeCompare(b)));
};

const once = async (store: EventStore, phases: Step[][]) => {
  const w = world(store);
  for (const phase of phases) {
    for (const s of phase) await w.send(moduleOf(s.module), s.command, s.label);
    await processManagers({ store, handler: w.handler, modules }).catchUp();
  }
  return streams(store);
};

type Restart = { readonly after: number; readonly rollback: boolean; readonly which: number };

const live = async (store: EventStore, phases: Step[][], restarts: ReadonlyArray<Restart>) => {
  let w = world(store);
  let runner: ProcessRunner = processManagers({ store, handler: w.handler, modules });
  runner.start();
  const seen = new Map<string, bigint[]>();
  let n = 0;
  for (const phase of phases) {
    for (const s of phase) {
      await w.send(moduleOf(s.module), s.command, s.label);
      for (const r of restarts.filter((x) => x.after === n)) {
        await runner.stop();
        const name = managerNames[r.which]!;
        const at = await store.checkpoints.load(checkpointName(name));
        if (at !== undefined) seen.set(name, [...(seen.get(name) ?? []), at]);
        const older = seen.get(name)?.[0];
        if (r.rollback && older !== undefined)
          await store.checkpoints.save(checkpointName(name), older);
        w = world(store); // a new process: a new handler and cache
        runner = processManagers({ store, handler: w.handler, modules });
        runner.start();
      }
      n++;
    }
    await runner.settled();
  }
  await runner.stop();
  return streams(store);
};

const stores: Array<[string, () => EventStore]> = [
  ['in-memory', () => new InMemoryEventStore()],
  ['SQLite', () => openSqliteEventStore(':memory:')],
];

describe.each(stores)('process managers on the %s store', (_name, open) => {
  it('live with restarts records the same streams as one run over the whole history', async () => {
    await fc.assert(
      fc.asyncProperty(History, Restarts, async ({ phases }, restarts) => {
        const a = open();
        const b = open();
        try {
          const expected = await once(a, phases);
          const actual = await live(b, phases, restarts);
          expect(actual).toEqual(expected);
        } finally {
          await a.dispose();
          await b.dispose();
        }
      }),
      { numRuns: 12 },
    );
  });
});
