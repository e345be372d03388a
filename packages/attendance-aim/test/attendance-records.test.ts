import { describe, expect, it } from 'vitest';
import { cmd, ev, imported, marks, opened, spec } from './fixtures.js';
import {
  summariseAttendance,
  unauthorisedInRollingWindow,
  type SessionMark,
} from '../src/index.js';

describe('NAT-4: register marks per session with the national codes', () => {
  it('NAT-4: an import records the period and its marks', () => {
    spec
      .given([opened()])
      .when(
        cmd(
          'ImportAttendance',
          {
            period: { from: '2024-09-02', to: '2024-09-02' },
            sessions: [
              { date: '2024-09-02', session: 'AM', code: '/' },
              { date: '2024-09-02', session: 'PM', code: 'N' },
            ],
          },
          '2024-09-03T08:00:00Z',
        ),
      )
      .then([
        ev('AttendanceImported', {
          period: { from: '2024-09-02', to: '2024-09-02' },
          sessions: [
            { date: '2024-09-02', session: 'AM', code: '/' },
            { date: '2024-09-02', session: 'PM', code: 'N' },
          ],
          at: '2024-09-03T08:00:00Z',
        }),
      ]);
  });

  it('NAT-4: an unknown attendance code is rejected, naming the field', () => {
    spec
      .given([opened()])
      .when(
        cmd(
          'ImportAttendance',
          {
            period: { from: '2024-09-02', to: '2024-09-02' },
            sessions: [
              { date: '2024-09-02', session: 'AM', code: '/' },
              { date: '2024-09-02', session: 'PM', code: 'A' },
            ],
          },
          '2024-09-03T08:00:00Z',
        ),
      )
      .thenRejects('NAT-4', { field: 'data.sessions.1.code' });
  });

  it('NAT-4: a session recorded twice in one import is rejected', () => {
    spec
      .given([opened()])
      .when(
        cmd(
          'ImportAttendance',
          {
            period: { from: '2024-09-02', to: '2024-09-02' },
            sessions: [
              { date: '2024-09-02', session: 'AM', code: '/' },
              { date: '2024-09-02', session: 'AM', code: 'N' },
            ],
          },
          '2024-09-03T08:00:00Z',
        ),
      )
      .thenRejects('NAT-4', { field: 'data.sessions.1' });
  });

  it('NAT-4: a session already imported is rejected (corrections go through CorrectAttendanceMark)', () => {
    spec
      .given([
        opened(),
        imported('2024-09-02', '2024-09-06', marks('2024-09-02', '2024-09-06', '/')),
      ])
      .when(
        cmd(
          'ImportAttendance',
          {
            period: { from: '2024-09-06', to: '2024-09-09' },
            sessions: [
              { date: '2024-09-09', session: 'AM', code: '/' },
              { date: '2024-09-06', session: 'PM', code: 'O' },
            ],
          },
          '2024-12-21T08:00:00Z',
        ),
      )
      .thenRejects('NAT-4', { field: 'data.sessions.1' });
  });

  it('NAT-4: a correction records the old and the new code; an unknown code is rejected', () => {
    const given = [
      opened(),
      imported('2024-09-02', '2024-09-06', marks('2024-09-02', '2024-09-06', 'O')),
    ];
    spec
      .given(given)
      .when(
        cmd(
          'CorrectAttendanceMark',
          {
            date: '2024-09-03',
            session: 'AM',
            code: 'M',
            reason: 'Dental appointment letter arrived',
          },
          '2024-12-21T08:00:00Z',
        ),
      )
      .then([
        ev('AttendanceMarkCorrected', {
          date: '2024-09-03',
          session: 'AM',
          from: 'O',
          to: 'M',
          reason: 'Dental appointment letter arrived',
          at: '2024-12-21T08:00:00Z',
        }),
      ]);
    spec
      .given(given)
      .when(
        cmd(
          'CorrectAttendanceMark',
          { date: '2024-09-03', session: 'AM', code: 'Y8', reason: 'x' },
          '2024-12-21T08:00:00Z',
        ),
      )
      .thenRejects('NAT-4', { field: 'data.code' });
  });
});

