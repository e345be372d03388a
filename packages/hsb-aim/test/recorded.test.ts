import { describe, expect, it } from 'vitest';
import { allocate, report, route, run, s47, strategy } from './fixtures.js';
import {
  assessorsAllocated,
  concernReported,
  routeDecided,
  section47Decided,
  strategyDiscussionHeld,
} from './recorded.js';

describe('the recorded events the specifications are given', () => {
  it('are exactly what the commands of fixtures.ts record (HSB-1 … HSB-10 accepted path)', () => {
    expect(
      run([report(), strategy(), route('child-protection'), s47(), allocate()]).events,
    ).toEqual([
      concernReported(),
      strategyDiscussionHeld(),
      routeDecided('child-protection'),
      section47Decided(),
      assessorsAllocated(),
    ]);
  });
});
