import * as E from 'fp-ts/lib/Either.js';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Calendar } from '@aimline/calendar';
import { hsbCaseStream, type HsbPolicy } from '@aimline/hsb-aim';
import {
  InMemoryEventStore,
  IsoInstant,
  type CommandFailure,
  type EventStore,
  type RecordedEvent,
} from '@aimline/kernel';
import {
  caseTimeline,
  deadlineReport,
  deadlineTracker,
  foldProjection,
  recordedBy,
  type DecodedEvent,
  type TimelineEntry,
} from '@aimline/projections';
import { openSqliteEventStore } from '@aimline/store-sqlite';
import { compose } from './composition.js';
import { Tokens } from './tokens.js';

export interface AppOptions {
  /** An event store the caller owns (not disposed by `close`)… */
  readonly store?: EventStore;
  /** …or one the app opens and disposes: `sqlite:PATH` or `memory:`. */
  readonly storeUrl?: string;
  /** The clock that stamps `recordedAt`; default the system clock. */
  readonly clock?: () => string;
  readonly policy?: HsbPolicy;
  readonly calendar?: Calendar;
  /** Largest accepted request body in bytes (default 1 MiB). */
  readonly maxBodyBytes?: number;
}

export interface App {
  readonly server: Server;
  /** Starts listening (port 0: any free port); resolves with the port. */
  listen(port: number, host?: string): Promise<number>;
  /** Stops the server and disposes the store if the app opened it. */
  close(): Promise<void>;
}

/** The system clock, read at the edge only (T-7). */
const systemClock = (): string => new Date().toISOString();

const openStoreUrl = (url: string): EventStore => {
  if (url === 'memory:') return new InMemoryEventStore();
  if (url.startsWith('sqlite:') && url.length > 'sqlite:'.length)
    return openSqliteEventStore(url.slice('sqlite:'.length));
  throw new TypeError(`createApp: storeUrl must be "sqlite:PATH" or "memory:"; got ${url}`);
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Readonly<Record<string, unknown>> & { readonly error: string },
  ) {
    super(`${status} ${body.error}`);
  }
}

const send = (res: ServerResponse, status: number, body: unknown): void => {
  const text = JSON.stringify(body, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
};

const readBody = async (req: IncomingMessage, limit: number): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit)
      throw new HttpError(413, { error: 'PayloadTooLarge', message: `body over ${limit} bytes` });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** What the caller gets back for a recorded event: ids and times, not the (personal) data. */
const eventSummary = (e: RecordedEvent) => ({
  id: e.id,
  type: e.type,
  stream: e.stream,
  revision: e.revision,
  position: e.position.toString(),
  occurredAt: e.metadata.occurredAt,
  recordedAt: e.metadata.recordedAt,
  hash: e.metadata.hash,
});

/** A command failure as an HTTP status and a problem body. */
const failure = (f: CommandFailure): { status: number; body: Record<string, unknown> } => {
  switch (f.kind) {
    case 'Rejected':
      return {
        status: 422,
        body: {
          kind: 'Rejected',
          ruleId: f.rejection.ruleId,
          reason: f.rejection.reason,
          ...(f.rejection.field === undefined ? {} : { field: f.rejection.field }),
        },
      };
    case 'InvalidCommand':
      return {
        status: 422,
        body: { kind: 'InvalidCommand', message: f.message, problems: f.problems },
      };
    case 'IdempotencyConflict':
      return {
        status: 409,
        body: {
          kind: 'IdempotencyConflict',
          commandId: f.error.commandId,
          firstRecorded: {
            stream: f.error.firstRecorded.stream,
            revision: f.error.firstRecorded.revision,
            position: f.error.firstRecorded.position.toString(),
          },
          message: f.error.message,
        },
      };
    case 'Conflict':
      return {
        status: 409,
        body: {
          kind: 'Conflict',
          stream: f.stream,
          attempts: f.attempts,
          message: f.error.message,
        },
      };
    case 'CorruptHistory':
      return {
        status: 500,
        body: {
          kind: 'CorruptHistory',
          stream: f.error.stream,
          revision: f.error.revision,
          message: f.error.message,
        },
      };
    case 'StoreFailure':
      return { status: 503, body: { kind: 'StoreFailure', message: f.error.message } };
  }
};

const entrySummary = (e: TimelineEntry) => ({
  revision: e.revision,
  type: e.type,
  occurredAt: e.occurredAt,
  recordedAt: e.recordedAt,
  actor: e.actor,
  opened: e.opened,
  settled: e.settled,
});

/**
 * The council's HSB API on `node:http`:
 *
 * - `POST /commands`: one wire command (JSON) → 200 with the recorded events, 422 with the
 *   typed rejection (rule id) or the invalid fields, 400 for a body that is not JSON;
 * - `GET /cases/:id/timeline[?asOf=]`: the case's events by phase with the deadlines each opened or settled;
 * - `GET /cases/:id/deadlines[?asOf=]`: the case's deadlines with their status at `asOf`
 *   (default now), as the council knew them then.
 */
