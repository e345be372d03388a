/**
 * T-6: the Deadline value, its explanation, its status (T-7: "now" is always an input) and its
 * codec.
 */
import { describe, expect, it } from 'vitest';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import {
  DeadlineCodec,
  deadline,
  deadlinesAt,
  englandAndWales,
  extendCalendar,
  meet,
  scotland,
  statusAt,
  waive,
} from '../src/index.js';
import type { Deadline } from '../src/index.js';

const allocation = (): Deadline =>
  deadline({
    ruleId: 'HSB-11',
    label: 'Allocation',
    trigger: { event: 'StrategyMeetingHeld', at: '2026-12-24T15:00:00Z' },
    unit: 'workingDays',
    amount: 5,
    calendar: englandAndWales,
    startDescription: 'the strategy meeting',
  });

describe('T-6: a deadline explains itself', () => {
  it('T-6 (HSB-11): the allocation example', () => {
    const d = allocation();
    expect(d.explanation).toBe(
      'Allocation due by end of Tue 5 Jan 2027: 5 working days after the strategy meeting on ' +
        'Thu 24 Dec 2026; 25 Dec, 28 Dec and 1 Jan are bank holidays',
    );
    expect(d).toEqual({
      ruleId: 'HSB-11',
      label: 'Allocation',
      trigger: { event: 'StrategyMeetingHeld', at: '2026-12-24T15:00:00.000Z' },
      start: '2026-12-24T15:00:00.000Z',
      unit: 'workingDays',
      amount: 5,
      calendarId: 'england-and-wales',
      due: '2027-01-05T23:59:59.999Z',
      status: { kind: 'open' },
      explanation: d.explanation,
    });
  });

  it('T-6: one skipped day, closure days, and none', () => {
    const council = extendCalendar(englandAndWales, {
      id: 'england-and-wales/example-council',
      closureDays: [
        { date: '2026-12-29', name: 'Council closure' },
        { date: '2026-12-30', name: 'Council closure' },
      ],
    });
    const closed = deadline({
      ruleId: 'HSB-11',
      label: 'Allocation',
      trigger: { event: 'StrategyMeetingHeld', at: '2026-12-24T15:00:00Z' },
      unit: 'workingDays',
      amount: 5,
      calendar: council,
      startDescription: 'the strategy meeting',
    });
    expect(closed.calendarId).toBe('england-and-wales/example-council');
    expect(closed.explanation).toBe(
      'Allocation due by end of Thu 7 Jan 2027: 5 working days after the strategy meeting on ' +
        'Thu 24 Dec 2026; 25 Dec, 28 Dec and 1 Jan are bank holidays; 29 Dec and 30 Dec are ' +
        'closure days',
    );
    const easter = deadline({
      ruleId: 'HSB-14',
      label: 'Initial joint supervision',
      trigger: { event: 'AssessorsAllocated', at: '2026-04-01T09:00:00+01:00' },
      unit: 'workingDays',
      amount: 5,
      startDescription: 'allocation',
    });
    expect(easter.explanation).toBe(
      'Initial joint supervision due by end of Fri 10 Apr 2026: 5 working days after allocation ' +
        'on Wed 1 Apr 2026; 3 Apr and 6 Apr are bank holidays',
    );
    const plain = deadline({
      ruleId: 'HSB-14',
      label: 'Initial joint supervision',
      trigger: { event: 'AssessorsAllocated', at: '2026-06-01T09:00:00+01:00' },
      unit: 'workingDays',
      amount: 1,
    });
    expect(plain.explanation).toBe(
      'Initial joint supervision due by end of Tue 2 Jun 2026: 1 working day after ' +
        'AssessorsAllocated on Mon 1 Jun 2026',
    );
  });

  it('T-6: a Scotland deadline carries its calendar id and skips the 2 January substitute', () => {
    const d = deadline({
      ruleId: 'NAT-1',
      label: 'Initial child protection conference',
      trigger: { event: 'Section47Started', at: '2026-12-31T10:00:00Z' },
      unit: 'workingDays',
      amount: 1,
      calendar: scotland,
    });
    expect(d.calendarId).toBe('scotland');
    // 2 Jan 2027 is a Saturday, so its substitute is Mon 4 Jan.
    expect(d.due).toBe('2027-01-05T23:59:59.999Z');
    expect(d.explanation).toContain('; 1 Jan and 4 Jan are bank holidays');
  });

  it('T-3 (HSB-12, HSB-15): calendar days and weeks', () => {
    const homeVisit = deadline({
      ruleId: 'HSB-12',
      label: 'Home visit and safety plan',
      trigger: { event: 'AssessorsAllocated', at: '2026-06-01T09:00:00+01:00' },
      unit: 'calendarDays',
      amount: 5,
      startDescription: 'allocation',
    });
    expect(homeVisit.due).toBe('2026-06-06T22:59:59.999Z');
    expect(homeVisit.explanation).toBe(
      'Home visit and safety plan due by end of Sat 6 Jun 2026: 5 calendar days after ' +
        'allocation on Mon 1 Jun 2026',
    );
    const meeting = deadline({
      ruleId: 'HSB-15',
      label: 'Initial AIM meeting',
      trigger: { event: 'InitialSupervisionHeld', at: '2026-06-08T14:00:00+01:00' },
      unit: 'weeks',
      amount: 6,
      startDescription: 'the initial supervision',
    });
    expect(meeting.explanation).toBe(
      'Initial AIM meeting due by end of Mon 20 Jul 2026: 6 weeks after the initial supervision ' +
        'on Mon 8 Jun 2026',
    );
  });

  it('NAT-2: months, clamped', () => {
    const d = deadline({
      ruleId: 'NAT-2',
      label: 'First review conference',
      trigger: { event: 'InitialConferenceHeld', at: '2026-11-30T10:00:00Z' },
      unit: 'months',
      amount: 3,
      startDescription: 'the initial conference',
    });
    expect(d.due).toBe('2027-02-28T23:59:59.999Z');
    expect(d.explanation).toBe(
      'First review conference due by end of Sun 28 Feb 2027: 3 calendar months after the ' +
        'initial conference on Mon 30 Nov 2026; Feb 2027 has no day 30, so its last day',
    );
  });

  it('T-4 (HSB-18, HSB-19): before the meeting, from the meeting start', () => {
    const report = deadline({
      ruleId: 'HSB-18',
      label: 'Report to the responsible manager',
      trigger: { event: 'InitialAimMeetingScheduled', at: '2024-12-02T10:00:00Z' },
      start: '2025-01-08T10:00:00Z',
      unit: 'daysBefore',
      amount: 4,
      startDescription: 'the initial AIM meeting',
    });
    expect(report.start).toBe('2025-01-08T10:00:00.000Z');
    expect(report.due).toBe('2025-01-03T23:59:59.999Z');
    expect(report.explanation).toBe(
      'Report to the responsible manager due by end of Fri 3 Jan 2025: 4 days before the ' +
        'initial AIM meeting on Wed 8 Jan 2025; Sat 4 Jan 2025 is at the weekend, so moved back ' +
        'to the previous working day',
    );
    const iro = deadline({
      ruleId: 'HSB-19',
      label: 'Report to the IRO',
      trigger: { event: 'InitialAimMeetingScheduled', at: '2024-12-02T10:00:00Z' },
      start: '2025-01-08T10:00:00Z',
      unit: 'hoursBefore',
      amount: 24,
      startDescription: 'the initial AIM meeting',
    });
    expect(iro.due).toBe('2025-01-07T10:00:00.000Z');
    expect(iro.explanation).toBe(
      'Report to the IRO due by 10:00 GMT Tue 7 Jan 2025: 24 hours before the initial AIM ' +
        'meeting at 10:00 GMT Wed 8 Jan 2025',
    );
  });

  it('PNL-4: working days before a sitting', () => {
    const d = deadline({
      ruleId: 'PNL-4',
      label: 'Referral papers',
      trigger: { event: 'SittingScheduled', at: '2026-03-01T10:00:00Z' },
      start: '2026-04-09T13:00:00+01:00',
      unit: 'workingDaysBefore',
      amount: 3,
      startDescription: 'the panel sitting',
    });
    expect(d.due).toBe('2026-04-02T22:59:59.999Z');
    expect(d.explanation).toBe(
      'Referral papers due by end of Thu 2 Apr 2026: 3 working days before the panel sitting ' +
        'on Thu 9 Apr 2026; 3 Apr and 6 Apr are bank holidays',
    );
  });

  it('T-6: rejects bad input, naming the argument', () => {
    const base = {
      ruleId: 'HSB-11',
      label: 'Allocation',
      trigger: { event: 'StrategyMeetingHeld', at: '2026-12-24T15:00:00Z' },
      unit: 'workingDays' as const,
      amount: 5,
    };
    expect(() => deadline({ ...base, amount: -1 })).toThrow(/deadline: amount/);
    expect(() => deadline({ ...base, amount: 1.5 })).toThrow(RangeError);
    expect(() => deadline({ ...base, ruleId: '' })).toThrow(/deadline: ruleId/);
    expect(() => deadline({ ...base, unit: 'fortnights' as never })).toThrow(/deadline: unit/);
    expect(() => deadline({ ...base, trigger: { event: 'E', at: '24/12/2026' } })).toThrow(
      /deadline: trigger.at/,
    );
    expect(() => deadline({ ...base, unit: 'hours', amount: 1.5 })).not.toThrow();
  });
});

