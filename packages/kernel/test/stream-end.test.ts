import { describe, expect, it } from 'vitest';
import { missingStreamTail } from '../src/index.js';

describe('missingStreamTail: events deleted from a stream end, against where the store recorded it', () => {
  it('given no recorded end, or a last stored event at or after it, then nothing is missing', () => {
    expect(missingStreamTail(undefined, undefined)).toBeUndefined();
    expect(missingStreamTail(undefined, { revision: 1, position: 4n })).toBeUndefined();
    expect(missingStreamTail(4n, { revision: 1, position: 4n })).toBeUndefined();
    expect(missingStreamTail(4n, { revision: 2, position: 7n })).toBeUndefined();
  });

  it('given a last stored event before the recorded end, then the events from its next revision are missing', () => {
    expect(missingStreamTail(9n, { revision: 1, position: 5n })).toEqual({
      firstMissingRevision: 2,
      recordedEnd: 9n,
      why: 'events are missing from the end of the stream: the store recorded an event of it at position 9, and its stored events end at revision 1 (position 5)',
    });
  });

  it('given a recorded end and no stored event, then every event from revision 0 is missing', () => {
    expect(missingStreamTail(6n, undefined)).toEqual({
      firstMissingRevision: 0,
      recordedEnd: 6n,
      why: 'events are missing from the end of the stream: the store recorded an event of it at position 6, and the stream has no stored events',
    });
  });
});
