import { describe, expect, it } from 'vitest';
import { fold } from '@aimline/kernel';
import {
  type AttendanceAimEvent,
  defaultAttendancePolicy,
  attendanceDeadlines,
  makeAttendanceAimDecider,
  schoolCalendar,
  addSchoolDays,
  isSchoolDay,
} from '../src/index.js';
import { ev, evidence, held, letterSent, opened, outcome, scheduled } from './fixtures.js';

const calendar = schoolCalendar({
  id: 'hollowmere-2024-25',
  terms: [
    { name: 'Autumn 1', start: '2024-09-02', end: '2024-10-25' },
    { name: 'Autumn 2', start: '2024-11-04', end: '2024-12-20' },
  ],
  closures: [{ date: '2024-10-11', reason: 'Staff training day' }],
});
const state = (events: ReadonlyArray<AttendanceAimEvent>) =>
  fold(makeAttendanceAimDecider())(events);

describe('school calendar: attendance counts in school days', () => {
  it('ATT-2: closures, weekends and half term are not school days', () => {
    expect(isSchoolDay(calendar, '2024-10-11')).toBe(false);
    expect(isSchoolDay(calendar, '2024-10-29')).toBe(false);
    expect(addSchoolDays(calendar, '2024-10-24', 2)).toBe('2024-11-04');
  });
});

describe('deadlines(state, policy, calendar)', () => {
  it('ATT-2: the letter is due 5 school days before the AIM (the training day skipped), and met when sent', () => {
    const ds = attendanceDeadlines(
      state([opened(), evidence, scheduled]),
      defaultAttendancePolicy,
      calendar,
    );
    const letter = ds.find((d) => d.ruleId === 'ATT-2');
    // AIM on Tue 15 Oct; school days back: 14, 10, 9, 8, 7 Oct (11 Oct is a training day)
    expect(letter?.due).toBe('2024-10-07T22:59:59.999Z');
    expect(letter?.explanation).toMatch(/5 school days/);
    expect(letter?.status.kind).toBe('open');
    const after = attendanceDeadlines(
      state([opened(), evidence, scheduled, letterSent]),
      defaultAttendancePolicy,
      calendar,
    );
    expect(after.find((d) => d.ruleId === 'ATT-2')?.status).toEqual({
      kind: 'met',
      at: '2024-10-02T09:00:00.000Z',
    });
  });

  it('ATT-7: the review is due 4 weeks after the AIM; met by the review', () => {
    const ds = attendanceDeadlines(
      state([opened(), evidence, scheduled, letterSent, held(), outcome]),
      defaultAttendancePolicy,
      calendar,
    );
    const review = ds.find((d) => d.ruleId === 'ATT-7');
    expect(review).toMatchObject({
      unit: 'weeks',
      amount: 4,
      due: '2024-11-12T23:59:59.999Z',
      status: { kind: 'open' },
    });
    const reviewed = ev('TargetsReviewed', {
      reviewOf: 'aim-1',
      period: { from: '2024-10-16', to: '2024-11-11' },
      attendance: {
        possibleSessions: 28,
        absenceSessions: 0,
        unauthorisedSessions: 0,
        attendanceRate: 1,
      },
      results: [],
      at: '2024-11-12T16:00:00Z',
    });
    const after = attendanceDeadlines(
      state([opened(), evidence, scheduled, letterSent, held(), outcome, reviewed]),
      defaultAttendancePolicy,
      calendar,
    );
    expect(after.find((d) => d.ruleId === 'ATT-7')?.status.kind).toBe('met');
  });

  it('NAT-8: every case carries the end of compulsory school age', () => {
    const nat8 = attendanceDeadlines(state([opened()]), defaultAttendancePolicy, calendar).find(
      (d) => d.ruleId === 'NAT-8',
    );
    expect(nat8?.due.startsWith('2027-06-25')).toBe(true); // born March 2011: Year 11 in 2026/27
    expect(nat8?.explanation).toMatch(/compulsory school age ends on 2027-06-25/);
  });
});
