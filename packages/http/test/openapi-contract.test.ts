/**
 * The contract: every route of the generated OpenAPI document is served, and what crosses the
 * wire validates against the document (Ajv, draft 2020-12). The demo's synthetic cases
 * (invented people) are sent over HTTP, each command as its own actor; every command route
 * the demo does not reach is called with an empty `data`, which both the server and the
 * document refuse; every read route is called for a stream that exists and one that does not.
 */
import type { ValidateFunction } from 'ajv';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareInstants, formatInstant, instantMs } from '@aimline/calendar';
import * as E from 'fp-ts/lib/Either.js';
import { demoSteps, type ScenarioStep } from '@aimline/demo';
import { defaultCouncilPolicy, domainRegistry } from '@aimline/aimline';
import { parseDirectory } from '@aimline/governance';
import type { AnyDomainModule } from '@aimline/kernel';
import type { AnyProcessService } from '@aimline/aimline';
import type { OpenApiDocument } from '../src/openapi/document.js';
import { routeTable, type RouteSpec } from '../src/routes/route-table.js';
import { apiProcesses } from '../src/processes.js';
import { newAjv } from './support/ajv.js';
import { startApi, type Answer, type TestApi } from './support/api.js';

const PROCESS_OF: Readonly<Record<string, string>> = {
  'hsb-case': 'hsb',
  meeting: 'meetings',
  'panel-sitting': 'panel',
  'panel-referral': 'panel',
  'attendance-aim': 'attendance',
};

interface Exchange {
  readonly route: RouteSpec;
  readonly request?: unknown;
  readonly answer: Answer;
}

let api: TestApi;
/** A principal of the demo directory, for the calls the demo does not make. */
let someone = '';
let document: OpenApiDocument;
let routes: RouteSpec[];
const exchanges: Exchange[] = [];
const ajv = newAjv();
const compiled = new Map<string, ValidateFunction>();

/** The schema at a place in the document, `$ref`s to components followed. */
const validator = (schema: Record<string, unknown>): ValidateFunction => {
  const ref = schema['$ref'];
  const resolved =
    typeof ref === 'string'
      ? ((document.components['schemas'] as Record<string, Record<string, unknown>>)[
          ref.replace('#/components/schemas/', '')
        ] as Record<string, unknown>)
      : schema;
  const key = JSON.stringify(resolved);
  let v = compiled.get(key);
  if (v === undefined) compiled.set(key, (v = ajv.compile(resolved)));
  return v;
};

type Operation = {
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { content: Record<string, { schema: Record<string, unknown> }> }>;
};
const operation = (route: RouteSpec): Operation =>
  document.paths[route.path]![route.method.toLowerCase()] as Operation;

const errorsOf = (v: ValidateFunction, value: unknown): string =>
  v(value) ? '' : ajv.errorsText(v.errors, { separator: '\n' }).slice(0, 800);

const call = async (route: RouteSpec, path: string, body?: unknown, as?: string) => {
  const answer = await api.call(route.method, path, body, as);
  exchanges.push({ route, ...(body === undefined ? {} : { request: body }), answer });
  return answer;
};

/**
 * The demo's actors as principals of a directory whose policy lets them issue every command
 * (the contract is about the wire, not about who may do what: http-api.test.ts covers 403).
 */
const demoDirectory = (
  steps: ReadonlyArray<ScenarioStep>,
  modules: ReadonlyArray<AnyDomainModule>,
) => {
  const ids = [...new Set(steps.map((s) => s.command.actor.id))];
  const directory = parseDirectory({
    council: 'Testshire',
    principals: ids.map((id) => ({
      id,
      role: 'business-support',
      agency: 'Testshire',
      streams: [],
      panels: [],
    })),
    commands: {
      'business-support': modules.map((m) => ({
        module: m.name,
        commands: m.commands.types,
        streams: 'any',
      })),
    },
  });
  if (E.isLeft(directory)) throw new Error(directory.left.message);
  return directory.right;
};

