import { deadline, englandAndWales, waive } from '@aimline/calendar';
import { describe, expect, it } from 'vitest';
import { deadlineView } from '../src/deadline-view.js';

// HSB-11: assessors allocated within 5 working days of the strategy meeting (Thu 31 Dec 2026,
// so due at the end of Fri 8 Jan 2027 after the New Year bank holiday).
const allocation = () =>
  deadline({
    ruleId: 'HSB-11',
    label: 'Assessors allocated',
    trigger: { event: 'StrategyDiscussionHeld', at: '2026-12-31T10:00:00Z' },
    start: '2026-12-31T10:00:00Z',
    unit: 'workingDays',
    amount: 5,
    calendar: englandAndWales,
  });

describe('deadline view: a waiver never hides a breach (T-6)', () => {
  it('T-6: waived before it was due reads waived, with the reason', () => {
    const view = deadlineView(
      waive(allocation(), 'case closed', '2027-01-04T10:00:00Z'),
      '2027-02-01T12:00:00Z',
      48,
    );
    expect(view).toMatchObject({ state: 'waived', settledAt: '2027-01-04T10:00:00.000Z' });
    expect(view.late).toBeUndefined();
  });

  it('T-6: waived after it was due reads waived-late, how late it was then, and why', () => {
    const view = deadlineView(
      waive(allocation(), 'case closed', '2027-01-09T10:00:00Z'),
      '2027-02-01T12:00:00Z',
      48,
    );
    expect(view).toMatchObject({
      state: 'waived-late',
      settledAt: '2027-01-09T10:00:00.000Z',
      late: '10 hours',
    });
    expect(view.explanation).toContain('Waived late at 10:00 GMT Sat 9 Jan 2027');
    expect(view.explanation).toContain('after it was due: case closed.');
  });
});