describe('T-6, T-7: status as of an instant', () => {
  it('T-6: open up to and including the due instant, breached after it', () => {
    const d = allocation();
    expect(statusAt(d, '2027-01-05T23:59:59.999Z')).toEqual({ kind: 'open' });
    expect(statusAt(d, '2027-01-06T00:00:00.000Z')).toEqual({ kind: 'breached', by: 'PT0.001S' });
    expect(statusAt(d, '2027-01-07T02:30:00.000Z')).toEqual({
      kind: 'breached',
      by: 'P1DT2H30M0.001S',
    });
  });

  it('T-6: met on time stays met', () => {
    const d = meet(allocation(), '2027-01-04T16:00:00+00:00');
    expect(d.status).toEqual({ kind: 'met', at: '2027-01-04T16:00:00.000Z' });
    expect(statusAt(d, '2027-06-01T00:00:00Z')).toEqual(d.status);
  });

  it('T-6: met late is breached, with when it was met', () => {
    const d = meet(allocation(), '2027-01-06T09:00:00Z');
    expect(d.status).toEqual({
      kind: 'breached',
      by: 'PT9H0.001S',
      metAt: '2027-01-06T09:00:00.000Z',
    });
    expect(statusAt(d, '2027-06-01T00:00:00Z')).toEqual(d.status);
  });

  it('T-6: waived with a reason stays waived; met and waived are final', () => {
    const d = waive(allocation(), 'Case closed: family moved out of area', '2027-01-02T10:00:00Z');
    expect(d.status).toEqual({
      kind: 'waived',
      reason: 'Case closed: family moved out of area',
      at: '2027-01-02T10:00:00.000Z',
    });
    expect(statusAt(d, '2027-06-01T00:00:00Z')).toEqual(d.status);
    expect(meet(d, '2027-01-03T10:00:00Z')).toBe(d);
    const met = meet(allocation(), '2027-01-04T10:00:00Z');
    expect(waive(met, 'too late', '2027-01-05T10:00:00Z')).toBe(met);
    expect(() => waive(allocation(), ' ', '2027-01-02T10:00:00Z')).toThrow(/waive: reason/);
  });

  // This test once pinned the opposite ("a breached deadline can still be waived" to `waived`):
  // a case closed after a missed deadline then read as if nothing had been late.
  it('T-6: a waiver after the due instant never hides the breach: breached, with the waiver', () => {
    const d = waive(allocation(), 'Case closed', '2027-01-08T10:00:00Z');
    expect(d.status).toEqual({
      kind: 'breached',
      by: 'P2DT10H0.001S',
      waived: { reason: 'Case closed', at: '2027-01-08T10:00:00.000Z' },
    });
    expect(statusAt(d, '2027-06-01T00:00:00Z')).toEqual(d.status);
    expect(statusAt(d, '2027-01-07T00:00:00Z')).toEqual({ kind: 'breached', by: 'P1DT0.001S' });
    expect(meet(d, '2027-01-09T10:00:00Z')).toBe(d);
    expect(waive(d, 'again', '2027-01-10T10:00:00Z')).toBe(d);
  });

  it('T-6: a waiver at the due instant itself is in time', () => {
    const d = allocation();
    expect(waive(d, 'Case closed', d.due).status.kind).toBe('waived');
  });
});

