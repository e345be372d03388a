import { CorruptStoreError } from '@aimline/kernel';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  commitPositionOf,
  NO_POSITION,
  positionFromText,
  positionToText,
  revisionFromClient,
  revisionToClient,
} from '../src/bigint-conversion.js';

describe('bigint conversion without precision loss', () => {
  it('turns client revisions into numbers and refuses those beyond Number.MAX_SAFE_INTEGER', () => {
    expect(revisionFromClient(0n, 's@0')).toBe(0);
    expect(revisionFromClient(BigInt(Number.MAX_SAFE_INTEGER), 's@x')).toBe(
      Number.MAX_SAFE_INTEGER,
    );
    expect(() => revisionFromClient(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 's@x')).toThrow(
      CorruptStoreError,
    );
    expect(() => revisionFromClient(-1n, 's@x')).toThrow(CorruptStoreError);
  });

  test.prop([fc.bigInt({ min: 0n, max: 2n ** 64n - 2n })])(
    'keeps every commit position exactly, as text and back',
    (p) => {
      expect(commitPositionOf(p)).toBe(p);
      expect(positionFromText(positionToText(p), 'cp')).toBe(p);
    },
  );

  test.prop([fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })])(
    'round-trips every safe revision',
    (n) => {
      expect(revisionFromClient(revisionToClient(n, 's'), 's@n')).toBe(n);
    },
  );

  it('reads the "no position" marker and absent positions as undefined', () => {
    expect(commitPositionOf(NO_POSITION)).toBeUndefined();
    expect(commitPositionOf(undefined)).toBeUndefined();
    expect(commitPositionOf(-1n)).toBeUndefined();
    expect(commitPositionOf(2n ** 53n + 1n)).toBe(9007199254740993n);
  });

  it('refuses a checkpoint that is not a decimal integer', () => {
    for (const bad of ['', '1.5', '-3', '0x10', '007', 12, null])
      expect(() => positionFromText(bad, 'cp@0')).toThrow(CorruptStoreError);
  });
});
