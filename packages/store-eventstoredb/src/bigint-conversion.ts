import { CorruptStoreError, InvalidAppendError } from '@aimline/kernel';

/** EventStoreDB's "no position" marker: the largest unsigned 64-bit value. */
export const NO_POSITION = 2n ** 64n - 1n;

/**
 * A stream revision from the client (a bigint) as the port's number. Revisions beyond
 * `Number.MAX_SAFE_INTEGER` cannot be represented without loss, so they are refused.
 */
export const revisionFromClient = (revision: bigint, location: string): number => {
  if (revision < 0n || revision > BigInt(Number.MAX_SAFE_INTEGER))
    throw new CorruptStoreError(
      location,
      `revision ${revision} is outside 0..Number.MAX_SAFE_INTEGER`,
    );
  return Number(revision);
};

/** A port revision (a number) as the client's bigint; refuses anything but a safe integer ≥ 0. */
export const revisionToClient = (revision: number, stream: string): bigint => {
  if (!Number.isSafeInteger(revision) || revision < 0)
    throw new InvalidAppendError(
      stream,
      `expected revision ${revision} is not an integer in 0..Number.MAX_SAFE_INTEGER`,
    );
  return BigInt(revision);
};

/** A commit position, or undefined for the "no position" marker and absent values. */
export const commitPositionOf = (commit: bigint | undefined): bigint | undefined =>
  commit === undefined || commit < 0n || commit >= NO_POSITION ? undefined : commit;

/** A checkpoint position written as decimal text (JSON has no bigint), read back exactly. */
export const positionToText = (position: bigint): string => position.toString(10);

export const positionFromText = (text: unknown, location: string): bigint => {
  if (typeof text !== 'string' || !/^(0|[1-9][0-9]*)$/.test(text))
    throw new CorruptStoreError(
      location,
      `checkpoint position ${JSON.stringify(text)} is not a decimal integer`,
    );
  return BigInt(text);
};
