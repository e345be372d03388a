/**
 * The io-ts codecs of what the HTTP API sends and receives around the domains' own codecs:
 * a command request, an accepted command, a problem (RFC 9457), an events page. The OpenAPI
 * document is generated from these and the catalogues' codecs, like everything else.
 */
import * as t from 'io-ts';
import { IsoInstant, type FieldProblem } from '@aimline/kernel';

export const Uuid = t.refinement(
  t.string,
  (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  'Uuid',
);

/**
 * A command request: the body of `POST /v1/{process}/commands/{type}`. The type is in the
 * path and the actor is the authenticated principal, never the body.
 */
export const commandRequest = (data: t.Mixed): t.Mixed =>
  t.intersection([
    t.strict({ commandId: Uuid, at: IsoInstant, data }),
    t.exact(t.partial({ correlationId: t.string, causationId: t.string })),
  ]);

/** The fields a command request may carry (anything else is refused, naming the field). */
export const COMMAND_REQUEST_FIELDS: ReadonlyArray<string> = [
  'commandId',
  'at',
  'data',
  'correlationId',
  'causationId',
];

/** One event as the API returns it: its type and its data (the event codec's encoding). */
export const eventBody = (type: string, data: t.Mixed): t.Mixed =>
  t.strict({ type: t.literal(type), data });

/** The answer to an accepted command: where the events went and what they were. */
export const commandAccepted = (event: t.Mixed): t.Mixed =>
  t.intersection([
    t.strict({
      stream: t.string,
      /** True when the same command id had already been handled (nothing new was appended). */
      alreadyHandled: t.boolean,
      events: t.array(event),
    }),
    /** The stream's revision after the command (absent when nothing was ever appended to it). */
    t.exact(t.partial({ revision: t.number })),
  ]);

export const FieldProblemCodec = t.strict({ path: t.string, message: t.string });

/**
 * A problem (RFC 9457 `application/problem+json`): `type` is a stable URN naming the kind
 * (`urn:aimline:problem:invalid`, …); the extensions say which field or rule.
 */
export const ProblemCodec = t.intersection([
  t.strict({ type: t.string, title: t.string, status: t.number, detail: t.string }),
  t.exact(
    t.partial({
      problems: t.array(FieldProblemCodec),
      ruleId: t.string,
      field: t.string,
      stream: t.string,
      retryable: t.boolean,
    }),
  ),
]);

export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly problems?: ReadonlyArray<FieldProblem>;
  readonly ruleId?: string;
  readonly field?: string;
  readonly stream?: string;
  readonly retryable?: boolean;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
