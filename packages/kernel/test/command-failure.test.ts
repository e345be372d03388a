import { describe, expect, it } from 'vitest';
import {
  CorruptStoreError,
  describeCommandFailure,
  errorWithCauses,
  IdempotencyConflictError,
  reject,
  UnavailableError,
} from '../src/index.js';

describe('describing a failed command (issue 12 item 6: store failures name their cause)', () => {
  it('a store failure names its kind and every cause, never just "StoreFailure"', () => {
    const cause = Object.assign(new Error('SQLITE_FULL: database or disk is full'), {
      code: 'SQLITE_FULL',
    });
    const text = describeCommandFailure({
      kind: 'StoreFailure',
      error: new UnavailableError('append to hsb-case-1', cause),
    });
    expect(text).toBe(
      'store failure (Unavailable): Event store unavailable: append to hsb-case-1: caused by: SQLITE_FULL: database or disk is full',
    );
  });

  it('a cause already quoted in the message is not repeated', () => {
    const cause = new Error('row 7 is not JSON');
    expect(errorWithCauses(new CorruptStoreError('events.db', 'row 7 is not JSON', cause))).toBe(
      'Corrupt event store at events.db: row 7 is not JSON',
    );
  });

  it('a rejection names its rule and field', () => {
    expect(
      describeCommandFailure({
        kind: 'Rejected',
        rejection: reject('HSB-2', 'too late', 'data.at'),
      }),
    ).toBe('HSB-2: too late [data.at]');
  });

  it('a reused command id whose first event the store cannot find says its place is unknown, never a revision or position of -1', () => {
    const record = { commandId: 'c-1', fingerprint: 'f', stream: 'hsb-case-1' };
    const unknown = new IdempotencyConflictError(
      'c-1',
      { ...record, revision: undefined, position: undefined },
      'this command differs from it',
    );
    expect(unknown.message).toBe(
      'Command id c-1 was already used for another command, first recorded in stream "hsb-case-1" at an unknown revision (position unknown): this command differs from it',
    );
    const known = new IdempotencyConflictError(
      'c-1',
      { ...record, revision: 3, position: 9n },
      'this command differs from it',
    );
    expect(known.message).toContain('"hsb-case-1" at revision 3 (position 9)');
  });
});
