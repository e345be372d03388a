import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { field, type AnyCodec } from '../codec/exact-fields.js';
import { ACCEPTED, compileFastCheck, REFUSED, type FastCheck } from '../codec/fast-check.js';
import { PersonalCodec } from '../codec/personal-data.js';

/** Leaves a codec may or may not take: dates real and not, instants, markers, edge text. */
const SAMPLES: ReadonlyArray<unknown> = [
  '',
  ' ',
  'x',
  'Robin Example',
  '2026-01-05',
  '2026-02-30',
  '2026-01-05T10:00:00Z',
  '2026-01-05T10:00:00.123+01:00',
  '2026-13-05T10:00:00Z',
  'hsb-case-0001',
  '7d444840-9dc0-11d1-b245-5ffdce74fad2',
  '[erased:name]',
  '[erased:freeText]',
  '[erased:school]',
  '[erased:nothing]',
  '[withheld:name]',
  0,
  1,
  -1,
  2.5,
  Number.NaN,
  true,
  false,
  null,
];

const sample = fc.constantFrom(...SAMPLES);
const markers = fc.constantFrom(
  '[erased:name]',
  '[erased:dateOfBirth]',
  '[erased:nothing]',
  '[withheld:name]',
);
const anything = fc.oneof(sample, markers, fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined));

/** A leaf (or a refinement of one): the samples it takes, or, damaged, any value at all. */
const leafValues = (codec: AnyCodec, damage: boolean): fc.Arbitrary<unknown> => {
  const taken = SAMPLES.filter((v) => E.isRight(codec.decode(v)));
  const any = fc.oneof(sample, fc.string(), fc.jsonValue({ maxDepth: 2 }));
  if (taken.length === 0) return any;
  return damage
    ? fc.oneof(fc.constantFrom(...taken), any)
    : codec._tag === 'StringType'
      ? fc.oneof(fc.constantFrom(...taken), fc.string())
      : fc.constantFrom(...taken);
};

const isLeaf = (codec: AnyCodec): boolean =>
  codec._tag === undefined ||
  (codec._tag === 'RefinementType' && isLeaf(field(codec, 'type') as AnyCodec)) ||
  codec._tag === 'StringType' ||
  codec._tag === 'NumberType';

/**
 * Values for a codec: shaped as it reads them. `damage`: wrong values, missing keys and
 * undeclared fields mixed in at every depth.
 */
const valuesOf = (codec: AnyCodec, depth: number, damage: boolean): fc.Arbitrary<unknown> => {
  const shaped = depth > 8 ? fc.jsonValue({ maxDepth: 2 }) : shapedValuesOf(codec, depth, damage);
  return damage
    ? fc.oneof({ arbitrary: shaped, weight: 12 }, { arbitrary: anything, weight: 1 })
    : shaped;
};

const objectValues = (
  props: Record<string, AnyCodec>,
  partial: boolean,
  depth: number,
  damage: boolean,
): fc.Arbitrary<unknown> => {
  const keys = Object.keys(props);
  const record = fc.record(
    Object.fromEntries(keys.map((k) => [k, valuesOf(props[k]!, depth + 1, damage)])),
    partial ? { requiredKeys: [], noNullPrototype: true } : { noNullPrototype: true },
  );
  if (!damage) return record;
  return fc
    .tuple(
      record,
      fc.option(fc.constantFrom(...(keys.length > 0 ? keys : ['none'])), { freq: 10 }),
      fc.option(fc.constantFrom('unexpected', 'note', keys[0] ?? 'x'), { freq: 10 }),
      anything,
    )
    .map(([r, drop, extra, value]) => {
      const o: Record<string, unknown> = { ...r };
      if (drop !== null) delete o[drop];
      if (extra !== null) o[extra] = value;
      return o;
    });
};

