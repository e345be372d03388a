import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { isWorkingDay } from '@aimline/calendar';
import {
  makeSittingDecider,
  patternDateOf,
  sittingForMonth,
  sittingsBetween,
} from '../src/index.js';
import { calendar, policy, sittingCmd } from './fixtures.js';

describe('PNL-1 schedule', () => {
  it('PNL-1: the first Monday of each month, 13:00-17:00 London time, at the default venue', () => {
    const s = sittingForMonth(policy, calendar, '2026-03');
    expect(s).toEqual({
      sittingId: '2026-03',
      patternDate: '2026-03-02',
      date: '2026-03-02',
      start: '2026-03-02T13:00:00.000Z',
      end: '2026-03-02T17:00:00.000Z',
      venue: 'Riverside Family Hub, Sorrell Road, Grimsby',
      movedFrom: null,
    });
    // British Summer Time: 13:00 local is 12:00 UTC.
    expect(sittingForMonth(policy, calendar, '2026-06').start).toBe('2026-06-01T12:00:00.000Z');
  });

  it('PNL-1: May 2026 moves from the early May bank holiday (Mon 4 May) to Tue 5 May, and says why', () => {
    const s = sittingForMonth(policy, calendar, '2026-05');
    expect(s.patternDate).toBe('2026-05-04');
    expect(s.date).toBe('2026-05-05');
    expect(s.movedFrom?.date).toBe('2026-05-04');
    expect(s.movedFrom?.reason).toMatch(/bank holiday.*Tue 5 May 2026/);
  });

  it('PNL-1: January 2022 moves from the New Year substitute day (Mon 3 Jan) to Tue 4 Jan', () => {
    const s = sittingForMonth(policy, calendar, '2022-01');
    expect([s.patternDate, s.date]).toEqual(['2022-01-03', '2022-01-04']);
  });

  it('PNL-1: January 2027 sits on Mon 4 Jan (1 Jan is a Friday)', () => {
    const s = sittingForMonth(policy, calendar, '2027-01');
    expect([s.patternDate, s.date, s.movedFrom]).toEqual(['2027-01-04', '2027-01-04', null]);
  });

  it('PNL-1: over 2020-2030 every sitting is monthly on a working day; moves are the Mays, some Januaries and Easter Mondays', () => {
    const all = sittingsBetween(policy, calendar, '2020-01-01', '2030-12-31');
    expect(all).toHaveLength(132);
    for (const s of all) {
      expect(isWorkingDay(calendar, s.date)).toBe(true);
      expect(s.movedFrom === null).toBe(s.date === s.patternDate);
    }
    const moved = all.filter((s) => s.movedFrom !== null).map((s) => s.sittingId);
    // Every May except 2020, when the early May bank holiday moved to Fri 8 May (VE Day).
    expect(moved.filter((id) => id.endsWith('-05'))).toEqual(
      ['2021', '2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030'].map(
        (y) => `${y}-05`,
      ),
    );
    // New Year's Day on a Monday (2024, 2029) or its substitute (2022, 2023, 2028); Easter Monday on the first Monday of April.
    expect(moved.filter((id) => !id.endsWith('-05'))).toEqual([
      '2021-04',
      '2022-01',
      '2023-01',
      '2024-01',
      '2024-04',
      '2026-04',
      '2028-01',
      '2029-01',
      '2029-04',
    ]);
  });

  it('PNL-1: the pattern is policy (second Tuesday)', () => {
    expect(patternDateOf({ ...policy, sittingWeekday: 2, sittingOccurrence: 2 }, '2026-09')).toBe(
      '2026-09-08',
    );
  });
});

describe('PNL-1 sitting stream', () => {
  const spec = deciderSpec(makeSittingDecider());
  const scheduled = {
    type: 'SittingScheduled' as const,
    data: {
      sittingId: '2026-05',
      at: '2026-04-01T09:00:00Z',
      meetingId: 'mtg-2026-05',
      slot: {
        date: '2026-05-05',
        start: '2026-05-05T12:00:00.000Z',
        end: '2026-05-05T16:00:00.000Z',
        venue: policy.defaultVenue,
      },
      patternDate: '2026-05-04',
      movedFrom: sittingForMonth(policy, calendar, '2026-05').movedFrom,
    },
  };

  it('PNL-1: scheduling derives the date from the pattern and records the move', () => {
    spec
      .given([])
      .when(
        sittingCmd(
          'ScheduleSitting',
          { sittingId: '2026-05', meetingId: 'mtg-2026-05' },
          '2026-04-01T09:00:00Z',
        ),
      )
      .then([scheduled]);
  });

  it('PNL-1: a sitting cannot be moved to a non-working day', () => {
    spec
      .given([scheduled])
      .when(
        sittingCmd(
          'MoveSitting',
          { sittingId: '2026-05', date: '2026-05-25', reason: 'room unavailable' },
          '2026-04-02T09:00:00Z',
        ),
      )
      .thenRejects('PNL-1', { field: 'data.date' });
  });

  it('PNL-1: a sitting is re-venued with a reason and members are notified of the venue', () => {
    const events = spec
      .given([scheduled])
      .when(
        sittingCmd(
          'ChangeSittingVenue',
          { sittingId: '2026-05', venue: 'Testshire Civic Centre', reason: 'hub closed' },
          '2026-04-02T09:00:00Z',
        ),
      )
      .events();
    expect(events[0]?.data).toMatchObject({
      from: policy.defaultVenue,
      venue: 'Testshire Civic Centre',
      reason: 'hub closed',
    });
    const notified = spec
      .given([scheduled, ...events])
      .when(
        sittingCmd(
          'NotifyMembers',
          {
            sittingId: '2026-05',
            members: [
              { memberId: 'm1', name: 'Sam Sample', role: 'police', agency: 'Testshire Police' },
            ],
          },
          '2026-04-03T09:00:00Z',
        ),
      )
      .events();
    expect(notified[0]?.type).toBe('MembersNotified');
    expect((notified[0]?.data as { slot: { venue: string } }).slot.venue).toBe(
      'Testshire Civic Centre',
    );
  });

  it('PNL-1: a cancelled sitting cannot be moved or cancelled again', () => {
    const cancelled = {
      type: 'SittingCancelled' as const,
      data: { sittingId: '2026-05', at: '2026-04-02T09:00:00Z', reason: 'no quorum' },
    };
    spec
      .given([scheduled, cancelled])
      .when(
        sittingCmd(
          'MoveSitting',
          { sittingId: '2026-05', date: '2026-05-06', reason: 'x' },
          '2026-04-03T09:00:00Z',
        ),
      )
      .thenRejects('STATE', { field: 'data.sittingId' });
    spec
      .given([scheduled, cancelled])
      .when(
        sittingCmd(
          'CancelSitting',
          { sittingId: '2026-05', reason: 'again' },
          '2026-04-03T09:00:00Z',
        ),
      )
      .thenRejects('STATE', { field: 'data.sittingId' });
  });
});
