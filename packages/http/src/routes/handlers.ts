/**
 * What each kind of route does: a command goes to its process service's `execute` with the
 * authenticated principal; a read to its `get`, `events`, `timeline` or `list` as that principal
 * (need to know). Bodies pass through untouched to
 * the service, which decodes them strictly once; only the path's type and the principal are added.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandInput, Principal } from '@aimline/aimline';
import * as E from 'fp-ts/lib/Either.js';
import { fieldProblems, type Command, type FieldProblem } from '@aimline/kernel';
import type { OpenApiDocument } from '../openapi/document.js';
import { invalidProblem, readProblem, refusalProblem } from '../problems.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../schema/wire-codecs.js';
import { STREAM_ID_EXPECTED, StreamIdCodec, type RouteSpec } from './route-table.js';

export type RouteHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

/** Answers with a problem; the reply is returned, as Fastify's async hooks and handlers need. */
export const sendProblem = (reply: FastifyReply, problem: Problem): FastifyReply =>
  reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const principalOf = (request: FastifyRequest): Principal => {
  if (request.principal === undefined) throw new TypeError('a secured route ran unauthenticated');
  return request.principal;
};

/**
 * The query of a read, parsed by its route's parameters: each is given once and decodes with
 * its codec (a number parameter from its digits); any other parameter is refused by name.
 */
const queryOf = (
  route: RouteSpec,
  query: unknown,
): { readonly values: Record<string, unknown> } | { readonly problem: Problem } => {
  const q = isObject(query) ? query : {};
  const params = new Map(route.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]));
  const problems: FieldProblem[] = [];
  const values: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(q)) {
    const param = params.get(name);
    if (param === undefined) problems.push({ path: name, message: 'unknown parameter' });
    else if (typeof raw !== 'string') problems.push({ path: name, message: 'give it once' });
    else {
      // Plain digits only, as the CLI's counts: `007`, `1e2` and `0x10` stay text and are refused.
      const value = /^(0|[1-9]\d{0,5})$/.test(raw) && !param.codec.is(raw) ? Number(raw) : raw;
      const decoded = param.codec.decode(value);
      if (E.isRight(decoded)) values[name] = value;
      else {
        // What the codec expects (an instant that exists, with an offset …), then what it is.
        const expected = fieldProblems(decoded.left)[0]?.message ?? 'not a valid value';
        problems.push({ path: name, message: `${expected}; ${name} is ${param.description}` });
      }
    }
  }
  return problems.length > 0 ? { problem: invalidProblem(problems) } : { values };
};

export const handlerFor = (route: RouteSpec, document: OpenApiDocument): RouteHandler => {
  const r = route.route;
  switch (r.kind) {
    case 'openapi':
      return async (_request, reply) => reply.send(document);
    case 'command':
      return async (request, reply) => {
        if (!isObject(request.body))
          return sendProblem(
            reply,
            invalidProblem([{ path: '(root)', message: 'send a JSON object' }]),
          );
        if ('type' in request.body)
          return sendProblem(
            reply,
            invalidProblem([{ path: 'type', message: 'the command type is in the path' }]),
          );
        // The service decodes the envelope and data strictly (unknown fields named), once.
        const command = { ...request.body, type: r.type } as unknown as CommandInput<Command>;
        const result = await r.service.execute(principalOf(request), command);
        if (result.kind !== 'Accepted') return sendProblem(reply, refusalProblem(result));
        return reply.code(result.alreadyHandled ? 200 : 201).send({
          stream: result.stream,
          ...(result.revision === undefined ? {} : { revision: result.revision }),
          alreadyHandled: result.alreadyHandled,
          events: result.events,
        });
      };
    case 'state':
    case 'events':
    case 'timeline':
      return async (request, reply) => {
        const query = queryOf(route, request.query);
        if ('problem' in query) return sendProblem(reply, query.problem);
        const id = (request.params as { id: string }).id;
        if (!StreamIdCodec.is(id))
          return sendProblem(reply, invalidProblem([{ path: 'id', message: STREAM_ID_EXPECTED }]));
        const options = query.values as { asOf?: string };
        // Need to know: the service reads as the authenticated principal (withheld fields
        // marked, a case they may not see is 404) and records the read in the access log.
        const principal = principalOf(request);
        const result =
          r.kind === 'state'
            ? await r.service.get(principal, id, options)
            : r.kind === 'events'
              ? await r.service.events(principal, id, options)
              : await r.service.timeline(principal, id, options);
        return result.kind === 'Found'
          ? reply.send(result.value)
          : sendProblem(reply, readProblem(result));
      };
    case 'list':
      return async (request, reply) => {
        const query = queryOf(route, request.query);
        if ('problem' in query) return sendProblem(reply, query.problem);
        const result = await r.service.list(principalOf(request), {
          limit: (query.values['limit'] as number) ?? 100,
        });
        return result.kind === 'Found'
          ? reply.send(result.value)
          : sendProblem(reply, readProblem(result));
      };
  }
};
