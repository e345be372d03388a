import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { commandHandler, InMemoryEventStore, type RecordedEvent } from '@aimline/kernel';
import { hsbCaseModule } from '@aimline/hsb-aim';
import { governedCommands, parseDirectory } from '../src/index.js';
import { closeCase, directoryFile, reportConcern, STREAM } from './fixtures.js';

const setup = () => {
  const store = new InMemoryEventStore();
  const handler = commandHandler({ store, clock: () => '2026-06-30T00:00:00Z' });
  const directory = parseDirectory(directoryFile);
  if (E.isLeft(directory)) throw new Error(directory.left.message);
  const governed = governedCommands(handler, directory.right);
  const all = async (): Promise<RecordedEvent[]> => {
    const out: RecordedEvent[] = [];
    for await (const e of store.readAll()) out.push(e);
    return out;
  };
  return { governed, all, module: hsbCaseModule() };
};

describe('the governed command path', () => {
  it('given an allocated social worker, when they report a concern, then the actor recorded is the principal', async () => {
    const { governed, all, module } = setup();
    const r = await governed.execute('sw-ada', module, reportConcern(1));
    expect(E.isRight(r)).toBe(true);
    const events = await all();
    expect(events.map((e) => [e.stream, e.type])).toEqual([[STREAM, 'ConcernReported']]);
    expect(events[0]!.metadata.actor).toEqual({
      id: 'sw-ada',
      role: 'social-worker',
      agency: 'childrens-social-care',
    });
  });

  it('a wire actor is refused, naming the field, and nothing is appended', async () => {
    const { governed, all, module } = setup();
    const forged = { ...reportConcern(1), actor: { id: 'x', role: 'janitor', agency: 'nasa' } };
    const r = await governed.execute('sw-ada', module, forged);
    expect(r).toMatchObject(E.left({ kind: 'InvalidCommand', problems: [{ path: 'actor' }] }));
    expect(await all()).toEqual([]);
  });

  it('FORBIDDEN: a social worker closing a case (a manager decision) is refused, naming principal and command; nothing is appended', async () => {
    const { governed, all, module } = setup();
    await governed.execute('sw-ada', module, reportConcern(1));
    const before = await all();
    const r = await governed.execute('sw-ada', module, closeCase(2));
    expect(r).toMatchObject(
      E.left({ kind: 'Forbidden', code: 'FORBIDDEN', principal: 'sw-ada', command: 'CloseCase' }),
    );
    expect(await all()).toEqual(before);
    const byManager = await governed.execute('tm-cal', module, closeCase(3));
    expect(E.isRight(byManager) && byManager.right.events.map((e) => e.type)).toEqual([
      'CaseClosed',
    ]);
  });

  it('FORBIDDEN: a social worker not allocated to the case may report a new concern but not act on the case', async () => {
    const { governed, all, module } = setup();
    await governed.execute('sw-ada', module, reportConcern(1));
    const before = await all();
    const route = {
      commandId: '00000000-0000-4000-8000-000000000009',
      type: 'DecideRoute',
      at: '2026-06-01T16:00:00Z',
      data: {
        caseId: 'C-0001',
        route: 'child-protection',
        temporaryRiskStrategy: 'Invented plan.',
      },
    };
    expect(await governed.execute('sw-ben', module, route)).toMatchObject(
      E.left({ kind: 'Forbidden', principal: 'sw-ben', command: 'DecideRoute', stream: STREAM }),
    );
    expect(await all()).toEqual(before);
    // the allocated social worker gets past governance to the domain's own rules
    expect(await governed.execute('sw-ada', module, route)).toMatchObject(
      E.left({ kind: 'Rejected', rejection: { ruleId: 'STATE' } }),
    );
  });

  it.each([
    ['an unknown principal', 'sw-zed', 'UnknownPrincipal'],
    ['a forged id', 'sw-\u0430da', 'ForgedPrincipal'],
    ['a principal with no role', 'new-ivy', 'NoRole'],
  ])('%s is refused before the command is read, and nothing is appended', async (_w, as, kind) => {
    const { governed, all, module } = setup();
    expect(await governed.execute(as, module, reportConcern(1))).toMatchObject(E.left({ kind }));
    expect(await all()).toEqual([]);
  });

  it('a command built in code runs as the principal too (handle)', async () => {
    const { governed, all, module } = setup();
    const { commandId, type, at, data } = reportConcern(4);
    const r = await governed.handle('sw-ada', module, { commandId, command: { type, at, data } });
    expect(E.isRight(r)).toBe(true);
    expect((await all())[0]!.metadata.actor.id).toBe('sw-ada');
  });
});
