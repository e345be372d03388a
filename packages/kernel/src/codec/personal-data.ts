import * as t from 'io-ts';

/** What kind of personal data a field holds; drives redaction, encryption, erasure and access rules. */
export const PersonalDataCategory = t.keyof(
  {
    name: null,
    dateOfBirth: null,
    contact: null,
    address: null,
    identifier: null,
    school: null,
    freeText: null,
    specialCategory: null,
  },
  'PersonalDataCategory',
);
export type PersonalDataCategory = t.TypeOf<typeof PersonalDataCategory>;

/** Every personal-data category, in the order above. */
export const personalDataCategories = Object.keys(
  PersonalDataCategory.keys,
) as ReadonlyArray<PersonalDataCategory>;

/**
 * What a personal field reads as once its data subject's key has been destroyed (erasure by
 * crypto-shredding): `[erased:<category>]`. It is a string, so it survives JSON (snapshots)
 * and displays as itself; `isErasedPersonalData` recognises it. Only stored events carry it:
 * commands that contain it are refused (see `commandCatalogue`).
 */
export type ErasedPersonalData = PersonalDataMarker<'erased'>;

/** A string that stands in a personal field's place, naming why and the field's category. */
export type PersonalDataMarker<Kind extends string> = `[${Kind}:${PersonalDataCategory}]`;

/**
 * The markers of one kind, `[<kind>:<category>]` (`erased` and `withheld`, below): `of` writes
 * one, `categoryOf` reads the category back (undefined when `value` is not a marker of this kind
 * with a known category), `is` recognises one.
 */
export const personalDataMarker = <Kind extends string>(kind: Kind) => {
  // Every marker of this kind, written out once: personal codecs ask `categoryOf` of every
  // personal value they decode, so recognising one is a first-character test and one lookup.
  const markers = new Map<string, PersonalDataCategory>(
    personalDataCategories.map((category) => [`[${kind}:${category}]`, category]),
  );
  const categoryOf = (value: unknown): PersonalDataCategory | undefined =>
    typeof value === 'string' && value.charCodeAt(0) === 0x5b // '['
      ? markers.get(value)
      : undefined;
  return {
    of: (category: PersonalDataCategory): PersonalDataMarker<Kind> => `[${kind}:${category}]`,
    categoryOf,
    is: (value: unknown): value is PersonalDataMarker<Kind> => categoryOf(value) !== undefined,
  };
};

const erased = personalDataMarker('erased');
export const erasedPersonalData = erased.of;
/** The category of an erased personal field, or undefined when `value` is not the erased marker. */
export const erasedCategory = erased.categoryOf;
export const isErasedPersonalData = erased.is;

/**
 * What a personal field reads as when the reader's access rule (need to know, issue 13) does not
 * show it: `[withheld:<category>]`. Like the erased marker it is a string, a stored-history value
 * only: personal codecs accept it (so a projection can fold what a principal may see) and
 * commands that carry it are refused.
 */
export type WithheldPersonalData = PersonalDataMarker<'withheld'>;

const withheld = personalDataMarker('withheld');
export const withheldPersonalData = withheld.of;
/** The category of a withheld personal field, or undefined when `value` is not the withheld marker. */
export const withheldCategory = withheld.categoryOf;
export const isWithheldPersonalData = withheld.is;

/**
 * A value that stands in for personal data that cannot be read here: erased (its subject's key
 * destroyed) or withheld (the reader may not see it). Rules that compute with a personal value
 * (an age from a date of birth) check this first and treat the value as unknown.
 */
export type UnavailablePersonalData = ErasedPersonalData | WithheldPersonalData;

export const isUnavailablePersonalData = (value: unknown): value is UnavailablePersonalData =>
  isErasedPersonalData(value) || isWithheldPersonalData(value);

/** The category of an erased or withheld marker (what a personal codec of that category accepts in place of its value). */
export const unavailableCategory = (value: unknown): PersonalDataCategory | undefined =>
  erasedCategory(value) ?? withheldCategory(value);

/**
 * An io-ts codec whose values are personal data about a person (usually a child). It validates
 * as its inner codec, and also accepts the erased and withheld markers of its own category, so
 * that stored history whose subject has been erased, or history read through a principal's
 * need-to-know rules, still decodes (the domain sees the marker in place of the value; see
 * docs/architecture.md, departure 16).
 */
