import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { defineEvent, unreadableStoredData } from '../src/index.js';
import * as t from 'io-ts';
import { events } from './fixtures/referral-log.js';

const stored = (over: Partial<{ type: string; schemaVersion: number; data: unknown }>) => ({
  stream: 'referral-log-l1',
  revision: 3,
  position: 17n,
  type: 'LogOpened',
  schemaVersion: 2,
  data: {
    logId: 'l1',
    at: '2026-01-05T09:00:00Z',
    child: { name: 'Ada Testchild', dateOfBirth: '2014-05-01' },
  },
  ...over,
});

describe('the one decode step: validate and upcast every stored event', () => {
  it('refuses an event whose stored text a store could not read, naming where and saying why', () => {
    const r = events.decode(
      stored({ data: unreadableStoredData('the stored data is not valid JSON (Unexpected end)') }),
    );
    expect(r).toEqual(
      E.left(
        expect.objectContaining({
          kind: 'InvalidEventPayload',
          stream: 'referral-log-l1',
          revision: 3,
          problems: [
            { path: '(root)', message: 'the stored data is not valid JSON (Unexpected end)' },
          ],
        }),
      ),
    );
  });

  it('decodes a current-version event', () => {
    const r = events.decode(stored({}));
    expect(E.isRight(r) && r.right.type).toBe('LogOpened');
  });

  it('upcasts an old schema version before validating, so a domain never sees an old shape', () => {
    const r = events.decode(
      stored({
        schemaVersion: 1,
        data: {
          logId: 'l1',
          at: '2026-01-05T09:00:00Z',
          childName: 'Ada Testchild',
          dateOfBirth: '2014-05-01',
        },
      }),
    );
    expect(r).toEqual(
      E.right({
        type: 'LogOpened',
        data: {
          logId: 'l1',
          at: '2026-01-05T09:00:00Z',
          child: { name: 'Ada Testchild', dateOfBirth: '2014-05-01' },
        },
      }),
    );
  });

  it('names the stream, revision and type of an unknown event type', () => {
    const r = events.decode(stored({ type: 'LogTeleported' }));
    expect(E.isLeft(r) && r.left).toMatchObject({
      kind: 'UnknownEventType',
      stream: 'referral-log-l1',
      revision: 3,
      type: 'LogTeleported',
    });
    expect(E.isLeft(r) && r.left.message).toMatch(/stream "referral-log-l1" revision 3/);
  });

  it('names the field of an invalid payload and withholds personal values', () => {
    const r = events.decode(
      stored({
        data: { logId: 'l1', at: 'yesterday', child: { name: 42, dateOfBirth: '2014-05-01' } },
      }),
    );
    expect(E.isLeft(r)).toBe(true);
    if (E.isRight(r)) return;
    expect(r.left.kind).toBe('InvalidEventPayload');
    expect(r.left.problems.map((p) => p.path).sort()).toEqual(['at', 'child.name']);
    expect(r.left.message).not.toContain('42');
    expect(r.left.message).toContain('personal data withheld');
  });

  it('echoes no stored value, only its kind: a damaged row may hold a name where an object was', () => {
    const r = events.decode(
      stored({ data: { logId: 'l1', at: '2026-01-01T10:00:00Z', child: 'Ash Invented' } }),
    );
    expect(E.isLeft(r) && r.left.problems).toEqual([
      { path: 'child', message: expect.stringMatching(/, got a string$/) as unknown },
    ]);
    expect(E.isLeft(r) && r.left.message).not.toContain('Ash');
    const whole = events.decode(stored({ data: 'Bo Madeup' }));
    expect(E.isLeft(whole) && whole.left.message).toMatch(/\(root\): expected .*, got a string/);
    expect(E.isLeft(whole) && whole.left.message).not.toContain('Madeup');
  });

  it('refuses a schema version newer than this build reads', () => {
    const r = events.decode(stored({ schemaVersion: 3 }));
    expect(E.isLeft(r) && r.left.kind).toBe('UnsupportedSchemaVersion');
  });

  it('reports an upcaster that throws as UpcastFailed, not a crash', () => {
    const r = events.decode(stored({ schemaVersion: 1, data: null }));
    expect(E.isLeft(r) && r.left.kind).toBe('UpcastFailed');
  });

  it('encodes with the current schema version', () => {
    expect(
      events.encode({
        type: 'LogClosed',
        data: { at: '2026-01-05T09:00:00Z', reason: 'x' },
      }).schemaVersion,
    ).toBe(1);
    expect(events.encode({ type: 'LogOpened', data: stored({}).data as never }).schemaVersion).toBe(
      2,
    );
  });

  it('lists the personal data each event type declares', () => {
    expect(events.personalData('LogOpened')).toEqual([
      { path: 'child.name', category: 'name' },
      { path: 'child.dateOfBirth', category: 'dateOfBirth' },
    ]);
    expect(events.personalData('LogClosed')).toEqual([]);
  });

  it('refuses a definition whose upcasters leave a gap', () => {
    expect(() =>
      defineEvent(t.type({ a: t.string }), { version: 3, upcasters: { 1: (x) => x } }),
    ).toThrow(/version 2 to 3/);
  });
});
