import type { ExpectedRevision } from '@aimline/kernel';
import { ANY, NO_STREAM, STREAM_EXISTS, type AppendExpectedRevision } from '@eventstore/db-client';
import { revisionToClient } from './bigint-conversion.js';

/**
 * The port's expected revision as the client's. The numbers need no translation (both
 * count the first event of a stream as revision 0); only the sentinels differ.
 */
export const toClientExpectedRevision = (
  expected: ExpectedRevision,
  stream: string,
): AppendExpectedRevision => {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return revisionToClient(expected, stream);
  }
};

/**
 * The exact expected revision the adapter appends with, given the stream's last revision as
 * it read it (undefined: no stream). Appending with the exact revision keeps the hash chain
 * consistent: a writer that raced ahead makes the append fail instead of forking the chain.
 */
export const exactExpectedRevision = (
  lastRevision: number | undefined,
  stream: string,
): AppendExpectedRevision => toClientExpectedRevision(lastRevision ?? 'no-stream', stream);

/** Refuses an expected revision that is not a sentinel or a safe integer ≥ 0. */
export const checkExpectedRevision = (expected: ExpectedRevision, stream: string): void => {
  if (typeof expected === 'number') revisionToClient(expected, stream);
};
