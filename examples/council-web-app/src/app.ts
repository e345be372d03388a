import * as E from 'fp-ts/lib/Either.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeRefusal, type AimlineOptions, type ExecuteResult } from '@aimline/aimline';
import { aimlineContainer, AimlineTokens } from '@aimline/aimline/tsyringe';
import { resolvePrincipal, type Directory } from '@aimline/governance';
import type { EventStore } from '@aimline/kernel';

export interface AppOptions {
  /** The event store (yours: `close` does not dispose it). */
  readonly store: EventStore;
  /** The council directory (`parseDirectory` of principals.json): who may do what. */
  readonly directory: Directory;
  /** The council policy (data or `loadCouncilPolicy`'s), validated once by Aimline. */
  readonly policy?: unknown;
  /** The clock that stamps `recordedAt`; default the system clock. */
  readonly clock?: () => string;
  /** Largest accepted request body in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
}

export interface App {
  readonly server: Server;
  /** Starts listening (port 0: any free port); resolves with the port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops the server and Aimline's process managers. */
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Readonly<Record<string, unknown>>,
  ) {
    super(`${status}`);
  }
}

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

const readJson = async (req: IncomingMessage, limit: number): Promise<unknown> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new HttpError(413, { kind: 'PayloadTooLarge', limit });
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, { kind: 'MalformedJson', message: 'the body is not JSON' });
  }
};

/** Aimline's flat result as an HTTP status; an accepted command's events without their (personal) data. */
const answer = (r: ExecuteResult): { status: number; body: unknown } => {
  switch (r.kind) {
    case 'Accepted':
      return {
        status: 200,
        body: {
          ...r,
          events: r.events.map(({ data: _data, ...facts }) => facts),
        },
      };
    case 'Invalid':
      return { status: 400, body: r };
    case 'Forbidden':
      return { status: 403, body: r };
    case 'Rejected':
    case 'Conflict':
      return { status: 409, body: r };
    case 'Unavailable':
      return { status: 503, body: { kind: r.kind, cause: r.cause, message: describeRefusal(r) } };
  }
};

/**
 * The council's HSB API on `node:http`, composed with Aimline in a tsyringe child container:
 *
 * - `POST /commands` (header `x-principal`: the directory id of the signed-in user): one HSB
 *   command `{ commandId?, type, at, data }` → 200 with the recorded events (ids and times),
 *   400 invalid (field paths), 403 forbidden, 409 rejected (rule id and field) or conflict;
 * - `GET /cases/:id/timeline[?asOf=]`: the case's events by phase, with the deadlines each opened or settled;
 * - `GET /cases/:id/deadlines[?asOf=]`: each deadline's state at `asOf` (default now), explained in London time.
 *
 * Authentication is the app's: here a header stands in for the council's sign-in (a real app
 * verifies a token, as `@aimline/http` does); the directory decides what the user may do.
 */
export const createApp = (options: AppOptions): App => {
  const aimlineOptions: AimlineOptions = {
    store: options.store,
    principals: options.directory,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  };
  const container = aimlineContainer(aimlineOptions);
  const hsb = container.resolve(AimlineTokens.Hsb);
  const limit = options.maxBodyBytes ?? 1024 * 1024;

  const principalOf = (req: IncomingMessage) => {
    const id = req.headers['x-principal'];
    const resolved = resolvePrincipal(options.directory, id);
    if (E.isLeft(resolved))
      throw new HttpError(401, { kind: 'Unauthenticated', message: resolved.left.message });
    return resolved.right;
  };

  const read = async <T>(
    url: URL,
    caseId: string,
    reader: (
      id: string,
      options: { asOf?: string },
    ) => Promise<
      { kind: 'Found'; value: T } | { kind: 'NotFound' | 'Invalid' | 'Forbidden' | 'Unavailable' }
    >,
  ): Promise<T> => {
    const asOf = url.searchParams.get('asOf');
    const result = await reader(caseId, asOf === null ? {} : { asOf });
    if (result.kind === 'Found') return result.value;
    const status = { NotFound: 404, Invalid: 400, Forbidden: 403, Unavailable: 503 }[result.kind];
    throw new HttpError(status, result);
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (url.pathname === '/commands') {
      if (method !== 'POST') throw new HttpError(405, { kind: 'MethodNotAllowed', allow: 'POST' });
      const principal = principalOf(req);
      const { status, body } = answer(
        await hsb.execute(principal, (await readJson(req, limit)) as never),
      );
      return send(res, status, body);
    }
    const m = /^\/cases\/([A-Za-z0-9-]+)\/(timeline|deadlines)$/.exec(url.pathname);
    if (m === null)
      throw new HttpError(404, { kind: 'NotFound', message: `no route ${method} ${url.pathname}` });
    if (method !== 'GET') throw new HttpError(405, { kind: 'MethodNotAllowed', allow: 'GET' });
    // Reads are need to know: as the principal, who sees only what their rules show.
    const principal = principalOf(req);
    const caseId = m[1] ?? '';
    if (m[2] === 'timeline') {
      const t = await read(url, caseId, (id, o) => hsb.timeline(principal, id, o));
      return send(res, 200, {
        stream: t.stream,
        phases: Object.fromEntries(
          Object.entries(t.phases).map(([phase, entries]) => [
            phase,
            entries.map(({ stream: _s, ...entry }) => entry),
          ]),
        ),
      });
    }
    const view = await read(url, caseId, (id, o) => hsb.get(principal, id, o));
    send(res, 200, {
      stream: view.stream,
      asOf: view.asOf,
      deadlines: view.deadlines.map(({ deadline: _d, ...d }) => d),
    });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return send(res, e.status, e.body);
      send(res, 500, { kind: 'InternalError' }); // no stack traces, no messages from inside
    });
  });

  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: async () => {
      if (server.listening) {
        server.closeAllConnections();
        await new Promise<void>((resolve, reject) =>
          server.close((e) => (e ? reject(e) : resolve())),
        );
      }
      await container.resolve(AimlineTokens.Aimline).close();
    },
  };
};
