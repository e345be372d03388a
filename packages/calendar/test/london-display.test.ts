/**
 * London local, human time for people: what a social worker in England reads instead of a
 * UTC instant (issue 15).
 */
import { describe, expect, it } from 'vitest';
import { humanDuration, londonDay, londonTime } from '../src/index.js';

describe('londonTime', () => {
  it('shows the last millisecond of a London day as "end of" that day', () => {
    expect(londonTime('2025-03-21T23:59:59.999Z')).toBe('end of Fri 21 Mar 2025');
    // In summer the London day ends at 22:59:59.999 UTC.
    expect(londonTime('2025-07-04T22:59:59.999Z')).toBe('end of Fri 4 Jul 2025');
  });

  it('shows any other instant as London wall-clock time with GMT or BST', () => {
    expect(londonTime('2024-03-05T14:30:00Z')).toBe('14:30 GMT Tue 5 Mar 2024');
    expect(londonTime('2025-07-04T08:15:00Z')).toBe('09:15 BST Fri 4 Jul 2025');
    expect(londonTime('2025-07-04T10:15:00+02:00')).toBe('09:15 BST Fri 4 Jul 2025');
  });
});

describe('londonDay', () => {
  it('names the London day of a plain date or an instant', () => {
    expect(londonDay('2025-03-21')).toBe('Fri 21 Mar 2025');
    expect(londonDay('2025-07-04T23:30:00Z')).toBe('Sat 5 Jul 2025');
  });
});

describe('humanDuration', () => {
  it('gives the two largest units, rounded down', () => {
    expect(humanDuration(2 * 86_400_000 + 3 * 3_600_000 + 59_000)).toBe('2 days 3 hours');
    expect(humanDuration(3_600_000 + 5 * 60_000)).toBe('1 hour 5 minutes');
    expect(humanDuration(86_400_000 + 60_000)).toBe('1 day');
    expect(humanDuration(30_000)).toBe('less than a minute');
    expect(humanDuration(-90 * 60_000)).toBe('1 hour 30 minutes');
  });
});