describe('NAT-4, NAT-5: attendance and absence rates (worked examples)', () => {
  it('NAT-5: 18 present, 2 unauthorised of 20 possible sessions is 90% attendance: persistent absence (10%)', () => {
    const week = marks('2024-09-02', '2024-09-13', '/', {
      '2024-09-03|AM': 'O',
      '2024-09-03|PM': 'O',
    });
    const s = summariseAttendance(week);
    expect(s).toMatchObject({
      possibleSessions: 20,
      present: 18,
      unauthorisedAbsence: 2,
      attendanceRate: 0.9,
      absenceRate: 0.1,
      persistentAbsence: true,
      severeAbsence: false,
    });
  });

  it('NAT-4: not-possible codes (D Q X Y1-Y7 Z #) are left out of the denominator; K V P W B count as attendance', () => {
    const list: SessionMark[] = [
      { date: '2024-09-02', session: 'AM', code: '/' },
      { date: '2024-09-02', session: 'PM', code: 'K' },
      { date: '2024-09-03', session: 'AM', code: 'M' },
      { date: '2024-09-03', session: 'PM', code: 'Y1' },
      { date: '2024-09-04', session: 'AM', code: '#' },
      { date: '2024-09-04', session: 'PM', code: 'X' },
    ];
    expect(summariseAttendance(list)).toMatchObject({
      possibleSessions: 3,
      notPossible: 3,
      attendanceRate: 2 / 3,
      authorisedAbsence: 1,
    });
  });

  it('NAT-5: half the sessions missed is severe absence; a period restricts the count', () => {
    const m = marks('2024-09-02', '2024-09-06', 'N', {
      '2024-09-02|AM': '/',
      '2024-09-02|PM': '/',
      '2024-09-03|AM': '/',
      '2024-09-03|PM': '/',
      '2024-09-04|AM': '/',
    });
    expect(summariseAttendance(m)).toMatchObject({ absenceRate: 0.5, severeAbsence: true });
    expect(summariseAttendance(m, { from: '2024-09-02', to: '2024-09-03' })).toMatchObject({
      possibleSessions: 4,
      attendanceRate: 1,
    });
  });

  it('NAT-4: no possible session gives no rate', () => {
    expect(
      summariseAttendance([{ date: '2024-09-02', session: 'AM', code: '#' }]).attendanceRate,
    ).toBeUndefined();
  });
});

describe('NAT-6: unauthorised sessions in a rolling 10 school weeks', () => {
  it('NAT-6: 10 unauthorised sessions within 10 school weeks meet the threshold', () => {
    const m = marks('2024-09-02', '2024-11-22', '/', {
      '2024-09-02|AM': 'O', // week 1: outside the window ending 22 Nov (10 school weeks back, half term skipped)
      '2024-09-09|AM': 'O',
      '2024-09-09|PM': 'O',
      '2024-09-16|AM': 'G',
      '2024-09-23|AM': 'N',
      '2024-10-01|PM': 'U',
      '2024-10-08|AM': 'O',
      '2024-10-14|AM': 'O',
      '2024-10-21|AM': 'O',
      '2024-11-04|AM': 'O',
      '2024-11-05|AM': 'O',
    }).filter((x) => x.date < '2024-10-28' || x.date > '2024-11-01'); // half term: no marks
    const w = unauthorisedInRollingWindow(m, '2024-11-22');
    expect(w.weeks).toHaveLength(10);
    expect(w.from).toBe('2024-09-09');
    expect(w.unauthorisedSessions).toBe(10);
    expect(w.thresholdMet).toBe(true);
    // in half term: 8 school weeks so far, 9 unauthorised sessions
    expect(unauthorisedInRollingWindow(m, '2024-10-31')).toMatchObject({
      unauthorisedSessions: 9,
      thresholdMet: false,
    });
  });

  it('NAT-6: the window crosses the summer holiday into the previous school year', () => {
    const summer = marks('2024-06-24', '2024-07-19', '/', {
      '2024-07-15|AM': 'G',
      '2024-07-16|AM': 'G',
    });
    const autumn = marks('2024-09-02', '2024-10-04', '/', { '2024-09-30|PM': 'O' });
    const w = unauthorisedInRollingWindow([...summer, ...autumn], '2024-10-04');
    expect(w.weeks[0]).toBe('2024-06-24');
    expect(w.unauthorisedSessions).toBe(3);
  });

  it('NAT-6: a week with only not-possible sessions is not a school week', () => {
    const m = [
      ...marks('2024-09-02', '2024-09-06', 'O'),
      ...marks('2024-09-09', '2024-09-13', '#'),
    ];
    const w = unauthorisedInRollingWindow(m, '2024-09-13', {
      schoolWeeks: 1,
      thresholdSessions: 10,
    });
    expect(w.weeks).toEqual(['2024-09-02']);
    expect(w.thresholdMet).toBe(true);
  });
});
