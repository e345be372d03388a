/**
 * Every route of the API as data: method, path, parameters and the io-ts codecs of its
 * request and responses. The server registers exactly these routes and the OpenAPI document
 * is generated from exactly these, so the document cannot drift from what is served.
 */
import * as t from 'io-ts';
import { DeadlineCodec } from '@aimline/calendar';
import { Actor, IsoInstant, type AnyDomainModule } from '@aimline/kernel';
import { SUPPLIED_REFERRAL_FACTS, type AnyProcessService } from '@aimline/aimline';
import { commandAccepted, commandRequest, eventBody, ProblemCodec } from '../schema/wire-codecs.js';

/** One process of the API (`hsb`, `meetings`, `panel`, `attendance`) and its streams. */
export interface ProcessResources {
  readonly process: string;
  /** Each service of the process and the path segment of its streams (`cases`, `sittings`). */
  readonly resources: ReadonlyArray<{ readonly service: AnyProcessService; readonly path: string }>;
}

export interface Parameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly description: string;
  readonly codec: t.Mixed;
}

export interface RouteResponse {
  readonly description: string;
  readonly codec: t.Mixed;
}

/** The reads every process serves over its streams. */
export type ReadKind = 'state' | 'events' | 'timeline' | 'list';

export type RouteKind =
  | { readonly kind: 'command'; readonly service: AnyProcessService; readonly type: string }
  | { readonly kind: ReadKind; readonly service: AnyProcessService }
  | { readonly kind: 'openapi' };

export interface RouteSpec {
  readonly operationId: string;
  readonly method: 'GET' | 'POST';
  /** OpenAPI path template, e.g. `/v1/hsb/cases/{id}`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly parameters: ReadonlyArray<Parameter>;
  readonly body?: t.Mixed;
  /** Fields of `data` the service fills in from the store when omitted (optional on the wire). */
  readonly suppliedData?: ReadonlyArray<string>;
  /** Success responses by status; the problem responses are added for every secured route. */
  readonly responses: Readonly<Record<number, RouteResponse>>;
  /** Whether the route needs a bearer token (all but the OpenAPI document). */
  readonly secured: boolean;
  readonly route: RouteKind;
}

/** The problem statuses a secured route may answer, and when. */
export const PROBLEM_RESPONSES: Readonly<Record<number, string>> = {
  400: 'Invalid request: every problem names its field path',
  401: 'No valid bearer token',
  403: 'The principal may not do this (FORBIDDEN), or is not in the council directory',
  404: 'No such stream',
  409: "Rejected by a rule (its rule id and field) or a conflict with the stream's revision",
  413: 'Request body larger than the limit',
  503: 'The store or the identity provider is unavailable; retry later',
};

/** What an id in a path must be, as a refusal says it. */
export const STREAM_ID_EXPECTED =
  'expected 1 to 128 letters, digits, ".", "_" or "-", starting with a letter or digit';

/** The id in a read's path: letters, digits, `.`, `_`, `-` (it becomes part of a stream name). */
export const StreamIdCodec = t.refinement(
  t.string,
  (s) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(s),
  'StreamId',
);
const idParameter: Parameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: 'the id the stream is named by (stream = prefix + id)',
  codec: StreamIdCodec,
};
const asOfParameter: Parameter = {
  name: 'asOf',
  in: 'query',
  required: false,
  description: 'judge as of this instant (default: now); only events recorded by then count',
  codec: IsoInstant,
};

/** At most this many streams in one list answer. */
export const MAX_LIST_LIMIT = 1000;
const Limit = t.refinement(
  t.number,
  (n) => Number.isInteger(n) && n >= 1 && n <= MAX_LIST_LIMIT,
  'ListLimit',
);
const limitParameter: Parameter = {
  name: 'limit',
  in: 'query',
  required: false,
  description: `at most this many, in the order the streams began (1-${MAX_LIST_LIMIT}, default 100)`,
  codec: Limit,
};

const camel = (s: string): string => s.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Where and when an event was recorded and by whom (`EventFacts` of `@aimline/aimline`). */
export const EventFactsCodec = t.strict({
  id: t.string,
  stream: t.string,
  revision: t.number,
  position: t.string,
  schemaVersion: t.number,
  occurredAt: IsoInstant,
  recordedAt: IsoInstant,
  actor: t.strict(Actor.props),
  commandId: t.string,
  correlationId: t.string,
  causationId: t.string,
});

/** Any event of a module, as the API returns it: its type, its data and its facts. */
export const moduleEvent = (module: AnyDomainModule): t.Mixed => {
  const bodies: t.Mixed[] = module.events.types.map((type) =>
    t.intersection([eventBody(type, module.events.definition(type)!.codec), EventFactsCodec]),
  );
  return bodies.length === 1 ? bodies[0]! : t.union(bodies as [t.Mixed, t.Mixed, ...t.Mixed[]]);
};