const shapedValuesOf = (codec: AnyCodec, depth: number, damage: boolean): fc.Arbitrary<unknown> => {
  if (codec instanceof PersonalCodec)
    return fc.oneof(
      { arbitrary: valuesOf(codec.inner as AnyCodec, depth + 1, damage), weight: 4 },
      { arbitrary: fc.constant(`[erased:${codec.personalData}]`), weight: 1 },
      {
        arbitrary: fc.constantFrom('[erased:dateOfBirth]', '[erased:other]', '[withheld:name]'),
        weight: damage ? 1 : 0,
      },
    );
  if (isLeaf(codec)) return leafValues(codec, damage);
  switch (codec._tag) {
    case 'BooleanType':
      return fc.boolean();
    case 'NullType':
      return fc.constant(null);
    case 'UndefinedType':
    case 'VoidType':
      return fc.constant(undefined);
    case 'LiteralType':
      return fc.constant(field(codec, 'value'));
    case 'KeyofType':
      return fc.constantFrom(...Object.keys(field(codec, 'keys') as object));
    case 'InterfaceType':
    case 'StrictType':
      return objectValues(field(codec, 'props') as Record<string, AnyCodec>, false, depth, damage);
    case 'PartialType':
      return objectValues(field(codec, 'props') as Record<string, AnyCodec>, true, depth, damage);
    case 'ExactType':
    case 'ReadonlyType':
    case 'RefinementType':
      return valuesOf(field(codec, 'type') as AnyCodec, depth + 1, damage);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return fc.array(valuesOf(field(codec, 'type') as AnyCodec, depth + 1, damage), {
        maxLength: 3,
      });
    case 'IntersectionType':
      return fc
        .tuple(...(field(codec, 'types') as AnyCodec[]).map((m) => valuesOf(m, depth + 1, damage)))
        .map((parts) =>
          parts.every((p) => typeof p === 'object' && p !== null && !Array.isArray(p))
            ? (Object.assign({}, ...parts) as unknown)
            : parts.at(-1),
        );
    case 'UnionType':
      return fc.oneof(
        ...(field(codec, 'types') as AnyCodec[]).map((m) => valuesOf(m, depth + 1, damage)),
      );
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
};

/** Every place in a value: the containers and keys (or indexes) that lead to it. */
const places = (
  value: unknown,
  path: Array<string | number> = [],
  out: Array<Array<string | number>> = [],
) => {
  out.push(path);
  if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value))
      places(v, [...path, Array.isArray(value) ? Number(k) : k], out);
  return out;
};

const isLeafAt = (value: unknown, path: ReadonlyArray<string | number>): boolean => {
  let v = value;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return typeof v !== 'object' || v === null;
};

/** One change to a copy of `value` at place `at`: replaced, removed, or given an undeclared field. */
const damaged = (value: unknown, at: number, how: number, replacement: unknown): unknown => {
  const copy = structuredClone(value);
  const all = places(copy);
  // A replaced value is most telling at a leaf, where the typed checks are.
  const leaves = all.filter((p) => isLeafAt(copy, p));
  const pool = how === 0 && leaves.length > 0 ? leaves : all;
  const path = pool[at % pool.length]!;
  if (path.length === 0)
    return how === 2 && typeof copy === 'object' && copy !== null
      ? { ...copy, unexpected: replacement }
      : replacement;
  let parent = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const target = parent[key];
  if (how === 0 || Array.isArray(parent)) parent[key] = replacement;
  else if (how === 1) delete parent[key];
  else if (typeof target === 'object' && target !== null && !Array.isArray(target))
    (target as Record<string, unknown>)['unexpected'] = replacement;
  else parent['unexpected'] = replacement;
  return copy;
};

/**
 * Arbitrary values for `codec`: shaped as it reads them, most of them valid; the others with
 * one change (a wrong value, a missing key, an undeclared field, an erased or withheld marker),
 * or with damage at every depth.
 */
export const codecValues = (codec: t.Mixed): fc.Arbitrary<unknown> => {
  const valid = valuesOf(codec, 0, false);
  return fc.oneof(
    { arbitrary: valid, weight: 2 },
    {
      arbitrary: fc
        .tuple(valid, fc.nat(), fc.nat(2), anything)
        .map(([v, at, how, replacement]) => damaged(v, at, how, replacement)),
      weight: 3,
    },
    { arbitrary: valuesOf(codec as AnyCodec, 0, true), weight: 1 },
  );
};

const compiled = new WeakMap<t.Mixed, FastCheck>();

/**
 * The property the catalogue's fast decode path rests on: where the compiled check accepts a
 * value, io-ts decodes it to an equal value (deep, strict); where it refuses one, io-ts refuses it too.
 * Returns a description of the first disagreement for `value`, or undefined.
 */
export const fastCheckDisagreement = (codec: t.Mixed, value: unknown): string | undefined => {
  let check = compiled.get(codec);
  if (check === undefined) compiled.set(codec, (check = compileFastCheck(codec)));
  const verdict = check(value);
  const decoded = codec.decode(value);
  if (verdict === ACCEPTED && !(E.isRight(decoded) && isDeepStrictEqual(decoded.right, value)))
    return `${codec.name}: the fast check accepts a value io-ts ${E.isLeft(decoded) ? 'refuses' : 'rewrites'}`;
  if (verdict === REFUSED && E.isRight(decoded))
    return `${codec.name}: the fast check refuses a value io-ts accepts`;
  return undefined;
};
