/**
 * JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) from io-ts codecs, so the HTTP API's
 * OpenAPI document is generated from the same codecs that decode every request and stored
 * event, never written by hand. It walks the combinators the catalogues use: type, strict,
 * exact, partial, intersection, union, keyof, literal, array, readonly, record, tuple,
 * refinements, the calendar's instant and date codecs and the kernel's `personal()`.
 *
 * Objects are closed (`additionalProperties: false`) because the catalogues decode exactly:
 * a field a codec does not declare is refused. An intersection of plain objects is merged into
 * one closed object; one with a union member becomes `allOf` closed by `unevaluatedProperties`.
 *
 * io-ts predicates cannot be translated; refinements and custom codecs are described by name
 * from `KNOWN_LEAVES` (formats, patterns, bounds), over the schema of what they refine. A name not in the table gives its base
 * schema (or `{}` for a custom codec) marked `x-codec`, and is listed in `unknownCodecs`, so a
 * test can require that every codec of the catalogues is described.
 */
import type * as t from 'io-ts';
import { PersonalCodec, PrimarySubjectCodec, SubjectIdCodec } from '@aimline/kernel';

export type JsonSchema = { readonly [keyword: string]: unknown };

/** Deeper than this, a codec is described as `{}` (the catalogues nest far less). */
const MAX_DEPTH = 48;

/**
 * What the refinements and custom codecs of the kernel, the calendar and the domains mean, by
 * their io-ts name. Formats follow JSON Schema 2020-12 (`date-time` requires an offset, as
 * `IsoInstant` does; `date` is `YYYY-MM-DD`).
 */
export const KNOWN_LEAVES: Readonly<Record<string, JsonSchema>> = {
  IsoInstant: { type: 'string', format: 'date-time' },
  IsoDate: { type: 'string', format: 'date' },
  NonEmptyString: { type: 'string', minLength: 1, pattern: '\\S' },
  Text: { type: 'string', minLength: 1, pattern: '\\S' },
  Uuid: { type: 'string', format: 'uuid' },
  HhMm: { type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
  Int: { type: 'integer' },
  NonNegativeInteger: { type: 'integer', minimum: 0 },
  NonNegativeInt: { type: 'integer', minimum: 0 },
  PositiveInteger: { type: 'integer', minimum: 1 },
  PositiveInt: { type: 'integer', minimum: 1 },
  NonNegativeNumber: { type: 'number', minimum: 0 },
  SittingId: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
  ReferralId: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9-]{0,99}$' },
  NonEmptyBehaviourTypes: { minItems: 1 },
  ListLimit: { type: 'integer', minimum: 1, maximum: 1000 },
  StreamId: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' },
};

export interface SchemaOptions {
  /** Extra names to describe (a council's own refinements), over `KNOWN_LEAVES`. */
  readonly leaves?: Readonly<Record<string, JsonSchema>>;
  /**
   * Describes stored data as a reader gets it (responses): a personal field is its value or the
   * marker of its category, `[erased:<category>]` (its subject erased) or `[withheld:<category>]`
   * (the reader's need-to-know rules do not show it). Commands never carry a marker.
   */
  readonly stored?: boolean;
}

export interface CodecSchema {
  readonly schema: JsonSchema;
  /** Names of refinements and custom codecs met that no table describes (see `x-codec`). */
  readonly unknownCodecs: ReadonlyArray<string>;
}

type AnyCodec = t.Mixed & { readonly _tag?: string };
const field = <A>(c: AnyCodec, name: string): A => (c as unknown as Record<string, A>)[name]!;

const isObjectSchema = (s: JsonSchema): boolean =>
  s['type'] === 'object' && s['properties'] !== undefined && Object.keys(s).every(isObjectKey);
const isObjectKey = (k: string): boolean =>
  ['type', 'properties', 'required', 'additionalProperties', 'title'].includes(k);

const closeObject = (properties: Record<string, JsonSchema>, required: string[]): JsonSchema => ({
  type: 'object',
  properties,
  ...(required.length > 0 ? { required } : {}),
  additionalProperties: false,
});

