import {
  AccessDeniedError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedRevisionError,
  InvalidAppendError,
} from '@aimline/kernel';
import * as client from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { mapClientError } from '../src/error-mapping.js';

/** A gRPC ServiceError as grpc-js builds it: a status code, details and metadata. */
const serviceError = (code: number, metadata: Record<string, string>) =>
  Object.assign(new Error(`${code} status`), {
    code,
    details: `status ${code}`,
    metadata: { getMap: () => metadata },
  }) as unknown as ConstructorParameters<typeof client.NotLeaderError>[0];

const ctx = { operation: 'append to s-1', stream: 's-1' };

describe("mapping the client's errors to the port's typed errors", () => {
  it('WrongExpectedVersionError with a current revision → WrongExpectedRevisionError with that revision', () => {
    const e = new client.WrongExpectedVersionError(undefined, {
      streamName: 's-1',
      expected: 0n,
      current: 3n,
    });
    const mapped = mapClientError(e, { ...ctx, expected: 0 });
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ stream: 's-1', expected: 0, actual: 3, retryable: true });
  });

  it("WrongExpectedVersionError whose current revision is the string 'no_stream' → actual undefined", () => {
    const e = new client.WrongExpectedVersionError(undefined, {
      streamName: 's-1',
      expected: client.STREAM_EXISTS,
      current: client.NO_STREAM,
    });
    expect(mapClientError(e, { operation: 'append' })).toMatchObject({
      kind: 'WrongExpectedRevision',
      stream: 's-1',
      expected: 'exists',
      actual: undefined,
    });
  });

  it('WrongExpectedVersionError built from a server error without actual-version → no stream', () => {
    const e = new client.WrongExpectedVersionError(
      serviceError(9, { 'stream-name': 's-2', 'expected-version': '4' }),
    );
    expect(e.actualVersion).toBe('no_stream');
    expect(mapClientError(e, { operation: 'append' })).toMatchObject({
      kind: 'WrongExpectedRevision',
      stream: 's-2',
      expected: 4,
      actual: undefined,
    });
  });

  it('StreamNotFoundError and NoStreamError → StreamNotFoundError', () => {
    expect(
      mapClientError(new client.StreamNotFoundError(undefined, 's-9'), { operation: 'read' }),
    ).toMatchObject({ kind: 'StreamNotFound', stream: 's-9' });
    expect(mapClientError(new client.NoStreamError(), ctx)).toBeInstanceOf(StreamNotFoundError);
  });

  it('StreamDeletedError → StreamDeletedError', () => {
    const mapped = mapClientError(client.StreamDeletedError.fromStreamName('gone-1'), {
      operation: 'read',
    });
    expect(mapped).toBeInstanceOf(StreamDeletedError);
    expect(mapped).toMatchObject({ stream: 'gone-1', retryable: false });
  });

  it('AccessDeniedError → AccessDeniedError naming the operation, with the cause kept', () => {
    const e = new client.AccessDeniedError(serviceError(7, { exception: 'access-denied' }));
    const mapped = mapClientError(e, ctx);
    expect(mapped).toBeInstanceOf(AccessDeniedError);
    expect(mapped).toMatchObject({ operation: 'append to s-1', cause: e });
  });

  it('NotLeaderError → NotLeaderError naming the leader, retryable', () => {
    const e = new client.NotLeaderError(
      serviceError(5, { 'leader-endpoint-host': 'node2.internal', 'leader-endpoint-port': '2113' }),
    );
    const mapped = mapClientError(e, ctx);
    expect(mapped).toBeInstanceOf(NotLeaderError);
    expect(mapped).toMatchObject({ leader: 'node2.internal:2113', retryable: true });
  });

  it('UnavailableError, DeadlineExceededError and TimeoutError → UnavailableError, retryable', () => {
    for (const e of [
      new client.UnavailableError(serviceError(14, {})),
      new client.DeadlineExceededError(serviceError(4, {})),
      new client.TimeoutError(serviceError(10, {})),
    ]) {
      const mapped = mapClientError(e, ctx);
      expect(mapped).toBeInstanceOf(UnavailableError);
      expect(mapped).toMatchObject({ retryable: true });
    }
  });

  it('a raw gRPC error with code 14 (what an unreachable server gives) → UnavailableError', () => {
    const raw = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
      code: 14,
      details: 'No connection established',
    });
    const mapped = mapClientError(raw, ctx);
    expect(mapped).toBeInstanceOf(UnavailableError);
    expect(mapped.message).toContain('No connection established');
  });

  it('INTERNAL (13) from a call the stopping server reset (RST_STREAM) → UnavailableError; any other INTERNAL stays as it is', () => {
    // What a live subscription receives when its server stops (seen on a real server).
    const details = 'Received RST_STREAM with code 0 (Call ended without gRPC status)';
    const reset = new client.UnknownError(
      Object.assign(new Error(`13 INTERNAL: ${details}`), {
        code: 13,
        details,
        metadata: { getMap: () => ({}) },
      }) as unknown as ConstructorParameters<typeof client.UnknownError>[0],
    );
    const mapped = mapClientError(reset, { operation: 'subscribe to $all' });
    expect(mapped).toBeInstanceOf(UnavailableError);
    expect(mapped.message).toContain('RST_STREAM');
    const other = new client.UnknownError(serviceError(13, {}));
    expect(mapClientError(other, ctx)).toBe(other);
  });

  it('raw UNAUTHENTICATED (16) and PERMISSION_DENIED (7) → AccessDeniedError', () => {
    for (const code of [16, 7])
      expect(mapClientError(Object.assign(new Error('denied'), { code }), ctx)).toBeInstanceOf(
        AccessDeniedError,
      );
  });

  it('leaves port errors alone and returns anything unknown unchanged', () => {
    const port = new InvalidAppendError('s', 'bad');
    expect(mapClientError(port, ctx)).toBe(port);
    const unknown = new client.UnknownError(serviceError(2, {}));
    expect(mapClientError(unknown, ctx)).toBe(unknown);
    const plain = new Error('something else');
    expect(mapClientError(plain, ctx)).toBe(plain);
    expect(mapClientError('text', ctx)).toBeInstanceOf(Error);
  });
});
