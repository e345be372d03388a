import { InvalidAppendError } from '@aimline/kernel';
import { ANY, NO_STREAM, STREAM_EXISTS } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import {
  checkExpectedRevision,
  exactExpectedRevision,
  toClientExpectedRevision,
} from '../src/expected-revision.js';

describe('expected revision mapping (one version rule: the first event is revision 0)', () => {
  it('maps the sentinels to the client constants', () => {
    expect(toClientExpectedRevision('no-stream', 's')).toBe(NO_STREAM);
    expect(toClientExpectedRevision('exists', 's')).toBe(STREAM_EXISTS);
    expect(toClientExpectedRevision('any', 's')).toBe(ANY);
  });

  it('passes numbers through unchanged, as bigints', () => {
    expect(toClientExpectedRevision(0, 's')).toBe(0n);
    expect(toClientExpectedRevision(41, 's')).toBe(41n);
    expect(toClientExpectedRevision(Number.MAX_SAFE_INTEGER, 's')).toBe(
      BigInt(Number.MAX_SAFE_INTEGER),
    );
  });

  it('refuses revisions that are negative, fractional or beyond Number.MAX_SAFE_INTEGER', () => {
    for (const bad of [
      -1,
      1.5,
      Number.MAX_SAFE_INTEGER + 1,
      Number.NaN,
      Number.POSITIVE_INFINITY,
    ]) {
      expect(() => toClientExpectedRevision(bad, 's')).toThrow(InvalidAppendError);
      expect(() => checkExpectedRevision(bad, 's')).toThrow(InvalidAppendError);
    }
    expect(() => checkExpectedRevision('any', 's')).not.toThrow();
  });

  it('appends with the exact revision read: no-stream for a missing stream, else the last revision', () => {
    expect(exactExpectedRevision(undefined, 's')).toBe(NO_STREAM);
    expect(exactExpectedRevision(0, 's')).toBe(0n);
    expect(exactExpectedRevision(7, 's')).toBe(7n);
  });
});
