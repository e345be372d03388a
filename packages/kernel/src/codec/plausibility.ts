/**
 * Plausibility: rules about what a command may say that are policy, not shape. A value can be a
 * real date and still not be believable: a child born in 1900, a payment of 1e308, an id with
 * a terminal escape in it. Each rule is data with a default, and a breach is a typed `INPUT`
 * rejection naming the field. The rules read the command's codec, so they hold for every
 * command of every domain without a line in any decider:
 *
 * - every instant and date (a codec named `IsoInstant` or `IsoDate`) has a year in `years`;
 * - a field declared `personal(…, 'dateOfBirth')` gives an age on the command's (London) date
 *   within `childAgeYears`;
 * - every number is finite and at most `maxAmount` in size;
 * - an id (a field named `id` or `…Id`, or an item of a field named `…Ids`, and the actor's id)
 *   is printable, trimmed, not empty and at most `maxIdLength` characters;
 * - any other text is printable apart from tabs and line breaks, and at most `maxTextLength`.
 */
import * as t from 'io-ts';
import { ageOn, localDate, orderedRange, SUPPORTED_YEARS, type YearRange } from '@aimline/calendar';
import type { Command } from '../command.js';
import { reject, type Rejection } from '../rejection.js';
import { declaredFields, field, MAX_DEPTH, unionMember, type AnyCodec } from './exact-fields.js';
import { PersonalCodec, type PersonalDataCategory } from './personal-data.js';

export interface PlausibilityPolicy {
  /** The years an instant or date in a command may fall in. */
  readonly years: YearRange;
  /** A child's age in whole years on the command's date, inclusive. */
  readonly childAgeYears: { readonly min: number; readonly max: number };
  /** The largest size of any number in a command (amounts of money, counts, scores). */
  readonly maxAmount: number;
  readonly maxIdLength: number;
  readonly maxTextLength: number;
}

export const defaultPlausibility: PlausibilityPolicy = {
  years: { min: 1900, max: 2199 },
  childAgeYears: { min: 0, max: 25 },
  maxAmount: 1_000_000,
  maxIdLength: 128,
  maxTextLength: 20_000,
};

const Count = t.refinement(
  t.number,
  (n) => Number.isSafeInteger(n) && n >= 0,
  'NonNegativeInteger',
);
const Year = t.refinement(
  t.number,
  (n) => Number.isInteger(n) && n >= SUPPORTED_YEARS.min && n <= SUPPORTED_YEARS.max,
  'Year (1000-9999)',
);
const Range = <C extends t.Mixed>(bound: C) =>
  orderedRange(t.type({ min: bound, max: bound }), 'min', 'max', 'Range (min ≤ max)');

/** The policy as data, e.g. the `plausibility` section of a council's policy file. */
export const PlausibilityPolicyCodec: t.Type<PlausibilityPolicy, PlausibilityPolicy, unknown> =
  t.type(
    {
      years: Range(Year),
      childAgeYears: Range(Count),
      maxAmount: t.refinement(t.number, (n) => Number.isFinite(n) && n >= 0, 'NonNegativeNumber'),
      maxIdLength: Count,
      maxTextLength: Count,
    },
    'PlausibilityPolicy',
  );

interface Leaf {
  readonly value: unknown;
  readonly path: string;
  readonly key: string;
  readonly names: ReadonlySet<string>;
  readonly category: PersonalDataCategory | undefined;
}

const WRAPPERS = new Set(['RefinementType', 'ReadonlyType', 'ExactType', 'RecursiveType']);

/** Visits every leaf value with the names of the codecs that read it and its personal mark. */
const visit = (
  codec: AnyCodec,
  value: unknown,
  path: string,
  key: string,
  outer: Pick<Leaf, 'names' | 'category'>,
  depth: number,
  onLeaf: (leaf: Leaf) => void,
): void => {
  if (depth > MAX_DEPTH) return;
  const names = new Set(outer.names);
  let category = outer.category;
  let c = codec;
  for (let i = 0; i < MAX_DEPTH; i++) {
    names.add(c.name);
    if (c instanceof PersonalCodec) {
      category = c.personalData;
      c = c.inner as AnyCodec;
    } else if (WRAPPERS.has(c._tag ?? '')) c = field(c, 'type') as AnyCodec;
    else break;
  }
  const marks = { names, category };
  const at = (k: string | number): string => (path === '' ? String(k) : `${path}.${k}`);
  if (c._tag === 'UnionType') {
    const member = unionMember(c, value);
    if (member !== undefined) visit(member, value, path, key, marks, depth + 1, onLeaf);
    return;
  }
  if (Array.isArray(value)) {
    const item =
      c._tag === 'ArrayType' || c._tag === 'ReadonlyArrayType'
        ? (field(c, 'type') as AnyCodec)
        : undefined;
    if (item !== undefined)
      value.forEach((v, i) => visit(item, v, at(i), key, marks, depth + 1, onLeaf));
    return;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (c._tag === 'DictionaryType') {
      const codomain = field(c, 'codomain') as AnyCodec;
      for (const [k, v] of entries) visit(codomain, v, at(k), k, marks, depth + 1, onLeaf);
      return;
    }
    const fields = declaredFields(c, value, depth);
    const none = { names: new Set<string>(), category: undefined };
    for (const [k, v] of entries)
      for (const fc of fields?.get(k) ?? []) visit(fc, v, at(k), k, none, depth + 1, onLeaf);
    return;
  }
  onLeaf({ value, path, key, names, category });
};

