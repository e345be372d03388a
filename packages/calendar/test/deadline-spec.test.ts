/**
 * T-6: `deadlineOf`, the one way a domain states an obligation: how a met and a waived
 * obligation settle it, and which wins when it was both.
 */
import { describe, expect, it } from 'vitest';
import { deadlineOf, englandAndWales, type DeadlineSpec } from '../src/index.js';

/** HSB-11's allocation: 5 working days after a strategy meeting on Thu 24 Dec 2026 (due Tue 5 Jan 2027). */
const allocation: DeadlineSpec = {
  ruleId: 'HSB-11',
  label: 'Allocation',
  trigger: { event: 'StrategyMeetingHeld', at: '2026-12-24T15:00:00Z' },
  unit: 'workingDays',
  amount: 5,
  startDescription: 'the strategy meeting',
};
const metAt = '2027-01-04T10:00:00.000Z';
const closedBefore = { reason: 'the case is closed', at: '2026-12-30T10:00:00.000Z' };
const closedAfter = { reason: 'the case is closed', at: '2027-01-05T09:00:00.000Z' };

describe('T-6: deadlineOf settles an obligation as the domain records it', () => {
  it('met and not waived: met; waived and not met: waived; neither: open', () => {
    expect(deadlineOf({ ...allocation, metAt }, englandAndWales).status).toEqual({
      kind: 'met',
      at: metAt,
    });
    expect(deadlineOf({ ...allocation, waived: closedBefore }, englandAndWales).status).toEqual({
      kind: 'waived',
      at: closedBefore.at,
      reason: closedBefore.reason,
    });
    expect(deadlineOf(allocation, englandAndWales).status).toEqual({ kind: 'open' });
  });

  it('met and waived: whichever came first settles it', () => {
    expect(
      deadlineOf({ ...allocation, metAt, waived: closedBefore }, englandAndWales).status.kind,
    ).toBe('waived');
    expect(
      deadlineOf({ ...allocation, metAt, waived: closedAfter }, englandAndWales).status.kind,
    ).toBe('met');
  });

  it('a waiver ifUnmet never settles an obligation that was met, whenever it came; unmet, it waives', () => {
    for (const waiver of [closedBefore, closedAfter])
      expect(
        deadlineOf({ ...allocation, metAt, waived: { ...waiver, ifUnmet: true } }, englandAndWales)
          .status,
      ).toEqual({ kind: 'met', at: metAt });
    expect(
      deadlineOf({ ...allocation, waived: { ...closedBefore, ifUnmet: true } }, englandAndWales)
        .status.kind,
    ).toBe('waived');
  });
});
