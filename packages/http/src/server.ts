/**
 * `createHttpApi`: the Fastify app over a composed Aimline. It registers exactly the routes of
 * the route table, authenticates every secured route with a verified JWT, resolves the
 * principal against the council directory, and answers every failure as a problem with a
 * status: never a stack trace, never the request's data in a log line.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import * as E from 'fp-ts/lib/Either.js';
import {
  DirectoryUnavailable,
  parseStrictJson,
  type Aimline,
  type Principal,
} from '@aimline/aimline';
import { IdentityProviderUnavailable, type Authenticate } from './auth/jwt.js';
import { openApiDocument, type OpenApiInfo } from './openapi/document.js';
import {
  directoryUnavailableProblem,
  forbiddenProblem,
  internalProblem,
  invalidProblem,
  protocolProblem,
  unauthenticatedProblem,
  unavailableProblem,
} from './problems.js';
import { apiProcesses } from './processes.js';
import { handlerFor, sendProblem, type RouteHandler } from './routes/handlers.js';
import { routeTable, STREAM_ID_EXPECTED, type RouteSpec } from './routes/route-table.js';
import type { Problem } from './schema/wire-codecs.js';

/** Why a token's subject is not a principal of the council (unknown, no role, …). */
export interface PrincipalRefusal {
  readonly kind: string;
  readonly message: string;
}

export interface HttpLimits {
  /** Largest request body accepted, in bytes (default 64 KiB): larger is 413. */
  readonly bodyBytes: number;
  /** Deepest nesting of objects and arrays in a body (default 32): deeper is 400. */
  readonly depth: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { bodyBytes: 64 * 1024, depth: 32 };

/** One line per request: no body, no query, no path values (route template only). */
export interface RequestLogEntry {
  readonly requestId: string;
  readonly method: string;
  /** The route template, e.g. `/v1/hsb/cases/{id}` (never the ids in the URL). */
  readonly route: string;
  readonly status: number;
  readonly ms: number;
  /** The name of an unexpected error's class, when there was one (never its message). */
  readonly error?: string;
  /**
   * What the operator must mend, when the error says and it holds no personal data: for
   * `DirectoryUnavailable`, the directory file and the fields at fault (never their values).
   */
  readonly fault?: string;
}

export interface HttpApiOptions {
  readonly aimline: Aimline;
  /** Verifies the bearer token and gives its subject (`jwtAuthenticator`). */
  readonly authenticate: Authenticate;
  /** The principal of the council directory a token's subject names, or why there is none. */
  readonly resolvePrincipal: (subject: string) => E.Either<PrincipalRefusal, Principal>;
  readonly limits?: Partial<HttpLimits>;
  readonly info?: OpenApiInfo;
  /** Where request log lines go (default: nowhere). */
  readonly log?: (entry: RequestLogEntry) => void;
}

const DEFAULT_INFO: OpenApiInfo = {
  title: 'Aimline',
  version: '0.1.0',
  description:
    'The AIM case processes (HSB AIM, meetings, the AIM panel, attendance AIMs) over HTTP. Generated from the io-ts codecs.',
};

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** A body refused by the JSON parser, already worded as the problem to answer. */
class BodyRefused extends Error {
  override readonly name = 'BodyRefused';
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/**
 * The only body the API reads: `application/json` in UTF-8, parsed strictly once
 * (`parseStrictJson`: a member given twice, a `__proto__` member, a number out of range or
 * nesting deeper than the limit is refused naming where).
 */
const jsonBody =
  (depth: number) =>
  (
    request: FastifyRequest,
    body: string | Buffer,
    done: (e: Error | null, v?: unknown) => void,
  ) => {
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(
      request.headers['content-type'] ?? '',
    )?.[1];
    if (charset !== undefined && charset.toLowerCase() !== 'utf-8')
      return done(
        new BodyRefused(protocolProblem(415, 'send JSON in UTF-8: Content-Type: application/json')),
      );
    // A leading byte order mark is ignored (RFC 8259 §8.1 allows it); an empty body is no JSON.
    const text = String(body).replace(/^\uFEFF/, '');
    if (text.trim() === '')
      return done(new BodyRefused(protocolProblem(400, 'the body is empty; send a JSON object')));
    const parsed = parseStrictJson(text, depth);
    if (E.isRight(parsed)) return done(null, parsed.right);
    const refusal = parsed.left;
    return done(
      new BodyRefused(
        refusal.kind === 'not-json'
          ? protocolProblem(400, `the body is ${refusal.message}`)
          : refusal.kind === 'too-deep'
            ? protocolProblem(400, `the body nests deeper than ${depth} levels`)
            : invalidProblem([{ path: refusal.path, message: refusal.message }]),
      ),
    );
  };

/** The router's own refusals (before any route): a path that is no URL, an id far too long. */
const routerProblem = (code: string | undefined): Problem =>
  code === 'FST_ERR_MAX_PARAM_LENGTH'
    ? invalidProblem([{ path: 'id', message: STREAM_ID_EXPECTED }])
    : protocolProblem(400, 'the path is not a valid URL (a "%" must start a %XX escape)');

/** `/v1/hsb/cases/{id}` → `/v1/hsb/cases/:id` */
const fastifyPath = (path: string): string => path.replace(/\{([^}]+)\}/g, ':$1');

/** Authenticates before the body is read: an unauthenticated caller costs no parsing. */
const authenticateRequest = async (
  options: HttpApiOptions,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply | undefined> => {
  let subject: E.Either<{ reason: string }, string>;
  try {
    subject = await options.authenticate(request.headers.authorization);
  } catch (e) {
    if (e instanceof IdentityProviderUnavailable)
      return sendProblem(reply, unavailableProblem(e.message));
    throw e;
  }
  if (E.isLeft(subject)) return sendProblem(reply, unauthenticatedProblem(subject.left.reason));
  const principal = options.resolvePrincipal(subject.right);
  if (E.isLeft(principal)) return sendProblem(reply, forbiddenProblem(principal.left.message));
  request.principal = principal.right;
  return undefined;
};

/** The Fastify app (not yet listening): `await app.listen({ host: '127.0.0.1', port })`. */
export const createHttpApi = async (options: HttpApiOptions): Promise<FastifyInstance> => {
  const limits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
  const routes: RouteSpec[] = routeTable(apiProcesses(options.aimline));
  const document = openApiDocument(routes, options.info ?? DEFAULT_INFO);
  const app = Fastify({
    logger: false,
    bodyLimit: limits.bodyBytes,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 200 },
    frameworkErrors: (error, _request, reply) => {
      void sendProblem(reply, routerProblem(error.code));
    },
  });
  // JSON only: Fastify's text/plain parser and its JSON parser (which keeps the last of two
  // members of the same name) are replaced by the strict one.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'string' }, jsonBody(limits.depth));
  const log = options.log ?? (() => undefined);
  const errors = new WeakMap<FastifyRequest, { error: string; fault?: string }>();

  app.addHook('onResponse', async (request, reply) => {
    const error = errors.get(request);
    log({
      requestId: request.id,
      method: request.method,
      route: request.routeOptions.url === undefined ? '(no route)' : request.routeOptions.url,
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime),
      ...error,
    });
  });

