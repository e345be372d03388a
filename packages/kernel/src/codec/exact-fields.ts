/**
 * Exact codecs: the fields a value carries beyond what its codec declares. io-ts's `t.type`
 * lets unknown fields through and `t.exact` drops them silently; neither is what a system of
 * record wants at its boundary. `unknownFields` walks a codec and a value together and names
 * every field the codec does not declare, so the command catalogue can refuse them (and the
 * event catalogue can refuse to write them). It understands the io-ts combinators the domains
 * use: type, partial, exact/strict, intersection, union (the member that decodes the value),
 * array, readonly, readonly array, refinement, record, tuple, recursion, and the kernel's
 * `personal()`. Custom `t.Type`s are leaves.
 *
 * A prototype key (`__proto__`, `constructor`, `toString`: a name every object inherits) is
 * refused wherever a codec does not declare it: as a record's key, and at any depth of a value
 * a codec takes whole (`t.unknown`, `t.UnknownRecord`). Copied into an object, such a key is
 * lost or changes what the object inherits, so a system of record never takes it as data. A
 * record's key its domain does not take (`t.record(t.keyof(…), …)` keeps only its own keys)
 * is refused too, as io-ts would drop it silently.
 */
import * as E from 'fp-ts/lib/Either.js';
import type * as t from 'io-ts';
import type { FieldProblem } from './decode-errors.js';
import { PersonalCodec } from './personal-data.js';

export type AnyCodec = t.Mixed & { readonly _tag?: string };
type Fields = ReadonlyMap<string, ReadonlyArray<AnyCodec>>;

/** Deeper than this, a value is not walked further (decoding limits nesting elsewhere). */
export const MAX_DEPTH = 64;

export const field = (c: AnyCodec, name: string): unknown =>
  (c as unknown as Record<string, unknown>)[name];

/** The codec a wrapper stands for: personal(), refinement, readonly, exact/strict. */
const unwrap = (codec: AnyCodec): AnyCodec => {
  let c = codec;
  for (let i = 0; i < MAX_DEPTH; i++) {
    if (c instanceof PersonalCodec) c = c.inner as AnyCodec;
    else if (
      c._tag === 'RefinementType' ||
      c._tag === 'ReadonlyType' ||
      c._tag === 'ExactType' ||
      c._tag === 'RecursiveType'
    )
      c = field(c, 'type') as AnyCodec;
    else return c;
  }
  return c;
};

/** The member of a union that decoding would pick for `value` (the first that decodes it). */
export const unionMember = (codec: AnyCodec, value: unknown): AnyCodec | undefined =>
  (field(codec, 'types') as AnyCodec[]).find((m) => E.isRight(m.decode(value)));

/** Whether which fields a codec declares depends on the value (a union picks its member by it). */
const pickedByValue = (codec: AnyCodec, depth = 0): boolean => {
  const c = unwrap(codec);
  if (c._tag === 'UnionType') return true;
  return (
    c._tag === 'IntersectionType' &&
    depth <= MAX_DEPTH &&
    (field(c, 'types') as AnyCodec[]).some((m) => pickedByValue(m, depth + 1))
  );
};

/** The declared fields of codecs whose fields do not depend on the value: worked out once each. */
const fixedFields = new WeakMap<AnyCodec, Fields | undefined>();

/**
 * The fields an object codec declares, each with the codecs that read it; `undefined` when
 * the codec takes any field (a record, `t.unknown`, `t.UnknownRecord`).
 */
