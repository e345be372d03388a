import { describe, expect } from 'vitest';
import { fc, it } from '@fast-check/vitest';
import {
  allAttendanceCodes,
  attendanceCodeTable,
  summariseAttendance,
  unauthorisedInRollingWindow,
  type SessionMark,
} from '../src/index.js';

const day = fc
  .integer({ min: 0, max: 400 })
  .map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const mark = fc.record({
  date: day,
  session: fc.constantFrom('AM' as const, 'PM' as const),
  code: fc.constantFrom(...allAttendanceCodes),
});
const register = fc.uniqueArray(mark, {
  selector: (m) => `${m.date}|${m.session}`,
  maxLength: 300,
});
const notPossible = [...attendanceCodeTable.notPossible, ...attendanceCodeTable.administrative];

describe('NAT-4, NAT-5, NAT-6 invariants', () => {
  it.prop([register])(
    'NAT-4: the attendance rate is always between 0 and 1, and rates add up to 1',
    (marks) => {
      const s = summariseAttendance(marks);
      if (s.attendanceRate === undefined) expect(s.possibleSessions).toBe(0);
      else {
        expect(s.attendanceRate).toBeGreaterThanOrEqual(0);
        expect(s.attendanceRate).toBeLessThanOrEqual(1);
        expect(s.attendanceRate + s.absenceRate!).toBeCloseTo(1, 10);
      }
    },
  );

  it.prop([register, day, fc.constantFrom(...notPossible)])(
    'NAT-4: adding a "not a possible session" never changes the rates',
    (marks, date, code) => {
      const taken = new Set(marks.map((m) => `${m.date}|${m.session}`));
      const session = taken.has(`${date}|AM`) ? 'PM' : 'AM';
      fc.pre(!taken.has(`${date}|${session}`));
      const extra: SessionMark = { date, session, code };
      const before = summariseAttendance(marks);
      const after = summariseAttendance([...marks, extra]);
      expect(after.attendanceRate).toBe(before.attendanceRate);
      expect(after.absenceRate).toBe(before.absenceRate);
      expect(after.possibleSessions).toBe(before.possibleSessions);
    },
  );

  it.prop([register, day, fc.integer({ min: 1, max: 12 })])(
    'NAT-6: the rolling-window count never exceeds the sessions in the window',
    (marks, asOf, weeks) => {
      const w = unauthorisedInRollingWindow(marks, asOf, {
        schoolWeeks: weeks,
        thresholdSessions: 10,
      });
      expect(w.unauthorisedSessions).toBeLessThanOrEqual(w.possibleSessions);
      expect(w.weeks.length).toBeLessThanOrEqual(weeks);
      const inWindow =
        w.from === undefined ? [] : marks.filter((m) => m.date >= w.from! && m.date <= asOf);
      expect(w.unauthorisedSessions).toBeLessThanOrEqual(inWindow.length);
    },
  );
});
