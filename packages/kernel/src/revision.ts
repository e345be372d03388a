/**
 * The expected revision of a stream when appending.
 * - `'no-stream'`: the stream must not exist yet;
 * - `'exists'`: the stream must have at least one event;
 * - `'any'`: no check;
 * - a number n: the revision of the stream's last event must be n (first event = 0).
 */
export type ExpectedRevision = 'no-stream' | 'exists' | 'any' | number;

export const describeExpected = (expected: ExpectedRevision): string =>
  typeof expected === 'number' ? `revision ${expected}` : expected;

/** Whether a stream whose last revision is `current` (undefined: no stream) meets `expected`. */
export const meetsExpected = (expected: ExpectedRevision, current: number | undefined): boolean => {
  switch (expected) {
    case 'any':
      return true;
    case 'no-stream':
      return current === undefined;
    case 'exists':
      return current !== undefined;
    default:
      return current === expected;
  }
};

/**
 * The revision of a stream's last event once `appended` more events follow its last at
 * `revision` (undefined: no stream). The first event of a stream is revision 0.
 */
export const revisionAfter = (
  revision: number | undefined,
  appended: number,
): number | undefined =>
  appended === 0 ? revision : revision === undefined ? appended - 1 : revision + appended;