/** C0 and C1 controls, line and paragraph separators, bidirectional overrides and isolates. */
const isUnprintable = (code: number): boolean =>
  code <= 0x1f ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x2028 ||
  code === 0x2029 ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

const NONE: ReadonlySet<number> = new Set();

/** Whether `s` holds an unprintable character other than those `allowed` (tab, line breaks). */
const hasUnprintable = (s: string, allowed: ReadonlySet<number> = NONE): boolean => {
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (isUnprintable(code) && !allowed.has(code)) return true;
  }
  return false;
};
const TEXT_ALLOWED: ReadonlySet<number> = new Set([0x09, 0x0a, 0x0d, 0x2028, 0x2029]);

const isIdKey = (key: string): boolean => key === 'id' || /[a-z0-9]Ids?$/.test(key);

const checkLeaf = (leaf: Leaf, on: string, policy: PlausibilityPolicy): Rejection | undefined => {
  const { value, path } = leaf;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || Math.abs(value) > policy.maxAmount)
      return reject('INPUT', `${value} is beyond the plausible size ${policy.maxAmount}`, path);
    return undefined;
  }
  if (typeof value !== 'string') return undefined;
  if (leaf.names.has('IsoInstant') || leaf.names.has('IsoDate')) {
    const year = Number(value.slice(0, 4));
    if (year < policy.years.min || year > policy.years.max)
      return reject(
        'INPUT',
        `the year ${year} is outside the plausible years ${policy.years.min}-${policy.years.max}`,
        path,
      );
  }
  if (leaf.category === 'dateOfBirth' && leaf.names.has('IsoDate')) {
    const age = ageOn(value, on);
    const { min, max } = policy.childAgeYears;
    if (age < 0) return reject('INPUT', 'the date of birth is in the future', path);
    if (age < min || age > max)
      return reject(
        'INPUT',
        `a child born then would be ${age} on ${on}; the plausible ages are ${min}-${max}`,
        path,
      );
  }
  if (isIdKey(leaf.key)) {
    if (value.trim() !== value || value === '')
      return reject('INPUT', 'an id is not empty and has no leading or trailing spaces', path);
    if (hasUnprintable(value)) return reject('INPUT', 'an id has only printable characters', path);
    if (value.length > policy.maxIdLength)
      return reject('INPUT', `an id is at most ${policy.maxIdLength} characters`, path);
    return undefined;
  }
  if (hasUnprintable(value, TEXT_ALLOWED))
    return reject('INPUT', 'text has only printable characters, tabs and line breaks', path);
  if (value.length > policy.maxTextLength)
    return reject('INPUT', `text is at most ${policy.maxTextLength} characters`, path);
  return undefined;
};

/**
 * The first plausibility rule a command breaks, as an `INPUT` rejection naming the field
 * (`data.child.dateOfBirth`, `data.amount`, `actor.id`), or `undefined`. `dataCodec` is the
 * codec of the command's data; the command has already been decoded with it.
 */
export const implausibility = (
  dataCodec: AnyCodec,
  command: Command,
  policy: PlausibilityPolicy = defaultPlausibility,
): Rejection | undefined => {
  const on = localDate(command.at);
  const envelope = checkLeaf(
    {
      value: command.at,
      path: 'at',
      key: 'at',
      names: new Set(['IsoInstant']),
      category: undefined,
    },
    on,
    policy,
  );
  if (envelope !== undefined) return envelope;
  for (const k of ['id', 'role', 'agency'] as const) {
    const r = checkLeaf(
      {
        value: command.actor[k],
        path: `actor.${k}`,
        key: k,
        names: new Set(),
        category: undefined,
      },
      on,
      policy,
    );
    if (r !== undefined) return r;
  }
  let found: Rejection | undefined;
  const none = { names: new Set<string>(), category: undefined };
  visit(dataCodec, command.data, 'data', '', none, 0, (leaf) => {
    found ??= checkLeaf(leaf, on, policy);
  });
  return found;
};
