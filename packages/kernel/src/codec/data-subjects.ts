/**
 * Data subjects: whose personal data each `personal(...)` field is. Declared in the codecs, next
 * to `personal(...)`, with two marks:
 *
 * - `subjectId(Id, 'child')` marks the field of an object that holds its person's id (a child's
 *   `childId`, a parent's `parentId`, a professional's `id`). Every personal field of that
 *   object (at any depth, until an inner object names its own person) belongs to that person.
 * - `primarySubject(Child)` marks the field whose person is the stream's primary subject (the
 *   child an HSB case or an attendance case is about, the child a panel referral refers).
 *
 * A personal field with no enclosing person (free text: a concern summary, a meeting's purpose)
 * belongs to the stream's primary subject: the first `primarySubject` person recorded in the
 * stream. A stream that has none (a meeting, a panel sitting) is its own subject, `record:<stream>`.
 * Both marks validate exactly as the codec they wrap.
 */
import * as t from 'io-ts';
import { PersonalCodec, type PersonalDataCategory } from './personal-data.js';

/** What a person is to the record: the roles the domains name. */
export type SubjectRole = 'child' | 'parent' | 'professional' | 'person';

/** Marks the id field of an object that describes one person. */
export class SubjectIdCodec<C extends t.Mixed> extends t.RefinementType<
  C,
  t.TypeOf<C>,
  t.OutputOf<C>,
  unknown
> {
  constructor(
    inner: C,
    readonly role: SubjectRole,
  ) {
    super(inner.name, inner.is, inner.validate, inner.encode, inner, () => true);
  }
}

/** Marks the field whose person is the stream's primary subject. */
export class PrimarySubjectCodec<C extends t.Mixed> extends t.RefinementType<
  C,
  t.TypeOf<C>,
  t.OutputOf<C>,
  unknown
> {
  constructor(inner: C) {
    super(inner.name, inner.is, inner.validate, inner.encode, inner, () => true);
  }
}

export const subjectId = <C extends t.Mixed>(codec: C, role: SubjectRole): SubjectIdCodec<C> =>
  new SubjectIdCodec(codec, role);

export const primarySubject = <C extends t.Mixed>(codec: C): PrimarySubjectCodec<C> =>
  new PrimarySubjectCodec(codec);

/** One personal value in an event's data, and whose it is. */
export interface PersonalField {
  /** Where it is: keys and array indexes from the data's root. */
  readonly path: ReadonlyArray<string | number>;
  readonly category: PersonalDataCategory;
  /** The person's id, or undefined: it then belongs to the stream's primary subject. */
  readonly subject: string | undefined;
}

export interface PersonalFieldsOfData {
  readonly fields: ReadonlyArray<PersonalField>;
  /** The id of the person a `primarySubject` field names, when the data has one. */
  readonly primarySubject: string | undefined;
}

type AnyCodec = t.Mixed & { readonly _tag?: string };
const MAX_DEPTH = 64;
const get = (c: AnyCodec, name: string): unknown => (c as unknown as Record<string, unknown>)[name];

interface Walk {
  readonly fields: PersonalField[];
  readonly seen: Set<string>;
  primary: string | undefined;
}

/** The object codecs (props) an object value is read with, through wrappers and intersections. */
const propsOf = (codec: AnyCodec, depth: number): Array<Record<string, AnyCodec>> => {
  if (depth > MAX_DEPTH) return [];
  switch (codec._tag) {
    case 'InterfaceType':
    case 'StrictType':
    case 'PartialType':
      return [get(codec, 'props') as Record<string, AnyCodec>];
    case 'IntersectionType':
    case 'UnionType':
      return (get(codec, 'types') as AnyCodec[]).flatMap((m) => propsOf(m, depth + 1));
    case 'ExactType':
    case 'RefinementType':
    case 'ReadonlyType':
    case 'RecursiveType':
      return codec instanceof PersonalCodec
        ? []
        : propsOf(get(codec, 'type') as AnyCodec, depth + 1);
    default:
      return [];
  }
};