beforeAll(async () => {
  const policy = defaultCouncilPolicy();
  const { modules } = domainRegistry(policy);
  const { steps } = demoSteps({
    seed: 20261125,
    policy,
    modules,
    from: '2024-09-02T09:00:00Z',
    years: 1,
    cases: 2,
  });
  const directory = demoDirectory(steps, modules);
  api = await startApi({ aimline: { policy, principals: directory, processes: 'manual' } });
  for (const entry of directory.entries.values()) api.know({ ...entry, role: 'business-support' });
  someone = [...directory.entries.keys()][0]!;
  routes = routeTable(apiProcesses(api.aimline));
  document = (await api.call('GET', '/openapi.json')).json as unknown as OpenApiDocument;
  const byPath = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
  const ordered = steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => compareInstants(a.s.command.at, b.s.command.at) || a.i - b.i);
  for (const { s } of ordered) {
    const process = PROCESS_OF[s.module.name]!;
    const route = byPath.get(`POST /v1/${process}/commands/${s.command.type}`)!;
    api.clock.now = s.recordedAt ?? formatInstant(instantMs(s.command.at) + 5 * 60_000);
    const actor = s.command.actor;
    await call(
      route,
      route.path,
      {
        commandId: s.commandId,
        at: s.command.at,
        data: s.command.data,
        ...(s.correlationId === undefined ? {} : { correlationId: s.correlationId }),
      },
      actor.id,
    );
  }
  // A referral without its booking: the service computes it from the sittings (a supplied fact).
  const referral = exchanges.find(
    (e) => e.route.operationId === 'panelReceiveReferral' && e.answer.status === 201,
  );
  if (referral !== undefined) {
    const { booking: _booking, ...data } = (referral.request as { data: Record<string, unknown> })
      .data;
    await call(
      referral.route,
      referral.route.path,
      {
        commandId: crypto.randomUUID(),
        at: (referral.request as { at: string }).at,
        data: { ...data, referralId: 'R-HTTP-NO-BOOKING' },
      },
      someone,
    );
  }
  const reached = new Set(exchanges.map((e) => e.route));
  for (const route of routes) {
    if (route.route.kind !== 'command' || reached.has(route)) continue;
    await call(
      route,
      route.path,
      { commandId: crypto.randomUUID(), at: api.clock.now, data: {} },
      someone,
    );
  }
  for (const route of routes) {
    if (route.route.kind === 'list') {
      await call(route, `${route.path}?limit=50`, undefined, someone);
      continue;
    }
    if (!['state', 'events', 'timeline'].includes(route.route.kind)) continue;
    const prefix = (route.route as { service: AnyProcessService }).service.module.streamPrefix;
    const stream = exchanges
      .map((e) => e.answer.json['stream'])
      .find((s): s is string => typeof s === 'string' && s.startsWith(prefix));
    const path = (id: string) => route.path.replace('{id}', id);
    if (stream !== undefined)
      await call(
        route,
        `${path(stream.slice(prefix.length))}?asOf=${api.clock.now}`,
        undefined,
        someone,
      );
    await call(route, path('no-such-stream'), undefined, someone);
  }
}, 600_000);
afterAll(() => api.close());

describe('the OpenAPI document', () => {
  it("is a valid OpenAPI 3.1 document (the specification's own schema) and lists exactly the routes served", async () => {
    expect(document.openapi).toBe('3.1.0');
    expect(await new Validator().validate(document)).toEqual({ valid: true });
    const listed = Object.entries(document.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
    );
    expect(listed.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('every route was called, and most command routes with a command the demo sends', () => {
    const called = new Set(exchanges.map((e) => e.route.operationId));
    expect(routes.filter((r) => r.secured && !called.has(r.operationId))).toEqual([]);
    const commandRoutes = routes.filter((r) => r.route.kind === 'command');
    const accepted = new Set(
      exchanges.filter((e) => e.answer.status === 201).map((e) => e.route.operationId),
    );
    console.log(
      `contract: ${exchanges.length} exchanges; ${accepted.size} of ${commandRoutes.length} command routes accepted a demo command`,
    );
    expect(accepted.size).toBeGreaterThan(commandRoutes.length / 2);
  });

  it('every request the server accepted, or refused by a rule, validates against its requestBody schema', () => {
    const failures = exchanges
      .filter((e) => e.request !== undefined && [200, 201, 409].includes(e.answer.status))
      .map((e) => [
        e.route.operationId,
        errorsOf(
          validator(operation(e.route).requestBody!.content['application/json']!.schema),
          e.request,
        ),
      ])
      .filter(([, errors]) => errors !== '');
    expect(failures).toEqual([]);
  });

  it('a referral without its booking (a fact the service supplies) is accepted and validates', () => {
    const e = exchanges.find(
      (x) =>
        (x.request as { data?: { referralId?: string } } | undefined)?.data?.referralId ===
        'R-HTTP-NO-BOOKING',
    );
    expect(e?.answer.status).toBe(201);
    const schema = operation(e!.route).requestBody!.content['application/json']!.schema;
    expect(errorsOf(validator(schema), e!.request)).toBe('');
  });

  it('a command with empty data is refused by the server and by the document alike', () => {
    const empty = exchanges.filter(
      (e) =>
        (e.request as { data?: unknown } | undefined)?.data !== undefined &&
        Object.keys((e.request as { data: object }).data).length === 0,
    );
    expect(empty.length).toBeGreaterThan(0);
    for (const e of empty) {
      expect([e.route.operationId, e.answer.status]).toEqual([e.route.operationId, 400]);
      const schema = operation(e.route).requestBody!.content['application/json']!.schema;
      expect([e.route.operationId, validator(schema)(e.request)]).toEqual([
        e.route.operationId,
        false,
      ]);
    }
  });

  it('every answer is one the document lists for its route, with its content type, and validates', () => {
    const failures: string[][] = [];
    for (const e of exchanges) {
      const response = operation(e.route).responses[String(e.answer.status)];
      if (response === undefined) {
        failures.push([e.route.operationId, `status ${e.answer.status} not in the document`]);
        continue;
      }
      const [type, media] = Object.entries(response.content)[0]!;
      if (!e.answer.contentType.startsWith(type))
        failures.push([e.route.operationId, `content type ${e.answer.contentType}, not ${type}`]);
      const errors = errorsOf(validator(media.schema), JSON.parse(e.answer.text));
      if (errors !== '') failures.push([e.route.operationId, String(e.answer.status), errors]);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
