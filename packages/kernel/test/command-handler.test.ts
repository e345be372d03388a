import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collect,
  commandHandler,
  eventIdFor,
  fold,
  InMemoryEventStore,
  type EventStore,
} from '../src/index.js';
import {
  actor,
  child,
  referralLog,
  referralLogModule,
  type LogCommand,
} from './fixtures/referral-log.js';

const clock = () => '2026-11-23T12:00:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const at = '2026-11-23T10:00:00Z';
const open: LogCommand = { type: 'OpenLog', data: { logId: 'l1', child }, at, actor };
const entry = (text: string): LogCommand => ({
  type: 'AddEntry',
  data: { logId: 'l1', text },
  at,
  actor,
});

describe('command handler: load, decide, append', () => {
  it('appends the decided events with metadata: occurredAt from the command, recordedAt from the clock', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock });
    const r = await handler.handle(referralLogModule, {
      commandId: id(1),
      command: open,
      correlationId: 'c-1',
    });
    expect(E.isRight(r)).toBe(true);
    const [e] = await collect(store.readStream('referral-log-l1'));
    expect(e!.id).toBe(eventIdFor(id(1), 0));
    expect(e!.metadata).toMatchObject({
      occurredAt: at,
      recordedAt: clock(),
      actor,
      commandId: id(1),
      correlationId: 'c-1',
      causationId: id(1),
    });
    expect(e!.schemaVersion).toBe(2);
  });

  it('a rejected command appends nothing and returns the typed rejection with its rule id', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock });
    const r = await handler.handle(referralLogModule, { commandId: id(1), command: entry('x') });
    expect(r).toEqual(
      E.left({
        kind: 'Rejected',
        rejection: { kind: 'Rejected', ruleId: 'RL-2', reason: 'entries need an open log' },
      }),
    );
    expect(await collect(store.readAll())).toEqual([]);
  });

  it('an invalid command is refused before deciding, naming the field', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock });
    const r = await handler.execute(referralLogModule, {
      commandId: id(1),
      type: 'OpenLog',
      at,
      actor,
      data: { logId: 'l1', child: { name: 'Ada Testchild' } },
    });
    expect(E.isLeft(r) && r.left.kind).toBe('InvalidCommand');
    expect(
      E.isLeft(r) && r.left.kind === 'InvalidCommand' && r.left.problems.map((p) => p.path),
    ).toEqual(['data.child.dateOfBirth']);
    expect(await collect(store.readAll())).toEqual([]);
  });

  it('is idempotent: the same command id handled twice appends once and returns the first events', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock });
    await handler.handle(referralLogModule, { commandId: id(1), command: open });
    const first = await handler.handle(referralLogModule, {
      commandId: id(2),
      command: entry('one'),
    });
    const again = await commandHandler({ store, clock }).handle(referralLogModule, {
      commandId: id(2),
      command: entry('one'),
    });
    expect(E.isRight(again) && again.right.alreadyHandled).toBe(true);
    expect(E.isRight(again) && E.isRight(first) && again.right.events.map((e) => e.id)).toEqual(
      E.isRight(first) ? first.right.events.map((e) => e.id) : [],
    );
    expect((await collect(store.readStream('referral-log-l1'))).length).toBe(2);
  });

  describe('a reused command id with other content is an IdempotencyConflict, and nothing is appended', () => {
    const reuses: Array<[string, LogCommand]> = [
      ['another payload', entry('two')],
      ['another type', { type: 'CloseLog', data: { logId: 'l1', reason: 'one' }, at, actor }],
      ['another actor', { ...entry('one'), actor: { ...actor, id: 'someone-else' } }],
      ['another instant', { ...entry('one'), at: '2026-11-23T10:00:01Z' }],
      ['another stream', { ...open, data: { ...open.data, logId: 'l2' } }],
    ];
    for (const [what, reused] of reuses)
      it(`given command ${id(2)} recorded, when the same id comes with ${what}, then IdempotencyConflict naming where it was first recorded`, async () => {
        const store = new InMemoryEventStore();
        await commandHandler({ store, clock }).handle(referralLogModule, {
          commandId: id(1),
          command: open,
        });
        await commandHandler({ store, clock }).handle(referralLogModule, {
          commandId: id(2),
          command: entry('one'),
        });
        const before = await collect(store.readAll());
        const r = await commandHandler({ store, clock }).handle(referralLogModule, {
          commandId: id(2),
          command: reused,
        });
        expect(E.isLeft(r) && r.left.kind).toBe('IdempotencyConflict');
        expect(E.isLeft(r) && r.left.kind === 'IdempotencyConflict' && r.left.error).toMatchObject({
          commandId: id(2),
          firstRecorded: { stream: 'referral-log-l1', revision: 1, position: 2n },
        });
        expect(await collect(store.readAll())).toEqual(before);
      });
  });

  it("retries when another writer appended first, and folds the other writer's events before deciding", async () => {
    const store = new InMemoryEventStore();
    const a = commandHandler({ store, clock });
    const b = commandHandler({ store, clock });
    await a.handle(referralLogModule, { commandId: id(1), command: open });
    await a.handle(referralLogModule, { commandId: id(2), command: entry('a1') }); // a caches revision 1
    await b.handle(referralLogModule, { commandId: id(3), command: entry('b1') }); // stream now at 2
    const r = await a.handle(referralLogModule, { commandId: id(4), command: entry('a2') });
    expect(E.isRight(r) && r.right.revision).toBe(3);
    const state = await a.load(referralLogModule, 'referral-log-l1');
    expect(E.isRight(state) && state.right.state.entries).toBe(3);
  });

  it('many concurrent handlers on one stream lose no command (bounded retry)', async () => {
    const store = new InMemoryEventStore();
    await commandHandler({ store, clock }).handle(referralLogModule, {
      commandId: id(1),
      command: open,
    });
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        commandHandler({ store, clock, maxRetries: 8 }).handle(referralLogModule, {
          commandId: id(10 + i),
          command: entry(`e${i}`),
        }),
      ),
    );
    expect(results.every(E.isRight)).toBe(true);
    expect((await collect(store.readStream('referral-log-l1'))).map((e) => e.revision)).toEqual([
      0, 1, 2, 3, 4,
    ]);
  });

  it('reports a stored event that no longer decodes as CorruptHistory naming stream and revision', async () => {
    const store = new InMemoryEventStore();
    await store.append(
      'referral-log-l9',
      [
        {
          id: id(99),
          type: 'LogVanished',
          schemaVersion: 1,
          data: {},
          metadata: {
            occurredAt: at,
            recordedAt: at,
            actor,
            commandId: id(98),
            commandFingerprint: 'f'.repeat(64),
            correlationId: 'x',
            causationId: 'x',
          },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
    const r = await commandHandler({ store, clock }).handle(referralLogModule, {
      commandId: id(1),
      command: { type: 'AddEntry', data: { logId: 'l9', text: 'x' }, at, actor },
    });
    expect(E.isLeft(r) && r.left).toMatchObject({
      kind: 'CorruptHistory',
      error: { kind: 'UnknownEventType', stream: 'referral-log-l9', revision: 0 },
    });
  });

  it('reports a store failure as a value, not a throw', async () => {
    const store: EventStore = new InMemoryEventStore();
    await store.dispose();
    const r = await commandHandler({ store, clock }).handle(referralLogModule, {
      commandId: id(1),
      command: open,
    });
    expect(E.isLeft(r) && r.left.kind).toBe('StoreFailure');
  });
});

describe('folding', () => {
  it('folding events all at once equals folding them one by one (any sequence of accepted commands)', () => {
    const cmd = fc.oneof(
      fc.constant<LogCommand>(open),
      fc.string({ maxLength: 5 }).map(entry),
      fc.constant<LogCommand>({
        type: 'CloseLog',
        data: { logId: 'l1', reason: 'done' },
        at,
        actor,
      }),
    );
    fc.assert(
      fc.property(fc.array(cmd, { maxLength: 20 }), (cmds) => {
        let state = referralLog.initialState;
        const all = [];
        for (const c of cmds) {
          const d = referralLog.decide(c, state);
          if (E.isLeft(d)) continue;
          for (const e of d.right) {
            state = referralLog.evolve(state, e);
            all.push(e);
          }
        }
        expect(fold(referralLog)(all)).toEqual(state);
      }),
    );
  });
});