/** Describes `codec` as a JSON Schema, and names what it could not describe. */
export const codecJsonSchema = (codec: t.Mixed, options: SchemaOptions = {}): CodecSchema => {
  const leaves = { ...KNOWN_LEAVES, ...(options.leaves ?? {}) };
  const unknown = new Set<string>();

  const named = (name: string, base: JsonSchema | undefined): JsonSchema => {
    const leaf = leaves[name];
    if (leaf !== undefined) return { ...(base ?? {}), ...leaf };
    unknown.add(name);
    return { ...(base ?? {}), 'x-codec': name };
  };

  const props = (c: AnyCodec, depth: number): Record<string, JsonSchema> =>
    Object.fromEntries(
      Object.entries(field<Record<string, AnyCodec>>(c, 'props')).map(([k, v]) => [
        k,
        walk(v, depth + 1, false),
      ]),
    );

  /** `open`: the caller closes the object (an `allOf` member under `unevaluatedProperties`). */
  const walk = (c: AnyCodec, depth: number, open: boolean): JsonSchema => {
    if (depth > MAX_DEPTH) return {};
    if (c instanceof PersonalCodec) {
      const value = walk(c.inner as AnyCodec, depth + 1, open);
      const category = c.personalData;
      if (options.stored !== true) return { ...value, 'x-personal-data': category };
      const markers = { type: 'string', enum: [`[erased:${category}]`, `[withheld:${category}]`] };
      return { anyOf: [value, markers], 'x-personal-data': category };
    }
    // The data-subject marks describe whose data a field is, not what it holds: transparent here.
    if (c instanceof SubjectIdCodec || c instanceof PrimarySubjectCodec)
      return walk(field<AnyCodec>(c, 'type'), depth + 1, open);
    switch (c._tag) {
      case 'StringType':
        return { type: 'string' };
      case 'NumberType':
        return { type: 'number' };
      case 'BooleanType':
        return { type: 'boolean' };
      case 'NullType':
        return { type: 'null' };
      case 'UnknownType':
      case 'AnyType':
        return {};
      case 'AnyDictionaryType':
        return { type: 'object' };
      case 'AnyArrayType':
        return { type: 'array' };
      case 'LiteralType': {
        const value = field<string | number | boolean>(c, 'value');
        return { type: typeof value === 'number' ? 'number' : typeof value, const: value };
      }
      case 'KeyofType':
        return { type: 'string', enum: Object.keys(field<object>(c, 'keys')) };
      case 'InterfaceType':
      case 'StrictType': {
        const properties = props(c, depth);
        const required = Object.keys(properties);
        return open ? { type: 'object', properties, required } : closeObject(properties, required);
      }
      case 'PartialType': {
        const properties = props(c, depth);
        return open ? { type: 'object', properties } : closeObject(properties, []);
      }
      case 'ExactType':
      case 'ReadonlyType':
      case 'RecursiveType':
        return walk(field<AnyCodec>(c, 'type'), depth + 1, open);
      case 'ArrayType':
      case 'ReadonlyArrayType':
        return { type: 'array', items: walk(field<AnyCodec>(c, 'type'), depth + 1, false) };
      case 'TupleType': {
        const items = field<AnyCodec[]>(c, 'types').map((m) => walk(m, depth + 1, false));
        return { type: 'array', prefixItems: items, minItems: items.length };
      }
      case 'DictionaryType': {
        const domain = walk(field<AnyCodec>(c, 'domain'), depth + 1, false);
        const values = walk(field<AnyCodec>(c, 'codomain'), depth + 1, false);
        const names =
          domain['enum'] ?? (domain['const'] === undefined ? undefined : [domain['const']]);
        // io-ts requires every key of a finite domain (and lets other keys through).
        return {
          type: 'object',
          ...(Array.isArray(names)
            ? { properties: Object.fromEntries(names.map((n) => [n, values])), required: names }
            : {}),
          additionalProperties: values,
        };
      }
      case 'UnionType':
        return union(field<AnyCodec[]>(c, 'types'), depth, open);
      case 'IntersectionType':
        return intersection(field<AnyCodec[]>(c, 'types'), depth, open);
      case 'RefinementType':
        return named(c.name, walk(field<AnyCodec>(c, 'type'), depth + 1, open));
      default:
        return named(c.name, undefined);
    }
  };

  const union = (members: AnyCodec[], depth: number, open: boolean): JsonSchema => {
    const schemas = members.map((m) => walk(m, depth + 1, open));
    const consts = schemas.map((s) => s['const']);
    if (consts.every((v) => typeof v === 'string')) return { type: 'string', enum: consts };
    return { anyOf: schemas };
  };

  const intersection = (members: AnyCodec[], depth: number, open: boolean): JsonSchema => {
    const parts = members.map((m) => walk(m, depth + 1, true));
    if (parts.every(isObjectSchema)) {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const p of parts) {
        Object.assign(properties, p['properties']);
        required.push(...((p['required'] as string[] | undefined) ?? []));
      }
      const unique = [...new Set(required)];
      return open
        ? { type: 'object', properties, ...(unique.length ? { required: unique } : {}) }
        : closeObject(properties, unique);
    }
    return open ? { allOf: parts } : { type: 'object', allOf: parts, unevaluatedProperties: false };
  };

  const schema = walk(codec, 0, false);
  return { schema, unknownCodecs: [...unknown].sort() };
};
