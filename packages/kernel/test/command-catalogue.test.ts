import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { redact } from '../src/index.js';
import { commands } from './fixtures/referral-log.js';
import * as t from 'io-ts';
import { personal } from '../src/index.js';

const wire = {
  commandId: '3b0f2c1e-8d4a-4f7b-9c2d-1e2f3a4b5c6d',
  type: 'OpenLog',
  at: '2026-11-23T10:00:00Z',
  actor: { id: 'sw-0001', role: 'social worker', agency: 'children-social-care' },
  data: { logId: 'l1', child: { name: 'Ada Testchild', dateOfBirth: '2014-05-01' } },
};

describe('commands are data: decoding wire commands', () => {
  it('decodes a valid wire command into an envelope', () => {
    const r = commands.decode(wire);
    expect(E.isRight(r) && r.right.commandId).toBe(wire.commandId);
    expect(E.isRight(r) && r.right.command.type).toBe('OpenLog');
  });

  it('names an unknown command type and the known ones', () => {
    const r = commands.decode({ ...wire, type: 'DeleteChild' });
    expect(E.isLeft(r) && r.left.problems[0]).toMatchObject({ path: 'type' });
    expect(E.isLeft(r) && r.left.message).toMatch(
      /unknown command "DeleteChild"; known: OpenLog, AddEntry, CloseLog/,
    );
  });

  it('names each wrong field of the envelope and the data', () => {
    const r = commands.decode({
      ...wire,
      commandId: 'nope',
      at: '2026-11-23 10:00',
      data: { logId: 7, child: { name: 'Ada Testchild', dateOfBirth: '2014-02-30' } },
    });
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path).sort()).toEqual(['at', 'commandId']);
    const d = commands.decode({
      ...wire,
      data: { logId: 7, child: { name: 'Ada Testchild', dateOfBirth: '2014-02-30' } },
    });
    expect(E.isLeft(d) && d.left.problems.map((p) => p.path).sort()).toEqual([
      'data.child.dateOfBirth',
      'data.logId',
    ]);
  });

  it('refuses an instant without an offset (T-1: instants are unambiguous)', () => {
    const r = commands.decode({ ...wire, at: '2026-11-23T10:00:00' });
    expect(E.isLeft(r) && r.left.problems[0]?.path).toBe('at');
  });

  it('refuses input that is not an object at all', () => {
    expect(E.isLeft(commands.decode('{"type":'))).toBe(true);
    expect(E.isLeft(commands.decode(null))).toBe(true);
  });

  it('lists personal data declared in command codecs, and redacts it for logs', () => {
    expect(commands.personalData('OpenLog').map((p) => p.path)).toEqual([
      'child.name',
      'child.dateOfBirth',
    ]);
    const codec = t.type({
      logId: t.string,
      child: t.type({ name: personal(t.string, 'name') }),
      notes: t.array(personal(t.string, 'freeText')),
    });
    expect(
      redact(codec, { logId: 'l1', child: { name: 'Ada Testchild' }, notes: ['a', 'b'] }),
    ).toEqual({
      logId: 'l1',
      child: { name: '[personal:name]' },
      notes: ['[personal:freeText]', '[personal:freeText]'],
    });
  });
});