export class PersonalCodec<C extends t.Mixed> extends t.Type<t.TypeOf<C>, t.OutputOf<C>, unknown> {
  readonly personalData: PersonalDataCategory;
  constructor(
    readonly inner: C,
    category: PersonalDataCategory,
  ) {
    super(
      `Personal<${inner.name}>`,
      (u): u is t.TypeOf<C> => inner.is(u) || unavailableCategory(u) === category,
      (u, c) => (unavailableCategory(u) === category ? t.success(u) : inner.validate(u, c)),
      (a): t.OutputOf<C> =>
        unavailableCategory(a) === category ? a : (inner.encode(a) as t.OutputOf<C>),
    );
    this.personalData = category;
  }
}

/**
 * Declares a field as personal data, in the codec itself:
 * `child: t.type({ name: personal(t.string, 'name'), dateOfBirth: personal(IsoDate, 'dateOfBirth') })`.
 * The codec validates exactly as the inner codec; `personalDataPaths` and `redact` read the mark.
 */
export const personal = <C extends t.Mixed>(
  codec: C,
  category: PersonalDataCategory,
): PersonalCodec<C> => new PersonalCodec(codec, category);

export interface PersonalDataPath {
  readonly path: string;
  readonly category: PersonalDataCategory;
}

type AnyCodec = t.Mixed & { readonly _tag?: string };

const childrenOf = (codec: AnyCodec): Array<[string, AnyCodec]> => {
  const c = codec as unknown as Record<string, unknown>;
  switch (codec._tag) {
    case 'InterfaceType':
    case 'PartialType':
    case 'StrictType':
    case 'ExactType': {
      const props = (c['props'] ??
        (c['type'] as Record<string, unknown> | undefined)?.['props']) as
        Record<string, AnyCodec> | undefined;
      if (props) return Object.entries(props);
      return c['type'] ? [['', c['type'] as AnyCodec]] : [];
    }
    case 'IntersectionType':
    case 'UnionType':
      return (c['types'] as AnyCodec[]).map((x) => ['', x]);
    case 'ArrayType':
    case 'ReadonlyArrayType':
      return [['[]', c['type'] as AnyCodec]];
    case 'RefinementType':
    case 'ReadonlyType':
      return [['', c['type'] as AnyCodec]];
    case 'RecordType':
      return [['*', c['codomain'] as AnyCodec]];
    default:
      return [];
  }
};

/** Lists every field a codec declares personal, as dotted paths (`child.name`, `parents.[].name`). */
export const personalDataPaths = (codec: t.Mixed): PersonalDataPath[] => {
  const out = new Map<string, PersonalDataPath>();
  const walk = (c: AnyCodec, path: string, depth: number): void => {
    if (depth > 32) return;
    if (c instanceof PersonalCodec) {
      out.set(path, { path, category: c.personalData });
      return;
    }
    for (const [key, child] of childrenOf(c))
      walk(child, key === '' ? path : path === '' ? key : `${path}.${key}`, depth + 1);
  };
  walk(codec, '', 0);
  return [...out.values()];
};

/** A copy of `value` with every declared personal field replaced by `[personal:<category>]`, for logs. */
export const redact = (codec: t.Mixed, value: unknown): unknown => {
  const paths = personalDataPaths(codec);
  if (paths.length === 0) return value;
  const copy: unknown = JSON.parse(JSON.stringify(value ?? null));
  for (const p of paths) replaceAt(copy, p.path.split('.'), `[personal:${p.category}]`);
  return copy;
};

const replaceAt = (node: unknown, keys: string[], replacement: string): void => {
  if (node === null || typeof node !== 'object') return;
  const [key, ...rest] = keys;
  if (key === undefined) return;
  if (key === '[]' || key === '*') {
    const items = Array.isArray(node) ? node : Object.values(node as Record<string, unknown>);
    if (rest.length === 0) {
      if (Array.isArray(node)) node.forEach((_, i) => (node[i] = replacement));
      else for (const k of Object.keys(node)) (node as Record<string, unknown>)[k] = replacement;
      return;
    }
    for (const item of items) replaceAt(item, rest, replacement);
    return;
  }
  const record = node as Record<string, unknown>;
  if (!(key in record)) return;
  if (rest.length === 0) record[key] = replacement;
  else replaceAt(record[key], rest, replacement);
};
