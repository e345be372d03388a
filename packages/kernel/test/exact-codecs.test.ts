/**
 * Exact codecs at the boundary: a field a codec does not declare is refused with its path,
 * never stored and never silently dropped, through every io-ts combinator the domains use.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  commandCatalogue,
  defineEvent,
  eventCatalogue,
  fieldProblems,
  IsoDate,
  personal,
  primarySubject,
  unknownFields,
} from '../src/index.js';

const Person = t.intersection([
  t.type({ name: personal(t.string, 'name'), dateOfBirth: personal(IsoDate, 'dateOfBirth') }),
  t.partial({ school: personal(t.string, 'school') }),
]);
const Venue = t.union([
  t.type({ mode: t.literal('venue'), room: t.string }),
  t.strict({ mode: t.literal('online'), platform: t.string }),
]);
const OpenFile = t.readonly(
  t.type({
    fileId: t.refinement(t.string, (s) => s.length > 0, 'Id'),
    child: Person,
    parents: t.readonlyArray(Person),
    venue: Venue,
    tags: t.record(t.string, t.exact(t.type({ note: t.string }))),
  }),
);

const data = {
  fileId: 'f1',
  child: { name: 'Ada Testchild', dateOfBirth: '2014-05-01' },
  parents: [{ name: 'Bo Testparent', dateOfBirth: '1985-01-01', school: 'none' }],
  venue: { mode: 'online', platform: 'Teams' },
  tags: { urgent: { note: 'call back' } },
};

describe('unknownFields: the fields a codec does not declare, at any depth', () => {
  it('finds nothing in an exact value', () => {
    expect(unknownFields(OpenFile, data)).toEqual([]);
  });

  it('names an extra field at the top, inside an intersection, an array, a union and a record', () => {
    const extra = {
      ...data,
      caseNotes: 'x',
      child: { ...data.child, nickname: 'A' },
      parents: [{ ...data.parents[0], phone: '0' }],
      venue: { ...data.venue, password: 'p' },
      tags: { urgent: { note: 'call back', by: 'me' } },
    };
    expect(unknownFields(OpenFile, extra).map((p) => p.path)).toEqual([
      'child.nickname',
      'parents.0.phone',
      'venue.password',
      'tags.urgent.by',
      'caseNotes',
    ]);
    expect(unknownFields(OpenFile, extra)[0]?.message).toBe('unknown field');
  });

  it('reads a union by the member that decodes the value', () => {
    const venue = { mode: 'venue', room: 'R1', platform: 'Teams' };
    expect(unknownFields(Venue, venue).map((p) => p.path)).toEqual(['platform']);
  });
});

describe('unknownFields: a prototype key is refused wherever a codec does not declare it, naming its path', () => {
  const refused = 'a prototype key (a name every object inherits): refused';
  const parsed = (json: string): unknown => JSON.parse(json);

  it('given a record keyed __proto__ or constructor (JSON gives either as an own key), then each is named', () => {
    const tags = parsed(
      '{"__proto__": {"note": "a"}, "constructor": {"note": "b"}, "toString": {"note": "c"}, "urgent": {"note": "d"}}',
    );
    expect(unknownFields(OpenFile, { ...data, tags })).toEqual([
      { path: 'tags.__proto__', message: refused },
      { path: 'tags.constructor', message: refused },
      { path: 'tags.toString', message: refused },
    ]);
  });

  it('given an object whose codec declares its fields, then a prototype key among them says so', () => {
    const child = parsed('{"name": "Ada Testchild", "dateOfBirth": "2014-05-01", "__proto__": {}}');
    expect(unknownFields(OpenFile, { ...data, child })).toEqual([
      { path: 'child.__proto__', message: refused },
    ]);
  });

  it('given a value the codec takes whole (unknown, UnknownRecord), then a prototype key at any depth of it is named', () => {
    const Settings = t.type({ extension: t.unknown, overrides: t.UnknownRecord });
    const value = parsed(
      '{"extension": {"rules": [{"__proto__": {"x": 1}}]}, "overrides": {"a": {"constructor": 1}}}',
    );
    expect(unknownFields(Settings, value)).toEqual([
      { path: 'extension.rules.0.__proto__', message: refused },
      { path: 'overrides.a.constructor', message: refused },
    ]);
    expect(unknownFields(Settings, { extension: { rules: [{ x: 1 }] }, overrides: {} })).toEqual(
      [],
    );
  });

  it('given a record over named keys (io-ts keeps only those), then another key is refused, not dropped', () => {
    const Bands = t.record(t.keyof({ AIM2: null, AIM3: null }), t.number);
    expect(E.isRight(Bands.decode({ AIM2: 1, AIM3: 2, AIM4: 3 }))).toBe(true);
    expect(unknownFields(Bands, { AIM2: 1, AIM3: 2, AIM4: 3 })).toEqual([
      { path: 'AIM4', message: 'unknown key (expected "AIM2" | "AIM3")' },
    ]);
  });

  it('refuses a command whose data holds a record keyed __proto__, naming the path', () => {
    const r = commandCatalogue({ OpenFile }).decode({
      commandId: '3b0f2c1e-8d4a-4f7b-9c2d-1e2f3a4b5c6e',
      type: 'OpenFile',
      at: '2026-11-23T10:00:00Z',
      actor: { id: 'sw-0001', role: 'social worker', agency: 'children-social-care' },
      data: { ...data, tags: parsed('{"__proto__": {"note": "x"}}') },
    });
    expect(E.isLeft(r) && r.left.problems).toEqual([
      { path: 'data.tags.__proto__', message: refused },
    ]);
  });
});

const commands = commandCatalogue({ OpenFile });
const wire = {
  commandId: '3b0f2c1e-8d4a-4f7b-9c2d-1e2f3a4b5c6d',
  type: 'OpenFile',
  at: '2026-11-23T10:00:00Z',
  actor: { id: 'sw-0001', role: 'social worker', agency: 'children-social-care' },
  data,
};

describe('the command catalogue decodes exactly', () => {
  it('accepts an exact wire command', () => {
    expect(E.isRight(commands.decode(wire))).toBe(true);
  });

  it('refuses an unknown field in the data, naming it', () => {
    const r = commands.decode({ ...wire, data: { ...data, child: { ...data.child, x: 1 } } });
    expect(E.isLeft(r) && r.left.problems).toEqual([
      { path: 'data.child.x', message: 'unknown field' },
    ]);
    expect(E.isLeft(r) && r.left.message).toBe('Invalid command: data.child.x: unknown field');
  });

  it('refuses an unknown field in the envelope and in the actor', () => {
    const r = commands.decode({ ...wire, priority: 'high' });
    expect(E.isLeft(r) && r.left.problems).toEqual([
      { path: 'priority', message: 'unknown field' },
    ]);
    const a = commands.decode({ ...wire, actor: { ...wire.actor, email: 'x@example.org' } });
    expect(E.isLeft(a) && a.left.problems[0]?.path).toBe('actor.email');
  });

  it('reports wrong fields and unknown fields together', () => {
    const r = commands.decode({ ...wire, data: { ...data, fileId: 7, extra: true } });
    expect(E.isLeft(r) && r.left.problems.map((p) => p.path)).toEqual([
      'data.fileId',
      'data.extra',
    ]);
  });

  it('names a wrong field inside an intersection under a refinement (a primary subject) by its path, without the member index', () => {
    const Case = t.strict({ caseId: t.string, child: primarySubject(Person) });
    const problems = fieldProblems(
      (
        Case.decode({
          caseId: 'c-1',
          child: { name: 'Ada Testchild', dateOfBirth: '2014-02-30' },
        }) as E.Left<t.Errors>
      ).left,
    );
    expect(problems).toEqual([
      {
        path: 'child.dateOfBirth',
        message: 'expected a real date as YYYY-MM-DD (years 1000-9999)',
      },
    ]);
  });

  it('validates commands built in code the same way', () => {
    const r = commands.validate({
      type: 'OpenFile',
      at: wire.at,
      actor: wire.actor,
      data: { ...data, extra: true },
    });
    expect(E.isLeft(r) && r.left.problems[0]?.path).toBe('data.extra');
  });
});

describe('the event catalogue writes new events exactly and reads history tolerantly', () => {
  const events = eventCatalogue({ FileOpened: defineEvent(t.type({ fileId: t.string })) });

  it('refuses to encode a new event with a field its codec does not declare', () => {
    expect(() =>
      events.encode({ type: 'FileOpened', data: { fileId: 'f1', extra: 1 } as never }),
    ).toThrow(/FileOpened.*extra: unknown field/);
    expect(() => events.encode({ type: 'FileOpened', data: { fileId: 7 } as never })).toThrow(
      /not a valid FileOpened/,
    );
  });

  it('still decodes a stored event that carries a field from before codecs were exact', () => {
    const r = events.decode({
      stream: 'file-f1',
      revision: 0,
      type: 'FileOpened',
      schemaVersion: 1,
      data: { fileId: 'f1', extra: 1 },
    });
    expect(E.isRight(r)).toBe(true);
  });
});
