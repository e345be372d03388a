import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  collect,
  appendGroup,
  commandHandler,
  delegatingStore,
  InMemoryEventStore,
  UnavailableError,
  type AppendRequest,
  type CommandFailure,
  type CommandItem,
  type CommandSuccess,
  type EventStore,
  type StoreOverrides,
} from '../src/index.js';
import { actor, child, referralLogModule, type LogCommand } from './fixtures/referral-log.js';

type Outcome = E.Either<CommandFailure, CommandSuccess>;

const clock = () => '2026-11-23T12:00:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const at = '2026-11-23T10:00:00Z';
const open = (logId: string): LogCommand => ({
  type: 'OpenLog',
  data: { logId, child },
  at,
  actor,
});
const entry = (logId: string, text: string): LogCommand => ({
  type: 'AddEntry',
  data: { logId, text },
  at,
  actor,
});
const close = (logId: string): LogCommand => ({
  type: 'CloseLog',
  data: { logId, reason: 'done' },
  at,
  actor,
});
const item = (n: number, command: LogCommand): CommandItem => ({
  module: referralLogModule,
  envelope: { commandId: id(n), command },
});

/** The in-memory store with a group commit of its own: counts the groups it is handed. */
const groupingStore = (
  inner: EventStore,
  commit: (requests: ReadonlyArray<AppendRequest>) => ReturnType<typeof appendGroup> = (r) =>
    appendGroup(inner, r),
): EventStore & { groups: number[] } => {
  const groups: number[] = [];
  return delegatingStore(inner, {
    groups,
    appendMany: (requests: ReadonlyArray<AppendRequest>) => {
      groups.push(requests.length);
      return commit(requests);
    },
  });
};

const history = async (store: EventStore) =>
  (await collect(store.readAll())).map((e) => [e.stream, e.revision, e.type, e.data]);

