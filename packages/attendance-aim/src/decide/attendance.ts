/** NAT-4: importing and correcting register marks. */
import { isDateWithin, localDate } from '@aimline/calendar';
import { accept, decideWhen, decideWith, found, guard, noneTwice } from '@aimline/kernel';
import type { Handler } from './handler.js';
import { sessionKey, type SessionMark } from '../attendance.js';
import { isAttendanceCode } from '../codes.js';

export const importAttendance: Handler<'ImportAttendance'> = ({ data: d, at }, s) => {
  return decideWhen(
    [
      guard('INPUT', 'the period ends before it starts', 'data.period.to', () => {
        return d.period.from > d.period.to;
      }),
      guard('INPUT', 'the period ends in the future', 'data.period.to', () => {
        return d.period.to > localDate(at);
      }),
      // A session the import repeats, or one the case holds a mark for already (one lookup).
      noneTwice(
        d.sessions,
        sessionKey,
        (m, i, twice) => [
          guard(
            'NAT-4',
            `"${m.code}" is not a national attendance code`,
            `data.sessions.${i}.code`,
            () => {
              return !isAttendanceCode(m.code);
            },
          ),
          guard(
            'INPUT',
            `the session on ${m.date} is outside the imported period`,
            `data.sessions.${i}.date`,
            () => !isDateWithin(m.date, d.period.from, d.period.to),
          ),
          guard(
            'NAT-4',
            `the ${m.session} session of ${m.date} is recorded twice`,
            `data.sessions.${i}`,
            () => twice,
          ),
        ],
        (key) => Object.hasOwn(s.marks, key),
      ),
    ],
    () => {
      // Every code is a national code by now (NAT-4 above).
      const marks: SessionMark[] = d.sessions.flatMap(({ date, session, code }) =>
        isAttendanceCode(code) ? [{ date, session, code }] : [],
      );
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
    },
  );
};

export const correctAttendanceMark: Handler<'CorrectAttendanceMark'> = ({ data: d, at }, s) =>
  decideWith(
    found(
      isAttendanceCode(d.code) ? d.code : undefined,
      'NAT-4',
      `"${d.code}" is not a national attendance code`,
      'data.code',
    ),
    (to) =>
      decideWith(
        found(
          s.marks[sessionKey(d)],
          'STATE',
          `no mark is recorded for the ${d.session} session of ${d.date}`,
          'data.date',
        ),
        (current) =>
          decideWhen(
            [
              guard('INPUT', 'the session already has this code', 'data.code', () => {
                return current.code === d.code;
              }),
            ],
            () =>
              accept({
                type: 'AttendanceMarkCorrected',
                data: {
                  caseId: d.caseId,
                  date: d.date,
                  session: d.session,
                  from: current.code,
                  to,
                  reason: d.reason,
                  at,
                },
              }),
          ),
      ),
  );
