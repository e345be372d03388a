/**
 * The typed results of `@aimline/aimline` as HTTP answers: a status and an RFC 9457 problem
 * that names the field or the rule, never a stack trace and never the request's data.
 */
import type { FieldProblem } from '@aimline/kernel';
import type { ExecuteResult, ReadResult } from '@aimline/aimline';
import type { Problem } from './schema/wire-codecs.js';

const urn = (kind: string): string => `urn:aimline:problem:${kind}`;

export const invalidProblem = (
  problems: ReadonlyArray<FieldProblem>,
  detail?: string,
): Problem => ({
  type: urn('invalid'),
  title: 'Invalid request',
  status: 400,
  detail: detail ?? problems.map((p) => `${p.path}: ${p.message}`).join('; '),
  problems,
});

export const unauthenticatedProblem = (reason: string): Problem => ({
  type: urn('unauthenticated'),
  title: 'Unauthenticated',
  status: 401,
  detail: reason,
});

export const forbiddenProblem = (detail: string): Problem => ({
  type: urn('forbidden'),
  title: 'Forbidden',
  status: 403,
  detail,
});

export const notFoundProblem = (detail: string, stream?: string): Problem => ({
  type: urn('not-found'),
  title: 'Not found',
  status: 404,
  detail,
  ...(stream === undefined ? {} : { stream }),
});

export const unavailableProblem = (detail: string, retryable = true): Problem => ({
  type: urn('unavailable'),
  title: 'Unavailable',
  status: 503,
  detail,
  retryable,
});

const PROTOCOL_KINDS: Readonly<Record<number, { kind: string; title: string }>> = {
  404: { kind: 'not-found', title: 'Not found' },
  413: { kind: 'too-large', title: 'Request too large' },
  415: { kind: 'unsupported-media-type', title: 'Unsupported media type' },
};

/** What is refused before a route runs (no such route, too large, not JSON, wrong media type). */
export const protocolProblem = (status: number, detail: string): Problem => {
  const { kind, title } = PROTOCOL_KINDS[status] ?? { kind: 'invalid', title: 'Bad request' };
  return { type: urn(kind), title, status, detail };
};

export const internalProblem = (incident: string): Problem => ({
  type: urn('internal'),
  title: 'Internal error',
  status: 500,
  detail: `unexpected error (incident ${incident}); nothing about it is in this answer`,
});

/** The council directory in force cannot be read: no request can be authorised until it is mended. */
export const directoryUnavailableProblem = (incident: string): Problem => ({
  type: urn('directory-unavailable'),
  title: 'Council directory unavailable',
  status: 503,
  detail: `the council directory in force cannot be read, so no request can be authorised; nothing was done. The operator's log says what to mend (incident ${incident})`,
  retryable: true,
});

/** Every refusal of `execute` as a problem (`Accepted` is answered by the route). */
export const refusalProblem = (r: Exclude<ExecuteResult, { kind: 'Accepted' }>): Problem => {
  switch (r.kind) {
    case 'Invalid':
      return invalidProblem(r.problems, r.message);
    case 'Rejected':
      return {
        type: urn('rejected'),
        title: `Rejected by ${r.ruleId}`,
        status: 409,
        detail: r.reason,
        ruleId: r.ruleId,
        ...(r.field === undefined ? {} : { field: r.field }),
      };
    case 'Forbidden':
      return forbiddenProblem(`${r.principal} may not ${r.command}: ${r.reason}`);
    case 'Conflict':
      return {
        type: urn(r.cause === 'revision' ? 'conflict' : 'idempotency-conflict'),
        title: r.cause === 'revision' ? 'Conflict' : 'Command id already used',
        status: 409,
        detail: r.reason,
        stream: r.stream,
        retryable: r.cause === 'revision',
      };
    case 'Unavailable':
      return unavailableProblem(
        r.cause === 'store' ? r.reason : `the stream's history cannot be read: ${r.reason}`,
        r.cause === 'store',
      );
  }
};

/** Every read answer but `Found` as a problem. */
export const readProblem = (r: Exclude<ReadResult<unknown>, { kind: 'Found' }>): Problem => {
  switch (r.kind) {
    case 'NotFound':
      return notFoundProblem(`no stream ${r.stream}`, r.stream);
    case 'Invalid':
      return invalidProblem([{ path: r.field, message: r.message }]);
    case 'Forbidden':
      return forbiddenProblem(`${r.principal} may not read: ${r.reason}`);
    case 'Unavailable':
      return unavailableProblem(r.reason, r.cause === 'store');
  }
};
