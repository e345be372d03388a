/**
 * A compiled fast path for decoding stored events: a checker built once per codec that answers,
 * for a value, whether io-ts's `codec.decode(value)` would succeed and give back the value
 * unchanged (the same fields and values; io-ts may hand back a copy, as when it merges the
 * members of an intersection). Replay reads millions of events whose stored data is exactly what their
 * codec wrote, and io-ts's decode allocates a context entry per field and an Either per value;
 * the checker walks the same codec tree with plain tests and allocates nothing.
 *
 * It answers one of three things, and never guesses:
 * - `ACCEPTED`: io-ts would succeed and return a value deep-equal to this one;
 * - `REFUSED`: io-ts would fail;
 * - `UNSURE`: anything else (a codec it does not know, a value io-ts would rewrite: a missing
 *   required key, an exact codec's extra field, a leaf codec that changes its input).
 *
 * Only `ACCEPTED` is ever acted on: the catalogue then skips io-ts; on `REFUSED` or `UNSURE` it
 * runs io-ts as before, so refusals, their field problems and every unusual value go the one
 * strict way. A property test (kernel `fast-check.test.ts`) checks, over every domain codec,
 * that `ACCEPTED` only ever answers where io-ts returns a value deep-equal to the input.
 *
 * Known combinators (io-ts 2.2): string, number, boolean, null, undefined, void, unknown,
 * literal, keyof, UnknownRecord, UnknownArray, type, partial, exact/strict, intersection, union
 * (tagged or not), array, readonly array, readonly, refinement and the kernel's `personal()`.
 * A leaf codec of its own making (`new t.Type(...)`) is asked through its own `validate`, and
 * counts as accepted only when that returns the input unchanged.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import { PersonalCodec, unavailableCategory } from './personal-data.js';
import { field, type AnyCodec } from './exact-fields.js';

export const ACCEPTED = 0;
export const REFUSED = 1;
export const UNSURE = 2;
export type FastVerdict = typeof ACCEPTED | typeof REFUSED | typeof UNSURE;

/** A compiled check: io-ts's verdict on a value, without io-ts. */
export type FastCheck = (value: unknown) => FastVerdict;

/** Nesting deeper than this is left to io-ts. */
const MAX_DEPTH = 64;
const NO_CONTEXT: t.Context = [];
const isRecord = (u: unknown): u is Record<string, unknown> =>
  u !== null && typeof u === 'object' && !Array.isArray(u);

const unsure: FastCheck = () => UNSURE;

/** A leaf codec the checker does not know: its own validate, accepted only if it returns the input. */
const viaValidate =
  (codec: AnyCodec): FastCheck =>
  (u) => {
    const r = codec.validate(u, NO_CONTEXT);
    return E.isLeft(r) ? REFUSED : r.right === u ? ACCEPTED : UNSURE;
  };

const objectCheck = (
  props: Record<string, AnyCodec>,
  required: boolean,
  depth: number,
): FastCheck => {
  const keys = Object.keys(props);
  const checks = keys.map((k) => compile(props[k]!, depth + 1));
  const n = keys.length;
  return (u) => {
    if (!isRecord(u)) return REFUSED;
    let verdict: FastVerdict = ACCEPTED;
    for (let i = 0; i < n; i++) {
      const k = keys[i]!;
      const v = u[k];
      const r = checks[i]!(v);
      if (v === undefined) {
        // partial: io-ts ignores a refusal of an absent key; type: it rewrites an absent key
        // it accepts as an own `undefined`, so the result would not be the input.
        if (!required) {
          if (r === UNSURE) verdict = UNSURE;
          continue;
        }
        if (r !== REFUSED && !Object.hasOwn(u, k)) return UNSURE;
      }
      if (r === REFUSED) return REFUSED;
      if (r === UNSURE) verdict = UNSURE;
    }
    return verdict;
  };
};

/** The props `t.exact` strips to (io-ts `getProps`), or undefined when it has none. */
const exactProps = (codec: AnyCodec): Record<string, unknown> | undefined => {
  switch (codec._tag) {
    case 'RefinementType':
    case 'ReadonlyType':
      return exactProps(field(codec, 'type') as AnyCodec);
    case 'InterfaceType':
    case 'StrictType':
    case 'PartialType':
      return field(codec, 'props') as Record<string, unknown>;
    case 'IntersectionType': {
      const merged: Record<string, unknown> = {};
      for (const m of field(codec, 'types') as AnyCodec[]) {
        const p = exactProps(m);
        if (p === undefined) return undefined;
        Object.assign(merged, p);
      }
      return merged;
    }
    default:
      return undefined;
  }
};

/**
 * The keys io-ts keeps of an object read at one level by `codec` (through intersections,
 * readonly and exact), or `'all'`. An exact codec keeps its declared props; an intersection
 * merges what its members keep.
 */
const keptKeys = (codec: AnyCodec): ReadonlySet<string> | 'all' | undefined => {
  switch (codec._tag) {
    case 'ExactType':
    case 'StrictType': {
      const props = exactProps(field(codec, 'type') as AnyCodec);
      return props === undefined ? undefined : new Set(Object.keys(props));
    }
    case 'ReadonlyType':
      return keptKeys(field(codec, 'type') as AnyCodec);
    case 'IntersectionType': {
      const kept = new Set<string>();
      for (const m of field(codec, 'types') as AnyCodec[]) {
        const k = keptKeys(m);
        if (k === undefined || k === 'all') return k;
        for (const key of k) kept.add(key);
      }
      return kept;
    }
    default:
      return 'all';
  }
};