export const declaredFields = (
  codec: AnyCodec,
  value: unknown,
  depth: number,
): Fields | undefined => {
  const c = unwrap(codec);
  if (depth > MAX_DEPTH) return undefined;
  if (fixedFields.has(c)) return fixedFields.get(c);
  switch (c._tag) {
    case 'InterfaceType':
    case 'StrictType':
    case 'PartialType': {
      const props = field(c, 'props') as Record<string, AnyCodec>;
      const fields: Fields = new Map(Object.entries(props).map(([k, v]) => [k, [v]]));
      fixedFields.set(c, fields);
      return fields;
    }
    case 'IntersectionType': {
      const merged = new Map<string, ReadonlyArray<AnyCodec>>();
      for (const member of field(c, 'types') as AnyCodec[]) {
        const fields = declaredFields(member, value, depth + 1);
        if (fields === undefined) return undefined;
        for (const [k, codecs] of fields) merged.set(k, [...(merged.get(k) ?? []), ...codecs]);
      }
      if (!pickedByValue(c)) fixedFields.set(c, merged);
      return merged;
    }
    case 'UnionType': {
      const member = unionMember(c, value);
      return member === undefined ? undefined : declaredFields(member, value, depth + 1);
    }
    default:
      return undefined;
  }
};

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Whether `key` names what every object inherits (`__proto__`, `constructor`, `toString`, …). */
const isPrototypeKey = (key: string): boolean => PROTOTYPE_KEYS.has(key);

const PROTOTYPE_KEY_REFUSED = 'a prototype key (a name every object inherits): refused';

/** Every prototype key at any depth of a value no codec looks into. */
const prototypeKeys = (value: unknown, path: string, depth: number, out: FieldProblem[]): void => {
  if (depth > MAX_DEPTH || typeof value !== 'object' || value === null) return;
  for (const [k, v] of Object.entries(value)) {
    const at = path === '' ? k : `${path}.${k}`;
    if (isPrototypeKey(k)) out.push({ path: at, message: PROTOTYPE_KEY_REFUSED });
    else prototypeKeys(v, at, depth + 1, out);
  }
};

const walk = (
  codec: AnyCodec,
  value: unknown,
  path: string,
  depth: number,
  out: FieldProblem[],
): void => {
  if (depth > MAX_DEPTH) return;
  const c = unwrap(codec);
  const at = (key: string | number): string => (path === '' ? String(key) : `${path}.${key}`);
  if (c._tag === 'UnionType') {
    const member = unionMember(c, value);
    if (member !== undefined) walk(member, value, path, depth + 1, out);
    return;
  }
  if (Array.isArray(value)) {
    if (c._tag === 'ArrayType' || c._tag === 'ReadonlyArrayType') {
      const item = field(c, 'type') as AnyCodec;
      value.forEach((v, i) => walk(item, v, at(i), depth + 1, out));
    } else if (c._tag === 'TupleType') {
      const items = field(c, 'types') as AnyCodec[];
      value.forEach((v, i) => {
        if (items[i] !== undefined) walk(items[i], v, at(i), depth + 1, out);
      });
    } else prototypeKeys(value, path, depth, out);
    return;
  }
  if (!isPlainObject(value)) return;
  if (c._tag === 'DictionaryType') {
    const domain = field(c, 'domain') as AnyCodec;
    const codomain = field(c, 'codomain') as AnyCodec;
    for (const [k, v] of Object.entries(value)) {
      if (isPrototypeKey(k)) out.push({ path: at(k), message: PROTOTYPE_KEY_REFUSED });
      else if (E.isLeft(domain.decode(k)))
        out.push({ path: at(k), message: `unknown key (expected ${domain.name})` });
      else walk(codomain, v, at(k), depth + 1, out);
    }
    return;
  }
  const fields = declaredFields(c, value, depth);
  if (fields === undefined) {
    prototypeKeys(value, path, depth, out);
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    const codecs = fields.get(k);
    if (codecs !== undefined) for (const fc of codecs) walk(fc, v, at(k), depth + 1, out);
    else
      out.push({
        path: at(k),
        message: isPrototypeKey(k) ? PROTOTYPE_KEY_REFUSED : 'unknown field',
      });
  }
};

/**
 * Every field of `value` that `codec` does not declare, as problems with dotted paths
 * (`child.nickname`, `attendees.2.email`), in the order met. Empty when the value is exact.
 */
export const unknownFields = (codec: t.Mixed, value: unknown): FieldProblem[] => {
  const out: FieldProblem[] = [];
  walk(codec, value, '', 0, out);
  return out;
};
