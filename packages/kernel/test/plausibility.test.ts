/**
 * Plausibility rules: policy data with defaults, each breach a typed INPUT rejection naming the
 * field, checked by the command handler before the decider, so nothing is appended.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  commandCatalogue,
  commandHandler,
  defaultPlausibility,
  defineEvent,
  eventCatalogue,
  InMemoryEventStore,
  IsoDate,
  IsoInstant,
  personal,
  timelinePhases,
  type Command,
  type DomainModule,
  type PlausibilityPolicy,
} from '../src/index.js';

const Child = t.type({
  name: personal(t.string, 'name'),
  dateOfBirth: personal(IsoDate, 'dateOfBirth'),
});
const OpenFile = t.type({ fileId: t.string, child: Child });
const RecordPayment = t.intersection([
  t.type({ fileId: t.string, amount: t.number, paidAt: IsoInstant }),
  t.partial({ note: t.string, witnessIds: t.array(t.string) }),
]);
const commands = commandCatalogue({ OpenFile, RecordPayment });
type FileCommand = Command<'OpenFile' | 'RecordPayment', Record<string, unknown>>;
const events = eventCatalogue({ Recorded: defineEvent(t.type({ fileId: t.string })) });
const files: DomainModule<FileCommand, { type: 'Recorded'; data: { fileId: string } }, null> = {
  name: 'file',
  streamPrefix: 'file-',
  commands: commands as never,
  events,
  streamOf: (c) => `file-${String(c.data['fileId'])}`,
  deadlines: () => [],
  deadlinePersonalData: [],
  timeline: timelinePhases({ Recorded: 'file' }),
  decider: {
    initialState: null,
    evolve: (s: null) => s,
    decide: (c: FileCommand) =>
      E.right([{ type: 'Recorded', data: { fileId: String(c.data['fileId']) } }]),
    isTerminal: () => false,
  } as never,
};

const actor = { id: 'sw-0001', role: 'social worker', agency: 'children-social-care' };
const AT = '2026-11-23T10:00:00Z';
const open = (dateOfBirth: string): FileCommand => ({
  type: 'OpenFile',
  at: AT,
  actor,
  data: { fileId: 'f1', child: { name: 'Ada Testchild', dateOfBirth } },
});
const payment = (data: Record<string, unknown>): FileCommand => ({
  type: 'RecordPayment',
  at: AT,
  actor,
  data: { fileId: 'f1', amount: 60, paidAt: AT, ...data },
});

const run = async (command: FileCommand, plausibility?: PlausibilityPolicy) => {
  const store = new InMemoryEventStore();
  const handler = commandHandler({
    store,
    clock: () => AT,
    ...(plausibility ? { plausibility } : {}),
  });
  const result = await handler.handle(files, {
    commandId: '00000000-0000-4000-8000-000000000001',
    command,
  });
  const stored: string[] = [];
  for await (const e of store.readStream('file-f1')) stored.push(e.type);
  return { result, stored };
};

const rejection = (r: Awaited<ReturnType<typeof run>>) =>
  E.isLeft(r.result) && r.result.left.kind === 'Rejected' ? r.result.left.rejection : undefined;

describe('plausibility: a child is 0 to 25 years old on the command date', () => {
  it('accepts a child of 0 and of 25', async () => {
    expect(E.isRight((await run(open('2026-11-23'))).result)).toBe(true);
    expect(E.isRight((await run(open('2001-11-23'))).result)).toBe(true);
  });

  it('refuses a child born in 1900 (found from outside), naming the field; nothing appended', async () => {
    const r = await run(open('1900-01-01'));
    expect(rejection(r)).toMatchObject({ ruleId: 'INPUT', field: 'data.child.dateOfBirth' });
    expect(rejection(r)?.reason).toMatch(/would be 126 on 2026-11-23; the plausible ages are 0-25/);
    expect(r.stored).toEqual([]);
  });

  it('refuses a child of 26 and one not born yet', async () => {
    expect(rejection(await run(open('2000-11-23')))?.field).toBe('data.child.dateOfBirth');
    expect(rejection(await run(open('2026-11-24')))?.reason).toBe(
      'the date of birth is in the future',
    );
  });

  it('is policy: a council can set other ages', async () => {
    const policy = { ...defaultPlausibility, childAgeYears: { min: 0, max: 30 } };
    expect(E.isRight((await run(open('2000-11-23'), policy)).result)).toBe(true);
  });
});

describe('plausibility: years, amounts, ids and text', () => {
  it('refuses an instant or date outside the plausible years', async () => {
    const r = await run(payment({ paidAt: '1899-12-31T12:00:00Z' }));
    expect(rejection(r)).toMatchObject({ ruleId: 'INPUT', field: 'data.paidAt' });
    expect(rejection(r)?.reason).toMatch(/1899 is outside the plausible years 1900-2199/);
  });

  it('refuses an amount of 1e308 (found from outside: it was marked on time)', async () => {
    const r = await run(payment({ amount: 1e308 }));
    expect(rejection(r)).toMatchObject({ ruleId: 'INPUT', field: 'data.amount' });
    expect(r.stored).toEqual([]);
    expect(rejection(await run(payment({ amount: -2_000_000 })))?.field).toBe('data.amount');
  });

  it('refuses ids that are untrimmed, unprintable or too long, and names which one', async () => {
    expect(rejection(await run(payment({ fileId: ' f1' })))?.field).toBe('data.fileId');
    expect(rejection(await run(payment({ witnessIds: ['w1', 'w\u001b[2J'] })))?.field).toBe(
      'data.witnessIds.1',
    );
    expect(rejection(await run(payment({ witnessIds: ['w'.repeat(129)] })))?.reason).toBe(
      'an id is at most 128 characters',
    );
    const badActor = { ...payment({}), actor: { ...actor, id: 'sw\u0000' } };
    expect(rejection(await run(badActor))?.field).toBe('actor.id');
  });

  it('lets text carry tabs and line breaks but no other control characters', async () => {
    expect(E.isRight((await run(payment({ note: 'line one\n\tline two' }))).result)).toBe(true);
    expect(rejection(await run(payment({ note: 'clear\u001b[2J' })))?.field).toBe('data.note');
  });
});
