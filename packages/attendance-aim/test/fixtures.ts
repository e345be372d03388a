/** Invented people and building blocks for the attendance AIM tests. */
import { deciderSpec } from '@aimline/kernel/testing';
import {
  makeAttendanceAimDecider,
  type AttendanceAimCommand,
  type AttendanceAimEvent,
  type CommandData,
  type CommandType,
  type EventData,
  type EventType,
  type SessionMark,
} from '../src/index.js';

export const CASE = 'case-7';
export const actor = { id: 'staff-1', role: 'attendance-lead', agency: 'Hollowmere Academy' };

export const cmd = <K extends CommandType>(
  type: K,
  data: Omit<CommandData<K>, 'caseId'>,
  at: string,
): AttendanceAimCommand =>
  ({ type, data: { caseId: CASE, ...data }, at, actor }) as unknown as AttendanceAimCommand;

export const ev = <K extends EventType>(
  type: K,
  data: Omit<EventData<K>, 'caseId'>,
): AttendanceAimEvent =>
  ({ type, data: { caseId: CASE, ...data } }) as unknown as AttendanceAimEvent;

/** Year 9 in 2024/25 (born March 2011): secondary. */
export const secondaryPupil = {
  pupilId: 'pupil-1',
  firstName: 'Tilly',
  lastName: 'Testcase',
  dateOfBirth: '2011-03-15',
};
/** Year 4 in 2024/25 (born May 2016): primary. */
export const primaryPupil = {
  pupilId: 'pupil-2',
  firstName: 'Pip',
  lastName: 'Placeholder',
  dateOfBirth: '2016-05-10',
};
/** Year 11 in 2024/25 (born January 2009): compulsory school age ends on Friday 27 June 2025. */
export const year11Pupil = {
  pupilId: 'pupil-3',
  firstName: 'Quill',
  lastName: 'Example',
  dateOfBirth: '2009-01-20',
};

export const mum = {
  parentId: 'parent-1',
  firstName: 'Marnie',
  lastName: 'Fictional',
  relationship: 'mother',
  dayToDayResponsibility: true,
};
export const uncle = {
  parentId: 'parent-2',
  firstName: 'Ulric',
  lastName: 'Madeup',
  relationship: 'uncle',
  dayToDayResponsibility: false,
};
export const school = { schoolId: 'school-1', name: 'Hollowmere Academy' };

export const opened = (pupil = secondaryPupil, parents = [mum, uncle]): AttendanceAimEvent =>
  ev('AttendanceCaseOpened', { pupil, school, parents, at: '2024-09-02T08:00:00Z' });

export const evidence = ev('SupportEvidenceAttached', {
  documentRef: 'doc-steps',
  steps: [
    {
      description: 'Morning check-in with a mentor',
      startedOn: '2024-09-09',
      engagement: 'not-engaged',
    },
  ],
  at: '2024-10-01T09:00:00Z',
});

export const MEETING = 'aim-1';
/** Tuesday 15 October 2024, 10:00 BST (09:00Z), at school. */
export const START = '2024-10-15T09:00:00Z';
/** When the AIM's attendance is recorded. */
export const HELD_AT = '2024-10-15T10:30:00Z';
export const venue = {
  setting: 'school' as const,
  location: { mode: 'venue' as const, venue: 'Hollowmere Academy, Room 4' },
};
export const scheduled = ev('AimScheduled', {
  meetingId: MEETING,
  start: START,
  venue,
  at: '2024-10-01T10:00:00Z',
});

export const goodLetter = {
  addressedTo: { firstName: 'Marnie', lastName: 'Fictional' },
  statesRiskOfProsecution: true,
  meetingDate: '2024-10-15',
  meetingTime: '10:00',
  venue: 'Hollowmere Academy, Room 4',
  invitesToSayIfCannotAttend: true,
  offersReasonableAdjustments: true,
  offersHomeOrNeutralVenue: true,
};
export const letterSent = ev('AimLetterSent', {
  meetingId: MEETING,
  parentId: 'parent-1',
  channel: 'post',
  documentRef: 'doc-letter-1',
  letter: goodLetter,
  at: '2024-10-02T09:00:00Z',
});

export const staff = [
  { role: 'attendance-lead' as const, personId: 'staff-1' },
  { role: 'senior-leader' as const, personId: 'staff-2' },
];
export const pupilAttends = { role: 'pupil' as const };
export const mumAttends = { role: 'parent-carer' as const, parentId: 'parent-1' };

export const held = (meetingId = MEETING, yearGroup = 9): AttendanceAimEvent =>
  ev('AimHeld', {
    meetingId,
    attendees: [...staff, pupilAttends, mumAttends],
    yearGroup,
    phase: yearGroup >= 7 ? 'secondary' : 'primary',
    pupilExpected: yearGroup >= 7,
    pupilPresent: true,
    parentsPresent: true,
    missingRoles: [],
    at: HELD_AT,
  });

export const targets = [
  {
    targetId: 't-1',
    party: 'pupil' as const,
    wording: 'No further unauthorised absences',
    measure: { kind: 'maxUnauthorisedSessions' as const, value: 0 },
  },
  {
    targetId: 't-2',
    party: 'parents' as const,
    wording: 'Attendance of 90% or more',
    measure: { kind: 'minAttendanceRate' as const, value: 0.9 },
  },
  { targetId: 't-3', party: 'school' as const, wording: 'Mentor meets the pupil every Monday' },
];
export const outcome = ev('AimOutcomeRecorded', {
  meetingId: MEETING,
  whatWorked: ['Walking to school with a friend'],
  strategies: [{ description: 'Reduced timetable for two weeks', isNew: true }],
  targets,
  nextSteps: [{ party: 'school', action: 'Book the review meeting' }],
  reviewDueOn: '2024-11-12',
  at: '2024-10-15T10:30:00Z',
});

/** Marks for every weekday from `from` to `to`, both sessions, with `code` (overrides per `date|AM`). */
export const marks = (
  from: string,
  to: string,
  code: SessionMark['code'],
  overrides: Record<string, SessionMark['code']> = {},
): SessionMark[] => {
  const out: SessionMark[] = [];
  for (
    let d = Date.parse(`${from}T00:00:00Z`);
    d <= Date.parse(`${to}T00:00:00Z`);
    d += 86_400_000
  ) {
    const date = new Date(d).toISOString().slice(0, 10);
    const dow = new Date(d).getUTCDay();
    if (dow === 0 || dow === 6) continue;
    for (const session of ['AM', 'PM'] as const)
      out.push({ date, session, code: overrides[`${date}|${session}`] ?? code });
  }
  return out;
};

export const imported = (
  from: string,
  to: string,
  sessions: SessionMark[],
  at = '2024-12-20T17:00:00Z',
): AttendanceAimEvent => ev('AttendanceImported', { period: { from, to }, sessions, at });

export const spec = deciderSpec(makeAttendanceAimDecider());
