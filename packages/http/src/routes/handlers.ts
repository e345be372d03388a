/**
 * What each kind of route does: a command goes to its process service's `execute` with the
 * authenticated principal; a read to its `get` or `events`. Bodies pass through untouched to
 * the service, which decodes them strictly once; only the path's type and the principal are added.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CommandInput, Principal } from '@aimline/aimline';
import type { Command } from '@aimline/kernel';
import type { OpenApiDocument } from '../openapi/document.js';
import { invalidProblem, readProblem, refusalProblem } from '../problems.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../schema/wire-codecs.js';
import { StreamIdCodec, type RouteSpec } from './route-table.js';

export type RouteHandler = (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>;

export const sendProblem = async (reply: FastifyReply, problem: Problem): Promise<void> => {
  await reply.code(problem.status).type(PROBLEM_CONTENT_TYPE).send(problem);
};

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const principalOf = (request: FastifyRequest): Principal => {
  if (request.principal === undefined) throw new TypeError('a secured route ran unauthenticated');
  return request.principal;
};

/** The query parameters a read takes (`asOf`), refusing any other by name. */
const readOptions = (
  query: unknown,
): { readonly asOf?: string } | { readonly problem: Problem } => {
  const q = isObject(query) ? query : {};
  const stray = Object.keys(q).filter((k) => k !== 'asOf');
  if (stray.length > 0)
    return {
      problem: invalidProblem(stray.map((k) => ({ path: k, message: 'unknown parameter' }))),
    };
  const asOf = q['asOf'];
  if (asOf === undefined) return {};
  if (typeof asOf !== 'string')
    return { problem: invalidProblem([{ path: 'asOf', message: 'give asOf once' }]) };
  return { asOf };
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
      return async (request, reply) => {
        const options = readOptions(request.query);
        if ('problem' in options) return sendProblem(reply, options.problem);
        const id = (request.params as { id: string }).id;
        if (!StreamIdCodec.is(id))
          return sendProblem(
            reply,
            invalidProblem([{ path: 'id', message: 'expected letters, digits, ".", "_" or "-"' }]),
          );
        const result =
          r.kind === 'state'
            ? await r.service.get(id, options)
            : await r.service.events(id, options);
        return result.kind === 'Found'
          ? reply.send(result.value)
          : sendProblem(reply, readProblem(result));
      };
  }
};
