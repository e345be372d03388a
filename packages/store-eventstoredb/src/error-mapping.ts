import {
  AccessDeniedError,
  isStoreError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedRevisionError,
  type ExpectedRevision,
} from '@aimline/kernel';
import { ErrorType } from '@eventstore/db-client';

/** What the adapter was doing when the client failed: named in the typed error. */
export interface ErrorContext {
  readonly operation: string;
  readonly stream?: string;
  /** The caller's expected revision, reported in a `WrongExpectedRevisionError`. */
  readonly expected?: ExpectedRevision;
}

/** gRPC status codes the client lets through raw (e.g. an unreachable server gives 14). */
const GRPC_CANCELLED = 1;
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_PERMISSION_DENIED = 7;
const GRPC_INTERNAL = 13;
const GRPC_UNAVAILABLE = 14;
const GRPC_UNAUTHENTICATED = 16;

interface ClientErrorShape {
  readonly type?: unknown;
  readonly code?: unknown;
  readonly streamName?: unknown;
  readonly expectedVersion?: unknown;
  readonly actualVersion?: unknown;
  readonly leader?: { readonly address?: unknown; readonly port?: unknown };
  readonly message?: unknown;
  readonly details?: unknown;
}

/**
 * Maps what `@eventstore/db-client` throws to the port's typed errors: its command errors
 * (recognised by their `type`, so a second copy of the client package maps too) and raw
 * gRPC service errors (recognised by their numeric `code`). Anything else is returned as an
 * `Error` unchanged, so no failure is hidden behind a wrong type.
 */
export const mapClientError = (error: unknown, context: ErrorContext): Error => {
  if (isStoreError(error)) return error;
  if (typeof error !== 'object' || error === null) return new Error(String(error));
  const e = error as ClientErrorShape;
  const stream = context.stream ?? (typeof e.streamName === 'string' ? e.streamName : '');
  switch (e.type) {
    case ErrorType.WRONG_EXPECTED_VERSION:
      return new WrongExpectedRevisionError(
        stream,
        context.expected ?? expectedFromClient(e.expectedVersion),
        actualFromClient(e.actualVersion),
      );
    case ErrorType.STREAM_NOT_FOUND:
    case ErrorType.NO_STREAM:
      return new StreamNotFoundError(stream);
    case ErrorType.STREAM_DELETED:
      return new StreamDeletedError(stream);
    case ErrorType.ACCESS_DENIED:
      return new AccessDeniedError(context.operation, error);
    case ErrorType.NOT_LEADER:
      return new NotLeaderError(leaderOf(e), error);
    case ErrorType.UNAVAILABLE:
    case ErrorType.CANCELLED:
    case ErrorType.DEADLINE_EXCEEDED:
    case ErrorType.TIMEOUT:
      return new UnavailableError(`${context.operation}: ${describe(e)}`, error);
    case ErrorType.UNKNOWN:
      // Batch appends report a server that is electing a leader (or not the leader) as an
      // error detail the client does not know: "Could not recognize Server Is Not Ready".
      if (isNotReady(describe(e)))
        return new UnavailableError(`${context.operation}: ${describe(e)}`, error);
  }
  switch (e.code) {
    // The client cancels every in-flight append of every client in the process when one of
    // its append streams fails or is disposed (6.2.1 keeps one table of pending appends for
    // all clients): the outcome is in doubt, as for an unavailable server.
    case GRPC_CANCELLED:
    case GRPC_UNAVAILABLE:
    case GRPC_DEADLINE_EXCEEDED:
      return new UnavailableError(`${context.operation}: ${describe(e)}`, error);
    case GRPC_PERMISSION_DENIED:
    case GRPC_UNAUTHENTICATED:
      return new AccessDeniedError(context.operation, error);
    case GRPC_INTERNAL:
      // A server stopping (or killed) resets the HTTP/2 streams it was serving: the call ends
      // with "Received RST_STREAM … (Call ended without gRPC status)". The connection broke;
      // nothing is known about the server's state, so it is retryable like an unavailable server.
      if (isBrokenCall(describe(e)))
        return new UnavailableError(`${context.operation}: ${describe(e)}`, error);
  }
  return error instanceof Error ? error : new Error(describe(e));
};

const isNotReady = (detail: string): boolean =>
  /Server Is Not Ready|Leader info available|not (the )?leader/i.test(detail);

const isBrokenCall = (detail: string): boolean =>
  /RST_STREAM|Call ended without gRPC status|Connection dropped/i.test(detail);

/** The client's current revision: a bigint, or the string `no_stream` (or nothing) for no stream. */
const actualFromClient = (actual: unknown): number | undefined =>
  typeof actual === 'bigint' && actual >= 0n && actual <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(actual)
    : undefined;

const expectedFromClient = (expected: unknown): ExpectedRevision => {
  if (typeof expected === 'bigint' && expected >= 0n && expected <= BigInt(Number.MAX_SAFE_INTEGER))
    return Number(expected);
  if (expected === 'no_stream') return 'no-stream';
  if (expected === 'stream_exists') return 'exists';
  return 'any';
};

const leaderOf = (e: ClientErrorShape): string | undefined => {
  const address = e.leader?.address;
  const port = e.leader?.port;
  if (typeof address !== 'string' || address.length === 0) return undefined;
  return typeof port === 'number' ? `${address}:${port}` : address;
};

const describe = (e: ClientErrorShape): string => {
  if (typeof e.details === 'string' && e.details.length > 0) return e.details;
  if (typeof e.message === 'string' && e.message.length > 0) return e.message;
  return typeof e.code === 'number' ? `gRPC status ${e.code}` : 'unknown client error';
};