export const createApp = (options: AppOptions): App => {
  if ((options.store === undefined) === (options.storeUrl === undefined))
    throw new TypeError('createApp: give exactly one of store and storeUrl');
  const ownsStore = options.store === undefined;
  const store = options.store ?? openStoreUrl(options.storeUrl ?? '');
  const di = compose({
    store,
    clock: options.clock ?? systemClock,
    ...(options.policy === undefined ? {} : { policy: options.policy }),
    ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
  });
  const limit = options.maxBodyBytes ?? 1024 * 1024;

  const postCommand = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const text = await readBody(req, limit);
    let input: unknown;
    try {
      input = JSON.parse(text);
    } catch (e) {
      throw new HttpError(400, {
        error: 'MalformedJson',
        message: e instanceof Error ? e.message : 'the body is not JSON',
      });
    }
    const handler = di.resolve(Tokens.CommandHandler);
    const result = await handler.execute(di.resolve(Tokens.HsbModule), input);
    if (E.isLeft(result)) {
      const f = failure(result.left);
      return send(res, f.status, f.body);
    }
    const ok = result.right;
    send(res, 200, {
      stream: ok.stream,
      revision: ok.revision,
      alreadyHandled: ok.alreadyHandled,
      events: ok.events.map(eventSummary),
    });
  };

  const asOfParam = (url: URL): string | undefined => {
    const asOf = url.searchParams.get('asOf');
    if (asOf === null) return undefined;
    if (!IsoInstant.is(asOf))
      throw new HttpError(400, {
        error: 'BadQuery',
        message: 'asOf must be an ISO-8601 instant with offset, e.g. 2026-06-10T12:00:00Z',
      });
    return asOf;
  };

  const requireCase = async (stream: string): Promise<void> => {
    if ((await store.streamRevision(stream)) === undefined)
      throw new HttpError(404, { error: 'NotFound', message: `no case stream ${stream}` });
  };

  const getTimeline = async (caseId: string, url: URL, res: ServerResponse): Promise<void> => {
    const stream = hsbCaseStream(caseId);
    await requireCase(stream);
    const asOf = asOfParam(url);
    const timeline = await caseTimeline(
      store,
      di.resolve(Tokens.Decoder),
      di.resolve(Tokens.HsbModule),
      stream,
      asOf,
    );
    const [unreadable] = timeline.unreadable;
    if (unreadable !== undefined)
      throw new HttpError(500, {
        error: 'CorruptHistory',
        message: `${unreadable.stream}@${unreadable.revision}: ${unreadable.why}`,
      });
    const t = timeline;
    const order = [...t.phaseOrder, ...Object.keys(t.phases)];
    const phases: Record<string, unknown[]> = {};
    for (const phase of order) {
      const entries = t.phases[phase];
      if (entries !== undefined && phases[phase] === undefined)
        phases[phase] = entries.map(entrySummary);
    }
    send(res, 200, {
      stream,
      ...(asOf === undefined ? {} : { asOf }),
      phases,
      deadlines: t.deadlines,
    });
  };

  const getDeadlines = async (caseId: string, url: URL, res: ServerResponse): Promise<void> => {
    const stream = hsbCaseStream(caseId);
    await requireCase(stream);
    const asOf = asOfParam(url) ?? di.resolve(Tokens.Clock)();
    const decode = di.resolve(Tokens.Decoder);
    const module = di.resolve(Tokens.HsbModule);
    // What the council had recorded by asOf, folded with the case's own decider.
    const known: DecodedEvent[] = [];
    const keep = recordedBy(asOf);
    for await (const recorded of store.readStream(stream)) {
      if (!keep(recorded)) continue;
      const decoded = decode(recorded);
      if (E.isLeft(decoded))
        throw new HttpError(500, { error: 'CorruptHistory', message: decoded.left.message });
      known.push(decoded.right);
    }
    const report = deadlineReport(foldProjection(deadlineTracker([module]), known), [module], asOf);
    send(res, 200, {
      stream,
      asOf,
      deadlines: report.deadlines.map((t) => ({
        ruleId: t.deadline.ruleId,
        label: t.deadline.label,
        due: t.deadline.due,
        status: t.status,
        ...(t.hoursLate === undefined ? {} : { hoursLate: t.hoursLate }),
        explanation: t.deadline.explanation,
        trigger: t.deadline.trigger,
      })),
      byRule: report.byRule,
    });
  };

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (url.pathname === '/commands') {
      if (method !== 'POST') throw new HttpError(405, { error: 'MethodNotAllowed', allow: 'POST' });
      return postCommand(req, res);
    }
    const m = /^\/cases\/([^/]+)\/(timeline|deadlines)$/.exec(url.pathname);
    if (m !== null) {
      if (method !== 'GET') throw new HttpError(405, { error: 'MethodNotAllowed', allow: 'GET' });
      let caseId: string;
      try {
        caseId = decodeURIComponent(m[1] ?? '');
      } catch {
        throw new HttpError(400, { error: 'BadPath', message: 'the case id is not URL-encoded' });
      }
      return m[2] === 'timeline' ? getTimeline(caseId, url, res) : getDeadlines(caseId, url, res);
    }
    throw new HttpError(404, { error: 'NotFound', message: `no route ${method} ${url.pathname}` });
  };

  const server = createServer((req, res) => {
    route(req, res).catch((e: unknown) => {
      if (e instanceof HttpError) return send(res, e.status, e.body);
      send(res, 500, {
        error: 'InternalError',
        message: e instanceof Error ? e.message : String(e),
      });
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
      if (ownsStore) await store.dispose();
    },
  };
};