describe('T-6: codec', () => {
  it('T-6: a deadline round-trips through JSON and the codec', () => {
    for (const d of [
      allocation(),
      meet(allocation(), '2027-01-04T16:00:00Z'),
      meet(allocation(), '2027-01-06T09:00:00Z'),
      waive(allocation(), 'reason', '2027-01-02T10:00:00Z'),
    ]) {
      const decoded = DeadlineCodec.decode(JSON.parse(JSON.stringify(d)));
      expect(isRight(decoded) && decoded.right).toEqual(d);
    }
  });

  it('T-6: the codec rejects a due without offset, an unknown unit or status', () => {
    const json = JSON.parse(JSON.stringify(allocation())) as Record<string, unknown>;
    expect(isLeft(DeadlineCodec.decode({ ...json, due: '2027-01-05T23:59:59' }))).toBe(true);
    expect(isLeft(DeadlineCodec.decode({ ...json, unit: 'fortnights' }))).toBe(true);
    expect(isLeft(DeadlineCodec.decode({ ...json, status: { kind: 'late' } }))).toBe(true);
    expect(
      isLeft(DeadlineCodec.decode({ ...json, status: { kind: 'waived', at: json.due } })),
    ).toBe(true);
  });
});

describe('statusAt before the deadline was settled', () => {
  it('T-6: a deadline met or waived after asOf was still open (or breached) then', () => {
    const d = deadline({
      ruleId: 'HSB-11',
      label: 'Allocation',
      trigger: { event: 'the strategy meeting', at: '2026-12-24T10:00:00Z' },
      unit: 'workingDays',
      amount: 5,
    });
    const metLate = meet(d, '2027-01-06T09:00:00Z');
    expect(statusAt(metLate, '2027-01-05T12:00:00Z')).toEqual({ kind: 'open' });
    expect(statusAt(metLate, '2027-01-06T08:00:00Z')).toMatchObject({ kind: 'breached' });
    expect(statusAt(metLate, '2027-01-06T09:00:00Z')).toEqual(metLate.status);
    const waived = waive(d, 'Case closed: family moved out of area', '2027-01-04T10:00:00Z');
    expect(statusAt(waived, '2027-01-01T10:00:00Z')).toEqual({ kind: 'open' });
    expect(statusAt(waived, '2027-01-04T10:00:00Z')).toEqual(waived.status);
  });
});

describe('T-7: the deadlines that stand at an instant', () => {
  it('leaves out a deadline whose clock had not started by asOf', () => {
    expect(deadlinesAt([allocation()], '2026-12-24T14:59:59Z')).toEqual([]);
  });

  it('judges each deadline at asOf: open before its due instant, breached after it, met once met', () => {
    const d = allocation();
    expect(deadlinesAt([d], '2026-12-30T12:00:00Z')[0]!.status).toEqual({ kind: 'open' });
    expect(deadlinesAt([d], '2027-01-06T00:00:00Z')[0]!.status.kind).toBe('breached');
    const met = meet(d, '2026-12-29T10:00:00Z');
    expect(deadlinesAt([met], '2027-01-06T00:00:00Z')[0]!.status).toEqual({
      kind: 'met',
      at: '2026-12-29T10:00:00.000Z',
    });
    expect(deadlinesAt([met], '2026-12-28T10:00:00Z')[0]!.status).toEqual({ kind: 'open' });
  });
});
