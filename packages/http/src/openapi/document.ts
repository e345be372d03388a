/**
 * The OpenAPI 3.1 document of the API, generated from the route table: every request body,
 * parameter and response schema is the JSON Schema of an io-ts codec (`codecJsonSchema`).
 * Nothing in it is written by hand but the titles.
 */
import { codecJsonSchema, type JsonSchema } from '../schema/codec-json-schema.js';
import { PROBLEM_CONTENT_TYPE, ProblemCodec } from '../schema/wire-codecs.js';
import { PROBLEM_RESPONSES, type RouteSpec } from '../routes/route-table.js';

export interface OpenApiInfo {
  readonly title: string;
  readonly version: string;
  readonly description?: string;
}

export type OpenApiDocument = {
  readonly openapi: '3.1.0';
  readonly info: OpenApiInfo;
  readonly paths: Record<string, Record<string, unknown>>;
  readonly components: Record<string, unknown>;
} & Record<string, unknown>;

/** Codecs of the catalogues whose refinements no table describes (kept, marked `x-codec`). */
export class UndescribedCodecs extends Error {
  override readonly name = 'UndescribedCodecs';
  constructor(readonly names: ReadonlyArray<string>) {
    super(`no JSON Schema for the io-ts codecs: ${names.join(', ')}`);
  }
}

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** The request schema with `fields` of its `data` no longer required (the service supplies them). */
const withOptionalData = (schema: JsonSchema, fields: ReadonlyArray<string>): JsonSchema => {
  const optional = (s: JsonSchema): JsonSchema => {
    const required = s['required'];
    const members = s['allOf'];
    return {
      ...s,
      ...(Array.isArray(required)
        ? { required: required.filter((f: unknown) => !fields.includes(f as string)) }
        : {}),
      ...(Array.isArray(members) ? { allOf: members.map((m: JsonSchema) => optional(m)) } : {}),
    };
  };
  const properties = schema['properties'] as Record<string, JsonSchema>;
  return { ...schema, properties: { ...properties, data: optional(properties['data']!) } };
};

/**
 * Builds the document. `unknownCodecs` collects the names of codecs the walker could not
 * describe; `strict` (the default) throws `UndescribedCodecs` rather than serve a vaguer schema.
 */
export const openApiDocument = (
  routes: ReadonlyArray<RouteSpec>,
  info: OpenApiInfo,
  options: { readonly strict?: boolean } = {},
): OpenApiDocument => {
  const unknown = new Set<string>();
  const schemaOf = (codec: Parameters<typeof codecJsonSchema>[0], stored = false): JsonSchema => {
    const { schema, unknownCodecs } = codecJsonSchema(codec, { stored });
    unknownCodecs.forEach((n) => unknown.add(n));
    return schema;
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const responses: Record<string, unknown> = {};
    for (const [status, r] of Object.entries(route.responses))
      responses[status] = {
        description: r.description,
        // What a reader gets back: personal fields may be erased or withheld markers.
        content: { 'application/json': { schema: schemaOf(r.codec, true) } },
      };
    if (route.secured)
      for (const [status, description] of Object.entries(PROBLEM_RESPONSES))
        if (status !== '413' || route.body !== undefined)
          responses[status] = {
            description,
            content: { [PROBLEM_CONTENT_TYPE]: { schema: PROBLEM_REF } },
          };
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = {
      operationId: route.operationId,
      tags: [route.tag],
      summary: route.summary,
      ...(route.secured ? {} : { security: [] }),
      ...(route.parameters.length
        ? {
            parameters: route.parameters.map((p) => ({
              name: p.name,
              in: p.in,
              required: p.required,
              description: p.description,
              schema: schemaOf(p.codec),
            })),
          }
        : {}),
      ...(route.body === undefined
        ? {}
        : {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema:
                    route.suppliedData === undefined
                      ? schemaOf(route.body)
                      : withOptionalData(schemaOf(route.body), route.suppliedData),
                },
              },
            },
          }),
      responses,
    };
  }
  if ((options.strict ?? true) && unknown.size > 0) throw new UndescribedCodecs([...unknown]);
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Problem: schemaOf(ProblemCodec) },
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            "A JWT from the council's identity provider; its subject is a principal id of the council directory",
        },
      },
    },
    security: [{ bearer: [] }],
  };
};
