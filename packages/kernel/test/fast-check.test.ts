import { test } from '@fast-check/vitest';
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import { defineEvent, eventCatalogue, IsoDate, personal } from '../src/index.js';
import { ACCEPTED, compileFastCheck, REFUSED, UNSURE } from '../src/codec/fast-check.js';
import { codecValues, fastCheckDisagreement } from '../src/testing/codec-values.js';

/** A custom leaf that changes what it reads (io-ts hands back something else). */
const Trimmed = new t.Type<string, string, unknown>(
  'Trimmed',
  (u): u is string => typeof u === 'string',
  (u, c) => (typeof u === 'string' ? t.success(u.trim()) : t.failure(u, c)),
  t.identity,
);
const NonEmpty = t.refinement(t.string, (s) => s.trim() !== '', 'NonEmpty');
const Child = t.intersection([
  t.strict({ name: personal(NonEmpty, 'name'), dateOfBirth: personal(IsoDate, 'dateOfBirth') }),
  t.exact(t.partial({ school: personal(NonEmpty, 'school') })),
]);
/** Every combinator the checker knows, and some it must leave to io-ts. */
const Everything = t.intersection([
  t.strict({
    kind: t.literal('referral'),
    urgency: t.keyof({ low: null, high: null }),
    child: Child,
    siblings: t.readonlyArray(Child),
    tags: t.array(t.string),
    count: t.number,
    open: t.boolean,
    note: t.union([t.null, NonEmpty]),
    outcome: t.union([
      t.strict({ decided: t.literal(true), by: t.string }),
      t.strict({ decided: t.literal(false) }),
    ]),
    extra: t.unknown,
    record: t.UnknownRecord,
    list: t.UnknownArray,
    frozen: t.readonly(t.type({ a: t.number })),
  }),
  t.exact(t.partial({ trimmed: Trimmed, maybe: t.union([t.string, t.undefined]) })),
]);

const valid = {
  kind: 'referral',
  urgency: 'high',
  child: { name: 'Ada Testchild', dateOfBirth: '2014-05-01', school: 'Testing Primary' },
  siblings: [{ name: '[erased:name]', dateOfBirth: '[erased:dateOfBirth]' }],
  tags: ['a'],
  count: 2,
  open: true,
  note: null,
  outcome: { decided: true, by: 'panel' },
  extra: { anything: [1] },
  record: {},
  list: [],
  frozen: { a: 1 },
};

describe('the compiled fast check answers as io-ts would, or leaves the value to io-ts', () => {
  const check = compileFastCheck(Everything);

  it('accepts a value io-ts reads as itself, through every combinator', () => {
    expect(check(valid)).toBe(ACCEPTED);
    expect(Everything.decode(valid)).toEqual(E.right(valid));
  });

  it('refuses what io-ts refuses: a wrong literal, key, type, refinement or union member', () => {
    for (const bad of [
      { ...valid, kind: 'other' },
      { ...valid, urgency: 'medium' },
      { ...valid, count: '2' },
      { ...valid, note: ' ' },
      { ...valid, outcome: { decided: 'yes' } },
      { ...valid, tags: ['a', 1] },
      { ...valid, record: [] },
      { ...valid, child: { name: 'Ada Testchild' } },
    ]) {
      expect(check(bad)).toBe(REFUSED);
      expect(E.isLeft(Everything.decode(bad))).toBe(true);
    }
  });

  it('takes an erased marker of its own category in a personal field, and refuses another', () => {
    const erased = { ...valid, child: { name: '[erased:name]', dateOfBirth: '[erased:name]' } };
    expect(check(erased)).toBe(REFUSED);
    expect(E.isLeft(Everything.decode(erased))).toBe(true);
  });

  it('takes a withheld marker of its own category as io-ts does (a read that did not open the field), and refuses another', () => {
    const withheld = {
      ...valid,
      child: { ...valid.child, name: '[withheld:name]', dateOfBirth: '[withheld:dateOfBirth]' },
    };
    expect(check(withheld)).toBe(ACCEPTED);
    expect(Everything.decode(withheld)).toEqual(E.right(withheld));
    const misplaced = { ...valid, child: { ...valid.child, dateOfBirth: '[withheld:name]' } };
    expect(check(misplaced)).toBe(REFUSED);
    expect(E.isLeft(Everything.decode(misplaced))).toBe(true);
  });

  it('is unsure (io-ts decides) where io-ts would give back something else', () => {
    for (const rewritten of [
      { ...valid, unexpected: 1 }, // exact codecs strip an undeclared field
      { ...valid, child: { ...valid.child, nickname: 'Ady' } }, // … at any depth
      { ...valid, outcome: { decided: false, by: 'panel' } }, // … in a union member
      { ...valid, trimmed: ' padded ' }, // a leaf of its own that changes its input
    ]) {
      expect(check(rewritten)).toBe(UNSURE);
      const decoded = Everything.decode(rewritten);
      expect(E.isRight(decoded) && decoded.right).not.toEqual(rewritten);
    }
  });

  it('is unsure of a required key that is absent but would be read as undefined', () => {
    const codec = t.type({ maybe: t.union([t.string, t.undefined]) });
    expect(compileFastCheck(codec)({})).toBe(UNSURE);
    expect(codec.decode({})).toEqual(E.right({ maybe: undefined }));
  });

  test.prop([codecValues(Everything)], { numRuns: 500 })(
    'never disagrees with io-ts on generated values (property)',
    (value) => {
      expect(fastCheckDisagreement(Everything, value)).toBeUndefined();
    },
  );
});

describe('the event catalogue decodes through the fast check only where it is sure', () => {
  const catalogue = eventCatalogue({
    ReferralMade: defineEvent(Everything, {
      version: 2,
      upcasters: { 1: (d) => ({ ...(d as object), frozen: { a: 0 } }) },
    }),
  });
  const stored = (data: unknown, schemaVersion = 2) => ({
    stream: 'referral-r1',
    revision: 4,
    type: 'ReferralMade',
    schemaVersion,
    data,
  });

  test.prop([codecValues(Everything)], { numRuns: 300 })(
    'gives what io-ts gives for any stored data (property)',
    (data) => {
      const r = catalogue.decode(stored(data));
      const io = Everything.decode(data);
      expect(E.isRight(r)).toBe(E.isRight(io));
      if (E.isRight(r) && E.isRight(io)) expect(r.right.data).toStrictEqual(io.right);
    },
  );

  it('still refuses a bad stored event, naming the stream, revision and field', () => {
    const r = catalogue.decode(stored({ ...valid, count: 'two' }));
    expect(r).toEqual(
      E.left(
        expect.objectContaining({
          kind: 'InvalidEventPayload',
          stream: 'referral-r1',
          revision: 4,
          problems: [expect.objectContaining({ path: 'count' })],
        }),
      ),
    );
  });

  it('upcasts an older version with io-ts, as before', () => {
    const { frozen: _f, ...v1 } = valid;
    const r = catalogue.decode(stored(v1, 1));
    expect(r).toEqual(E.right({ type: 'ReferralMade', data: { ...v1, frozen: { a: 0 } } }));
  });
});