/** A deadline as it stands at `asOf` (`DeadlineView` of `@aimline/aimline`). */
export const DeadlineViewCodec = t.intersection([
  t.strict({
    ruleId: t.string,
    label: t.string,
    state: t.keyof({
      open: null,
      'due-soon': null,
      overdue: null,
      met: null,
      'met-late': null,
      waived: null,
      'waived-late': null,
    }),
    due: IsoInstant,
    dueLocal: t.string,
    explanation: t.string,
    deadline: DeadlineCodec,
  }),
  t.exact(t.partial({ settledAt: IsoInstant, late: t.string })),
]);

/** A stream's state with its deadlines as they stand at `asOf` (`CaseView`). */
export const CaseViewCodec = t.strict({
  id: t.string,
  stream: t.string,
  revision: t.number,
  asOf: IsoInstant,
  /** The module's folded state (its shape is the module's state type). */
  state: t.UnknownRecord,
  deadlines: t.array(DeadlineViewCodec),
});

export const streamEvents = (module: AnyDomainModule): t.Mixed => t.array(moduleEvent(module));

/** One stream in a list (`ListEntry`): its id, how far it has got and its state now. */
export const ListEntryCodec = t.strict({
  id: t.string,
  stream: t.string,
  revision: t.number,
  lastEventType: t.string,
  lastRecordedAt: IsoInstant,
  state: t.UnknownRecord,
});

/** A stream's timeline (`CaseTimeline` of `@aimline/projections`): events by phase, deadlines. */
export const TimelineCodec = t.strict({
  stream: t.string,
  phaseOrder: t.array(t.string),
  entries: t.array(t.UnknownRecord),
  phases: t.record(t.string, t.array(t.UnknownRecord)),
  deadlines: t.array(DeadlineCodec),
  unreadable: t.array(t.UnknownRecord),
});

const commandRoutes = (process: string, service: AnyProcessService): RouteSpec[] => {
  const module = service.module as AnyDomainModule;
  const accepted = commandAccepted(moduleEvent(module));
  return module.commands.types.map((type) => ({
    operationId: `${camel(process)}${type}`,
    method: 'POST',
    path: `/v1/${process}/commands/${type}`,
    tag: process,
    summary: `${type} (${module.name})`,
    parameters: [],
    body: commandRequest(module.commands.codec(type)!),
    ...(module.name === 'panel-referral' && type in SUPPLIED_REFERRAL_FACTS
      ? { suppliedData: SUPPLIED_REFERRAL_FACTS[type as keyof typeof SUPPLIED_REFERRAL_FACTS] }
      : {}),
    responses: {
      201: { description: 'Accepted: the events appended', codec: accepted },
      200: {
        description: 'Already handled: this command id was accepted before; nothing new appended',
        codec: accepted,
      },
    },
    secured: true,
    route: { kind: 'command', service, type },
  }));
};

const readRoutes = (process: string, service: AnyProcessService, path: string): RouteSpec[] => {
  const module = service.module as AnyDomainModule;
  const noun = camel(`${process}-${path}`);
  const Noun = `${noun[0]!.toUpperCase()}${noun.slice(1)}`;
  /** One read of the process's streams: GET `/v1/{process}/{path}{below}`. */
  const read = (
    operationId: string,
    below: string,
    kind: ReadKind,
    summary: string,
    ok: RouteResponse,
    parameters: ReadonlyArray<Parameter> = [idParameter, asOfParameter],
  ): RouteSpec => ({
    operationId,
    method: 'GET',
    path: `/v1/${process}/${path}${below}`,
    tag: process,
    summary,
    parameters,
    responses: { 200: ok },
    secured: true,
    route: { kind, service },
  });
  return [
    read(
      `get${Noun}`,
      '/{id}',
      'state',
      `A ${module.name} stream's state and deadlines as of an instant`,
      { description: 'The state and its deadlines', codec: CaseViewCodec },
    ),
    read(
      `list${Noun}Events`,
      '/{id}/events',
      'events',
      `A ${module.name} stream's events, decoded`,
      { description: 'The events in order', codec: streamEvents(module) },
    ),
    read(
      `get${Noun}Timeline`,
      '/{id}/timeline',
      'timeline',
      `A ${module.name} stream's timeline: its events by phase and their deadlines`,
      { description: 'The timeline', codec: TimelineCodec },
    ),
    read(
      `list${Noun}`,
      '',
      'list',
      `Every ${module.name} stream, from a projection kept current from the store`,
      { description: 'The streams', codec: t.array(ListEntryCodec) },
      [limitParameter],
    ),
  ];
};

export const OPENAPI_PATH = '/openapi.json';

/** Every route of the API for these processes. */
export const routeTable = (processes: ReadonlyArray<ProcessResources>): RouteSpec[] => [
  {
    operationId: 'getOpenApiDocument',
    method: 'GET',
    path: OPENAPI_PATH,
    tag: 'meta',
    summary: 'This OpenAPI 3.1 document',
    parameters: [],
    responses: { 200: { description: 'The document', codec: t.UnknownRecord } },
    secured: false,
    route: { kind: 'openapi' },
  },
  ...processes.flatMap((p) =>
    p.resources.flatMap((r) => [
      ...commandRoutes(p.process, r.service),
      ...readRoutes(p.process, r.service, r.path),
    ]),
  ),
];

export { ProblemCodec };