/** io-ts gives back an object with only `kept` keys: the same as the input only if it has no other. */
const keepsEveryKey = (check: FastCheck, kept: ReadonlySet<string>): FastCheck => {
  const has = (k: string) => kept.has(k);
  return (u) => {
    const r = check(u);
    if (r !== ACCEPTED) return r;
    const keys = Object.getOwnPropertyNames(u);
    for (let i = 0; i < keys.length; i++) if (!has(keys[i]!)) return UNSURE;
    return ACCEPTED;
  };
};

/**
 * `level`: the codec reads one level of an object together with others (a member of an
 * intersection): the stripping of undeclared keys is judged once, where the level ends.
 */
const compile = (codec: AnyCodec, depth: number, level = false): FastCheck => {
  if (depth > MAX_DEPTH) return unsure;
  if (codec instanceof PersonalCodec) {
    const category = codec.personalData;
    const inner = compile(codec.inner as AnyCodec, depth + 1);
    return (u) => (unavailableCategory(u) === category ? ACCEPTED : inner(u));
  }
  switch (codec._tag) {
    case 'StringType':
      return (u) => (typeof u === 'string' ? ACCEPTED : REFUSED);
    case 'NumberType':
      return (u) => (typeof u === 'number' ? ACCEPTED : REFUSED);
    case 'BooleanType':
      return (u) => (typeof u === 'boolean' ? ACCEPTED : REFUSED);
    case 'NullType':
      return (u) => (u === null ? ACCEPTED : REFUSED);
    case 'UndefinedType':
    case 'VoidType':
      return (u) => (u === undefined ? ACCEPTED : REFUSED);
    case 'UnknownType':
      return () => ACCEPTED;
    case 'AnyDictionaryType':
      return (u) => (isRecord(u) ? ACCEPTED : REFUSED);
    case 'AnyArrayType':
      return (u) => (Array.isArray(u) ? ACCEPTED : REFUSED);
    case 'LiteralType': {
      const value = field(codec, 'value');
      return (u) => (u === value ? ACCEPTED : REFUSED);
    }
    case 'KeyofType': {
      const keys = field(codec, 'keys') as object;
      return (u) => (typeof u === 'string' && Object.hasOwn(keys, u) ? ACCEPTED : REFUSED);
    }
    case 'InterfaceType':
      return objectCheck(field(codec, 'props') as Record<string, AnyCodec>, true, depth);
    case 'PartialType':
      return objectCheck(field(codec, 'props') as Record<string, AnyCodec>, false, depth);
    case 'ExactType':
    case 'StrictType': {
      const kept = keptKeys(codec);
      if (kept === undefined || kept === 'all') return viaValidate(codec);
      const inner = compile(field(codec, 'type') as AnyCodec, depth + 1, true);
      const check: FastCheck = (u) => (isRecord(u) ? inner(u) : REFUSED);
      return level ? check : keepsEveryKey(check, kept);
    }
    case 'ReadonlyType':
      return compile(field(codec, 'type') as AnyCodec, depth + 1, level);
    case 'RefinementType': {
      const inner = compile(field(codec, 'type') as AnyCodec, depth + 1);
      const predicate = field(codec, 'predicate') as (a: unknown) => boolean;
      return (u) => {
        const r = inner(u);
        return r !== ACCEPTED ? r : predicate(u) ? ACCEPTED : REFUSED;
      };
    }
    case 'ArrayType':
    case 'ReadonlyArrayType': {
      const item = compile(field(codec, 'type') as AnyCodec, depth + 1);
      return (u) => {
        if (!Array.isArray(u)) return REFUSED;
        let verdict: FastVerdict = ACCEPTED;
        for (let i = 0; i < u.length; i++) {
          const r = item(u[i]);
          if (r === REFUSED) return REFUSED;
          if (r === UNSURE) verdict = UNSURE;
        }
        return verdict;
      };
    }
    case 'IntersectionType': {
      // io-ts reads the value with every member and merges what they give back.
      const kept = keptKeys(codec);
      if (kept === undefined) return unsure;
      const members = (field(codec, 'types') as AnyCodec[]).map((m) => compile(m, depth + 1, true));
      const check: FastCheck = (u) => {
        let verdict: FastVerdict = ACCEPTED;
        for (let i = 0; i < members.length; i++) {
          const r = members[i]!(u);
          if (r === REFUSED) return REFUSED;
          if (r === UNSURE) verdict = UNSURE;
        }
        return verdict;
      };
      return level || kept === 'all' ? check : keepsEveryKey(check, kept);
    }
    case 'UnionType': {
      // io-ts takes the first member that decodes the value (a tagged union can only match
      // the member of its tag, so the same rule holds): an unsure member before it decides.
      const members = (field(codec, 'types') as AnyCodec[]).map((m) => compile(m, depth + 1));
      return (u) => {
        for (let i = 0; i < members.length; i++) {
          const r = members[i]!(u);
          if (r !== REFUSED) return r;
        }
        return REFUSED;
      };
    }
    default:
      return codec._tag === undefined ? viaValidate(codec) : unsure;
  }
};

/** Compiles a codec's fast check (once; the result is reused for every value). */
export const compileFastCheck = (codec: t.Mixed): FastCheck => compile(codec, 0);
