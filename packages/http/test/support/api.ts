/**
 * A real HTTP API for tests: Aimline over an in-memory store with a clock the test sets, a
 * test identity provider whose JWKS is served over HTTP, a directory of invented principals,
 * listening on 127.0.0.1 port 0. Requests go through `fetch`, as any client's would.
 */
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import { InMemoryEventStore, type EventStore } from '@aimline/kernel';
import { createAimline, type Aimline, type AimlineOptions, type Principal } from '@aimline/aimline';
import { jwtAuthenticator } from '../../src/auth/jwt.js';
import { createHttpApi, type HttpLimits, type RequestLogEntry } from '../../src/server.js';
import { serveJwks, testIssuer, TEST_AUDIENCE, TEST_ISSUER } from './test-issuer.js';

/** A social worker allocated to the test's HSB cases (`case-0` … `case-19`). */
export const socialWorker: Principal = {
  id: 'sw-lead-7',
  role: 'social-worker',
  agency: 'childrens-social-care',
  streams: Array.from({ length: 20 }, (_, i) => `hsb-case-case-${i}`),
  panels: [],
};

export interface TestApi {
  readonly url: string;
  readonly aimline: Aimline;
  readonly clock: { now: string };
  readonly logs: RequestLogEntry[];
  readonly store: EventStore;
  /** A bearer token for a principal id (known to the directory or not). */
  token(subject: string): Promise<string>;
  /** Adds principals to the directory. */
  know(...principals: Principal[]): void;
  /** `fetch` with a bearer token for `as` (default: the social worker), JSON in and out. */
  call(method: string, path: string, body?: unknown, as?: string): Promise<Answer>;
  close(): Promise<void>;
}

export interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly json: Record<string, unknown>;
}

export const startApi = async (
  options: {
    readonly store?: EventStore;
    readonly aimline?: Partial<AimlineOptions>;
    readonly limits?: Partial<HttpLimits>;
  } = {},
): Promise<TestApi> => {
  const issuer = await testIssuer();
  const jwks = await serveJwks(issuer.jwks);
  const store = options.store ?? new InMemoryEventStore();
  const clock = { now: '2026-06-01T09:05:00Z' };
  const directory = new Map<string, Principal>([[socialWorker.id, socialWorker]]);
  const logs: RequestLogEntry[] = [];
  const aimline = createAimline({ store, clock: () => clock.now, ...options.aimline });
  const app = await createHttpApi({
    aimline,
    authenticate: await jwtAuthenticator({
      issuer: TEST_ISSUER,
      audience: TEST_AUDIENCE,
      keys: { kind: 'jwksUrl', url: jwks.url },
    }),
    resolvePrincipal: (id) => {
      const p = directory.get(id);
      return p === undefined
        ? E.left({ kind: 'UnknownPrincipal', message: `${id} is not in the council directory` })
        : E.right(p);
    },
    ...(options.limits === undefined ? {} : { limits: options.limits }),
    log: (entry) => logs.push(entry),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const tokens = new Map<string, string>();
  const token = async (subject: string): Promise<string> => {
    const known = tokens.get(subject);
    if (known !== undefined) return known;
    const fresh = await issuer.token(subject);
    tokens.set(subject, fresh);
    return fresh;
  };
  return {
    url,
    aimline,
    clock,
    logs,
    store,
    token,
    know: (...principals) => principals.forEach((p) => directory.set(p.id, p)),
    call: async (method, path, body, as = socialWorker.id) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await token(as)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await response.text();
      let json: Record<string, unknown> = {};
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        // not JSON: the test looks at `text`
      }
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        text,
        json,
      };
    },
    close: async () => {
      await app.close();
      await aimline.close();
      await jwks.close();
    },
  };
};