describe('command handler: group commit (handleMany)', () => {
  it('gives each command of a group its own result and stores the accepted ones in one commit', async () => {
    const store = groupingStore(new InMemoryEventStore());
    const handler = commandHandler({ store, clock });
    const results = await handler.handleMany([
      item(1, open('l1')),
      item(2, entry('l1', 'first')),
      item(3, entry('l2', 'no log')),
      item(4, { ...open('l4'), data: { logId: 'l4', child: { name: 'Ada Testchild' } } } as never),
      item(5, open('l3')),
    ]);
    expect(results.map((r) => (E.isRight(r) ? 'ok' : r.left.kind))).toEqual([
      'ok',
      'ok',
      'Rejected',
      'InvalidCommand',
      'ok',
    ]);
    // RL-2: the entry for a log never opened is refused; nothing of it is stored.
    expect(E.isLeft(results[2]!) && results[2].left).toMatchObject({
      rejection: { ruleId: 'RL-2' },
    });
    // The entry was decided on the state the open before it left (same stream, same group).
    expect(E.isRight(results[1]!) && results[1].right.revision).toBe(1);
    expect(store.groups).toEqual([3]);
    expect((await history(store)).map(([s, r]) => `${String(s)}@${String(r)}`)).toEqual([
      'referral-log-l1@0',
      'referral-log-l1@1',
      'referral-log-l3@0',
    ]);
  });

  it('decides a command again, with those after it on its stream, when another writer got there first; the rest of the group is stored once', async () => {
    const inner = new InMemoryEventStore();
    let interfered = false;
    // Another writer appends to l1 after this handler has decided its group, before it commits.
    const store = groupingStore(inner, async (requests) => {
      if (!interfered) {
        interfered = true;
        await commandHandler({ store: inner, clock }).handle(referralLogModule, {
          commandId: id(2),
          command: entry('l1', 'b1'),
        });
      }
      return appendGroup(inner, requests);
    });
    const a = commandHandler({ store: inner, clock });
    await a.handle(referralLogModule, { commandId: id(1), command: open('l1') });
    const grouped = commandHandler({ store, clock });
    await grouped.load(referralLogModule, 'referral-log-l1');
    const results = await grouped.handleMany([
      item(3, entry('l1', 'a1')),
      item(4, entry('l1', 'a2')),
      item(5, open('l2')),
    ]);
    expect(results.every(E.isRight)).toBe(true);
    expect(results.map((r) => E.isRight(r) && r.right.revision)).toEqual([2, 3, 0]);
    // First round: l1's two entries refused (stale revision), l2 stored; second round: l1 only.
    expect(store.groups).toEqual([3, 2]);
    expect(
      (await collect(store.readStream('referral-log-l1'))).map(
        (e) => (e.data as { text?: string }).text,
      ),
    ).toEqual([undefined, 'b1', 'a1', 'a2']);
    expect(await store.streamRevision('referral-log-l2')).toBe(0);
  });

  it('handles a command id repeated within a group once: the repeat is alreadyHandled with the first events', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock });
    const [first, again] = await handler.handleMany([item(1, open('l1')), item(1, open('l1'))]);
    expect(E.isRight(first!) && first.right.alreadyHandled).toBe(false);
    expect(E.isRight(again!) && again.right).toMatchObject({ alreadyHandled: true, revision: 0 });
    expect(E.isRight(again!) && again.right.events.map((e) => e.id)).toEqual(
      E.isRight(first!) && first.right.events.map((e) => e.id),
    );
    expect(await store.streamRevision('referral-log-l1')).toBe(0);
  });

  it('acknowledges nothing when the group commit fails: each command that appended reports the store failure', async () => {
    const inner = new InMemoryEventStore();
    const store = groupingStore(inner, () =>
      Promise.reject(new UnavailableError('the disk went away')),
    );
    const handler = commandHandler({ store, clock });
    const results = await handler.handleMany([
      item(1, open('l1')),
      item(2, entry('l2', 'no log')),
      item(3, open('l3')),
    ]);
    expect(results.map((r) => (E.isRight(r) ? 'ok' : r.left.kind))).toEqual([
      'StoreFailure',
      'Rejected',
      'StoreFailure',
    ]);
    expect(await collect(inner.readAll())).toEqual([]);
    // Nothing of the failed group was cached: the next command sees the store as it is.
    const r = await commandHandler({ store: inner, clock }).handle(referralLogModule, {
      commandId: id(4),
      command: entry('l1', 'x'),
    });
    expect(E.isLeft(r) && r.left.kind).toBe('Rejected');
  });

  it("given a command recorded before the store's command index (the index does not hold it), when it is sent again, then its events are found in its stream: alreadyHandled with them, and a changed command under its id is an IdempotencyConflict", async () => {
    const inner = new InMemoryEventStore();
    const sent = { commandId: id(1), command: open('l1') };
    const first = await commandHandler({ store: inner, clock }).handle(referralLogModule, sent);
    // An index kept only from now on: it holds none of the history recorded before it.
    const indexedLater = delegatingStore(inner, { eventsOfCommand: () => Promise.resolve([]) });
    const handler = commandHandler({ store: indexedLater, clock });
    const again = await handler.handle(referralLogModule, sent);
    expect(E.isRight(first) && E.isRight(again)).toBe(true);
    if (E.isRight(first) && E.isRight(again)) {
      expect(again.right.alreadyHandled).toBe(true);
      expect(again.right.events.map((e) => e.id)).toEqual(first.right.events.map((e) => e.id));
    }
    const changed = await handler.handle(referralLogModule, {
      commandId: id(1),
      command: { ...open('l1'), at: '2026-11-23T11:00:00Z' },
    });
    expect(E.isLeft(changed) && changed.left.kind).toBe('IdempotencyConflict');
  });

  it.each([
    ['offers', {}],
    ['does not offer', { streamRevisions: undefined, eventsOfCommand: undefined }],
  ])(
    'stores what one command at a time would store, for any commands in any grouping (the store %s its revision and command look-ups)',
    async (_, lookups: StoreOverrides) => {
      const logs = ['a', 'b', 'c'];
      const command = fc.oneof(
        fc.constantFrom(...logs).map(open),
        fc
          .tuple(fc.constantFrom(...logs), fc.string({ maxLength: 4 }))
          .map(([l, t]) => entry(l, t)),
        fc.constantFrom(...logs).map(close),
      );
      await fc.assert(
        fc.asyncProperty(
          fc.array(command, { maxLength: 24 }),
          fc.integer({ min: 1, max: 10 }),
          async (commands, size) => {
            const items = commands.map((c, i) => item(i + 1, c));
            const oneByOne = new InMemoryEventStore();
            const single = commandHandler({ store: oneByOne, clock });
            const expected: Outcome[] = [];
            for (const i of items) expected.push(await single.handle(i.module, i.envelope));
            const grouped = delegatingStore(groupingStore(new InMemoryEventStore()), lookups);
            const handler = commandHandler({ store: grouped, clock });
            const got: Outcome[] = [];
            for (let k = 0; k < items.length; k += size)
              got.push(...(await handler.handleMany(items.slice(k, k + size))));
            const kinds = (rs: Outcome[]) =>
              rs.map((r) => (E.isRight(r) ? r.right.revision : r.left.kind));
            expect(kinds(got)).toEqual(kinds(expected));
            expect(await history(grouped)).toEqual(await history(oneByOne));
          },
        ),
        { numRuns: 60 },
      );
    },
  );
});