  app.setNotFoundHandler(async (request, reply) =>
    sendProblem(reply, protocolProblem(404, `no route ${request.method} for this path`)),
  );

  app.setErrorHandler(
    async (error: { statusCode?: number; code?: string; name?: string }, request, reply) => {
      if (error instanceof BodyRefused) return sendProblem(reply, error.problem);
      const status = error.statusCode;
      if (status !== undefined && status >= 400 && status < 500)
        return sendProblem(reply, protocolProblem(status, fastifyErrorDetail(error.code, limits)));
      if (error instanceof DirectoryUnavailable) {
        errors.set(request, { error: error.name, fault: error.fault });
        return sendProblem(reply, directoryUnavailableProblem(request.id));
      }
      errors.set(request, { error: error.name ?? 'Error' });
      return sendProblem(reply, internalProblem(request.id));
    },
  );

  for (const route of routes) {
    const handler: RouteHandler = handlerFor(route, document);
    app.route({
      method: route.method,
      url: fastifyPath(route.path),
      ...(route.secured
        ? { onRequest: (request, reply) => authenticateRequest(options, request, reply) }
        : {}),
      handler: async (request, reply) => handler(request, reply),
    });
  }
  return app;
};

const fastifyErrorDetail = (code: string | undefined, limits: HttpLimits): string => {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `the body is larger than ${limits.bodyBytes} bytes`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'send JSON: Content-Type: application/json';
    default:
      return `the request cannot be read (${code ?? 'no reason given'})`;
  }
};