/** The person id an object names with a `subjectId` field, if any. */
const subjectOf = (props: Array<Record<string, AnyCodec>>, value: object): string | undefined => {
  for (const p of props)
    for (const [key, codec] of Object.entries(p)) {
      let c: AnyCodec | undefined = codec;
      for (let i = 0; i < 8 && c !== undefined; i++) {
        if (c instanceof SubjectIdCodec) {
          const id = (value as Record<string, unknown>)[key];
          if (typeof id === 'string') return id;
          break;
        }
        c = c instanceof PersonalCodec ? (c.inner as AnyCodec) : (get(c, 'type') as AnyCodec);
      }
    }
  return undefined;
};

const walk = (
  state: Walk,
  codec: AnyCodec,
  value: unknown,
  path: Array<string | number>,
  subject: string | undefined,
  primary: boolean,
  depth: number,
): void => {
  if (depth > MAX_DEPTH || value === undefined) return;
  if (codec instanceof PersonalCodec) {
    const key = JSON.stringify(path);
    if (!state.seen.has(key)) {
      state.seen.add(key);
      state.fields.push({ path, category: codec.personalData, subject });
    }
    return;
  }
  if (codec instanceof SubjectIdCodec) {
    walk(state, get(codec, 'type') as AnyCodec, value, path, subject, primary, depth + 1);
    return;
  }
  if (codec instanceof PrimarySubjectCodec) {
    walk(state, get(codec, 'type') as AnyCodec, value, path, subject, true, depth + 1);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    const item = elementCodec(codec, depth);
    if (item !== undefined)
      value.forEach((v, i) => walk(state, item, v, [...path, i], subject, primary, depth + 1));
    return;
  }
  const record = recordCodec(codec, depth);
  if (record !== undefined) {
    for (const [k, v] of Object.entries(value))
      walk(state, record, v, [...path, k], subject, primary, depth + 1);
    return;
  }
  const props = propsOf(codec, depth);
  const own = subjectOf(props, value);
  if (primary && own !== undefined && state.primary === undefined) state.primary = own;
  for (const p of props)
    for (const [key, c] of Object.entries(p))
      walk(
        state,
        c,
        (value as Record<string, unknown>)[key],
        [...path, key],
        own ?? subject,
        primary && own === undefined,
        depth + 1,
      );
};

const elementCodec = (codec: AnyCodec, depth: number): AnyCodec | undefined => {
  if (depth > MAX_DEPTH) return undefined;
  if (codec._tag === 'ArrayType' || codec._tag === 'ReadonlyArrayType')
    return get(codec, 'type') as AnyCodec;
  if (
    codec._tag === 'RefinementType' ||
    codec._tag === 'ReadonlyType' ||
    codec._tag === 'ExactType' ||
    codec._tag === 'RecursiveType'
  )
    return codec instanceof PersonalCodec
      ? undefined
      : elementCodec(get(codec, 'type') as AnyCodec, depth + 1);
  return undefined;
};

const recordCodec = (codec: AnyCodec, depth: number): AnyCodec | undefined => {
  if (depth > MAX_DEPTH) return undefined;
  if (codec._tag === 'DictionaryType') return get(codec, 'codomain') as AnyCodec;
  if (codec._tag === 'RefinementType' || codec._tag === 'ReadonlyType')
    return codec instanceof PersonalCodec
      ? undefined
      : recordCodec(get(codec, 'type') as AnyCodec, depth + 1);
  return undefined;
};

/**
 * Every personal value in `data` (read with `codec`), with the person it belongs to, and the
 * primary subject the data names. Pure: the same codec and data give the same answer, so an
 * access log, a subject access request and an erasure agree on whose each field is.
 */
export const personalFieldsOf = (codec: t.Mixed, data: unknown): PersonalFieldsOfData => {
  const state: Walk = { fields: [], seen: new Set(), primary: undefined };
  walk(state, codec, data, [], undefined, false, 0);
  return { fields: state.fields, primarySubject: state.primary };
};

/** The subject of a stream that names no primary subject: the record itself. */
export const recordSubject = (stream: string): string => `record:${stream}`;
