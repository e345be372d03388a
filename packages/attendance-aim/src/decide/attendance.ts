/** NAT-4: importing and correcting register marks. */
import { isDateWithin, localDate } from '@aimline/calendar';
import { accept, refuse } from '@aimline/kernel';
import type { Handler } from './handler.js';
import { sessionKey, type SessionMark } from '../attendance.js';
import { isAttendanceCode } from '../codes.js';

export const importAttendance: Handler<'ImportAttendance'> = ({ data: d, at }, s) => {
  if (d.period.from > d.period.to)
    return refuse('INPUT', 'the period ends before it starts', 'data.period.to');
  if (d.period.to > localDate(at))
    return refuse('INPUT', 'the period ends in the future', 'data.period.to');
  const seen = new Set<string>();
  const marks: SessionMark[] = [];
  for (const [i, m] of d.sessions.entries()) {
    if (!isAttendanceCode(m.code))
      return refuse(
        'NAT-4',
        `"${m.code}" is not a national attendance code`,
        `data.sessions.${i}.code`,
      );
    if (!isDateWithin(m.date, d.period.from, d.period.to))
      return refuse(
        'INPUT',
        `the session on ${m.date} is outside the imported period`,
        `data.sessions.${i}.date`,
      );
    const key = sessionKey(m);
    if (seen.has(key) || s.marks[key] !== undefined)
      return refuse(
        'NAT-4',
        `the ${m.session} session of ${m.date} is recorded twice`,
        `data.sessions.${i}`,
      );
    seen.add(key);
    marks.push({ date: m.date, session: m.session, code: m.code });
  }
  return accept({
    type: 'AttendanceImported',
    data: {
      caseId: d.caseId,
      period: d.period,
      sessions: marks,
      ...(d.source === undefined ? {} : { source: d.source }),
      at,
    },
  });
};

export const correctAttendanceMark: Handler<'CorrectAttendanceMark'> = ({ data: d, at }, s) => {
  if (!isAttendanceCode(d.code))
    return refuse('NAT-4', `"${d.code}" is not a national attendance code`, 'data.code');
  const current = s.marks[sessionKey(d)];
  if (current === undefined)
    return refuse(
      'STATE',
      `no mark is recorded for the ${d.session} session of ${d.date}`,
      'data.date',
    );
  if (current.code === d.code)
    return refuse('INPUT', 'the session already has this code', 'data.code');
  return accept({
    type: 'AttendanceMarkCorrected',
    data: {
      caseId: d.caseId,
      date: d.date,
      session: d.session,
      from: current.code,
      to: d.code,
      reason: d.reason,
      at,
    },
  });
};
