/**
 * io-ts → JSON Schema: for each codec kind the catalogues use, the schema accepts what the
 * codec accepts and refuses what it refuses (checked with Ajv, draft 2020-12), objects are
 * closed as the catalogues' exact decoding is, and personal fields are marked.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { IsoDate, IsoInstant, personal, unknownFields } from '@aimline/kernel';
import { hsbCaseModule } from '@aimline/hsb-aim';
import { meetingModule } from '@aimline/meetings';
import { panelReferralModule, panelSittingModule } from '@aimline/panel';
import { attendanceAimModule } from '@aimline/attendance-aim';
import { codecJsonSchema } from '../src/schema/codec-json-schema.js';
import { schemaValidator } from './support/ajv.js';

/** What the catalogues accept: the codec decodes it and it has no undeclared field. */
const codecAccepts = (codec: t.Mixed, value: unknown): boolean =>
  E.isRight(codec.decode(value)) && unknownFields(codec, value).length === 0;

/** The schema and the codec agree on every value. */
const agree = (codec: t.Mixed, values: unknown[]): void => {
  const { schema, unknownCodecs } = codecJsonSchema(codec);
  expect(unknownCodecs).toEqual([]);
  const validate = schemaValidator(schema);
  for (const v of values) expect([v, validate(v)]).toEqual([v, codecAccepts(codec, v)]);
};

const Name = t.refinement(t.string, (s) => s.trim().length > 0, 'NonEmptyString');

describe('codecJsonSchema', () => {
  it('primitives, literals and keyof', () => {
    agree(t.string, ['a', 1, null]);
    agree(t.number, [1.5, '1']);
    agree(t.boolean, [true, 0]);
    agree(t.null, [null, 'null']);
    agree(t.literal('open'), ['open', 'closed']);
    agree(t.literal(3), [3, 4]);
    agree(t.keyof({ red: null, amber: null, green: null }), ['red', 'blue', 1]);
    agree(t.union([t.literal('a'), t.literal('b')]), ['a', 'b', 'c']);
  });

  it('type, strict, exact and partial are closed objects (the catalogues decode exactly)', () => {
    const Child = t.type({ id: Name, age: t.number });
    agree(Child, [{ id: 'C-1', age: 12 }, { id: 'C-1' }, { id: 'C-1', age: 12, nickname: 'x' }]);
    agree(t.strict({ id: Name }), [{ id: 'x' }, { id: 'x', y: 1 }, { id: ' ' }]);
    agree(t.exact(t.partial({ note: t.string })), [{}, { note: 'n' }, { other: 1 }]);
    expect(codecJsonSchema(Child).schema).toMatchObject({ additionalProperties: false });
  });

  it('an intersection of objects is one closed object with every member’s fields', () => {
    const Referral = t.intersection([
      t.strict({ referralId: Name, at: IsoInstant }),
      t.exact(t.partial({ note: t.string, due: IsoDate })),
    ]);
    expect(codecJsonSchema(Referral).schema).toMatchObject({
      type: 'object',
      required: ['referralId', 'at'],
      additionalProperties: false,
    });
    agree(Referral, [
      { referralId: 'R-1', at: '2026-01-05T10:00:00Z' },
      { referralId: 'R-1', at: '2026-01-05T10:00:00+01:00', note: 'n', due: '2026-02-28' },
      { referralId: 'R-1', at: '2026-01-05T10:00:00Z', due: '2026-02-30' },
      { referralId: 'R-1', at: '2026-01-05T10:00:00' },
      { referralId: 'R-1', at: '2026-01-05T10:00:00Z', extra: true },
      { at: '2026-01-05T10:00:00Z' },
    ]);
  });

  it('an intersection with a union is allOf closed by unevaluatedProperties', () => {
    const Venue = t.intersection([
      t.strict({ meetingId: Name }),
      t.union([
        t.strict({ mode: t.literal('venue'), room: t.string }),
        t.strict({ mode: t.literal('online'), platform: t.string }),
      ]),
    ]);
    expect(codecJsonSchema(Venue).schema).toMatchObject({ unevaluatedProperties: false });
    agree(Venue, [
      { meetingId: 'M-1', mode: 'venue', room: '2.14' },
      { meetingId: 'M-1', mode: 'online', platform: 'Teams' },
      { meetingId: 'M-1', mode: 'online', room: '2.14' },
      { meetingId: 'M-1', mode: 'venue', room: '2.14', platform: 'Teams' },
      { meetingId: 'M-1', mode: 'venue', room: '2.14', colour: 'red' },
    ]);
  });

  it('arrays, readonly arrays, tuples and records', () => {
    agree(t.array(t.number), [[1, 2], [1, 'x'], {}]);
    agree(t.readonlyArray(t.strict({ n: t.number })), [[{ n: 1 }], [{ n: 1, m: 2 }]]);
    agree(t.tuple([t.string, t.number]), [['a', 1], ['a'], ['a', 1, 2]]);
    agree(t.record(t.string, t.number), [{ a: 1 }, { a: 'x' }]);
    agree(t.record(t.keyof({ am: null, pm: null }), t.boolean), [
      { am: true, pm: false },
      { am: true },
      { am: true, pm: 1 },
    ]);
  });

  it('refinements and the calendar codecs are described by name', () => {
    agree(IsoInstant, ['2026-03-29T01:30:00Z', '2026-03-29', 'soon']);
    agree(IsoDate, ['2024-02-29', '2023-02-29T00:00:00Z', '29/02/2024']);
    agree(Name, ['x', '', '   ']);
    agree(t.Int, [3, 3.5]);
    const Odd = t.refinement(t.number, (n) => n % 2 === 1, 'Odd');
    expect(codecJsonSchema(Odd)).toEqual({
      schema: { type: 'number', 'x-codec': 'Odd' },
      unknownCodecs: ['Odd'],
    });
    expect(codecJsonSchema(Odd, { leaves: { Odd: { multipleOf: 1 } } }).unknownCodecs).toEqual([]);
  });

  it('personal() keeps its inner schema and marks the field with its category', () => {
    const { schema } = codecJsonSchema(
      t.strict({ name: personal(Name, 'name'), dob: personal(IsoDate, 'dateOfBirth') }),
    );
    expect(schema['properties']).toEqual({
      name: { type: 'string', minLength: 1, pattern: '\\S', 'x-personal-data': 'name' },
      dob: { type: 'string', format: 'date', 'x-personal-data': 'dateOfBirth' },
    });
  });

  it('describes every command and event codec of the four processes, leaving none undescribed', () => {
    const modules = [
      hsbCaseModule(),
      meetingModule(),
      panelSittingModule(),
      panelReferralModule(),
      attendanceAimModule(),
    ];
    const undescribed = modules.flatMap((m) => [
      ...m.commands.types.flatMap((ty) => codecJsonSchema(m.commands.codec(ty)!).unknownCodecs),
      ...m.events.types.flatMap(
        (ty) => codecJsonSchema(m.events.definition(ty)!.codec).unknownCodecs,
      ),
    ]);
    expect(undescribed).toEqual([]);
  });
});
