/**
 * The initial AIM meeting tracked in its own stream (`@aimline/meetings`, issue 15): the
 * booking names its arrangements (MTG-1); the report to the chair (MTG-5) and the attendance
 * sheet (MTG-6) are recorded on the meeting stream and a process manager tells the case.
 */
import { describe, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { makeHsbDecider } from '../src/index.js';
import { arrangements, book, cmd, holdMeeting, noteAttendance } from './fixtures.js';
import {
  allocatedEvents,
  attendanceNoted,
  initialAimMeetingBooked,
  interventionEvents,
  readyForMeetingEvents,
  recorded,
  supervisionHeld,
  untrackedMeetingBooked,
} from './recorded.js';

const { given } = deciderSpec(makeHsbDecider());
const at = '2026-07-17T12:00:00Z';
const author = { id: 'as-1', role: 'social worker', agency: 'childrens-social-care' };
const noteReport = (reportKind = 'aim-report', meetingId = 'mtg-1') =>
  cmd('NoteReportToChair', '2026-07-15T09:00:00Z', { meetingId, reportKind, author } as never);
const booked = [...allocatedEvents(), supervisionHeld('initial', '2026-06-05T10:00:00Z')];
const trackedBooking = initialAimMeetingBooked('2026-06-05T10:30:00Z', '2026-07-17T10:00:00Z');
const beforeAttendance = readyForMeetingEvents().filter(
  (e) => e.type !== 'InitialAimMeetingAttendanceNoted',
);

describe('MTG-1: a booking names the arrangements its meeting stream is scheduled with', () => {
  it('MTG-1: the booking records the end, the chair, the lead professional and the place', () => {
    given(booked).when(book('2026-06-05T10:30:00Z', '2026-07-17T10:00:00Z')).then([trackedBooking]);
  });
  it('INPUT: a meeting that ends before it starts is refused', () => {
    const start = '2026-07-17T10:00:00Z';
    given(booked)
      .when(
        cmd('BookInitialAimMeeting', '2026-06-05T10:30:00Z', {
          meetingId: 'mtg-1',
          start,
          arrangements: { ...arrangements(start), end: '2026-07-17T09:00:00Z' },
        }),
      )
      .thenRejects('INPUT', { field: 'data.arrangements.end' });
  });
});

describe('MTG-5: one report to the chair, recorded on the meeting stream', () => {
  it('MTG-5: the AIM report that reached the chair meets the case deadline', () => {
    given([...booked, trackedBooking])
      .when(noteReport())
      .then([
        recorded('ReportToChairNoted', '2026-07-15T09:00:00Z', {
          meetingId: 'mtg-1',
          reportKind: 'aim-report',
          author,
        } as never),
      ]);
  });
  it('MTG-5: a second report, or a professional report, changes nothing on the case', () => {
    const noted = recorded('ReportToChairNoted', '2026-07-14T09:00:00Z', {
      meetingId: 'mtg-1',
      reportKind: 'aim-report',
      author,
    } as never);
    given([...booked, trackedBooking, noted])
      .when(noteReport())
      .thenNothingHappens();
    given([...booked, trackedBooking])
      .when(noteReport('professional-report'))
      .thenNothingHappens();
  });
  it('INPUT / STATE: the fact must be about the booked, tracked meeting', () => {
    given([...booked, trackedBooking])
      .when(noteReport('aim-report', 'mtg-2'))
      .thenRejects('INPUT', { field: 'data.meetingId' });
    given([...booked, untrackedMeetingBooked('2026-06-05T10:30:00Z', '2026-07-17T10:00:00Z')])
      .when(noteReport())
      .thenRejects('STATE', { field: 'data.meetingId' });
    given(booked).when(noteReport()).thenRejects('STATE', { field: 'data.meetingId' });
  });
  it('MTG-5: a booking stored before arrangements were named keeps SubmitReport to the chair', () => {
    const legacy = [
      ...booked,
      untrackedMeetingBooked('2026-06-05T10:30:00Z', '2026-07-17T10:00:00Z'),
    ];
    given(legacy)
      .when(cmd('SubmitReport', '2026-07-13T09:00:00Z', { recipient: 'chair' } as never))
      .events();
  });
});

describe("MTG-6 / HSB-21: holding the meeting checks the meeting stream's attendance", () => {
  it('MTG-6: the meeting is not held on the case before its attendance is recorded on the meeting stream', () => {
    given(beforeAttendance).when(holdMeeting(at)).thenRejects('MTG-6', { field: 'data.meetingId' });
  });
  it('MTG-6: the attendance sheet is noted on the case; the latest sheet counts', () => {
    given(beforeAttendance).when(noteAttendance('2026-07-17T11:50:00Z')).then([attendanceNoted()]);
    given([...beforeAttendance, attendanceNoted('2026-07-17T11:40:00Z', { iroPresent: false })])
      .when(holdMeeting(at))
      .thenRejects('HSB-21', { field: 'data.iroPresent' });
    given([
      ...beforeAttendance,
      attendanceNoted('2026-07-17T11:40:00Z', { iroPresent: false }),
      attendanceNoted('2026-07-17T11:50:00Z'),
    ])
      .when(holdMeeting(at))
      .events();
  });
  it('HSB-21: saying parents or the young person were invited when the meeting sent them no invitation is refused', () => {
    given([...beforeAttendance, attendanceNoted(undefined, { parentsCarersInvited: false })])
      .when(holdMeeting(at))
      .thenRejects('HSB-21', { field: 'data.parentsCarers.invited' });
    given([...beforeAttendance, attendanceNoted(undefined, { youngPersonInvited: false })])
      .when(holdMeeting(at))
      .thenRejects('HSB-21', { field: 'data.youngPerson.invited' });
    given([...beforeAttendance, attendanceNoted(undefined, { parentsCarersInvited: false })])
      .when(
        holdMeeting(at, {
          parentsCarers: { invited: false, exclusionReason: 'Invented exceptional reason.' },
        }),
      )
      .events();
  });
  it('HSB-21: the IRO present on the case must be the IRO present on the sheet', () => {
    given([...beforeAttendance, attendanceNoted()])
      .when(holdMeeting(at, { iroPresent: false }))
      .thenRejects('HSB-21', { field: 'data.iroPresent' });
  });
  it('a booking stored before arrangements were named is held without a meeting stream, as before', () => {
    const legacy = beforeAttendance.map((e) =>
      e.type === 'InitialAimMeetingBooked'
        ? untrackedMeetingBooked('2026-06-05T10:30:00Z', '2026-07-17T10:00:00Z')
        : e,
    );
    given(legacy).when(holdMeeting(at)).events();
  });
  it('INPUT / STATE: attendance of another meeting, or of a meeting already held, is refused', () => {
    given(beforeAttendance)
      .when(noteAttendance('2026-07-17T11:50:00Z', { meetingId: 'mtg-9' }))
      .thenRejects('INPUT', { field: 'data.meetingId' });
    given(interventionEvents())
      .when(noteAttendance('2026-07-17T12:30:00Z'))
      .thenRejects('STATE', { field: 'data.caseId' });
    given(interventionEvents()).when(noteReport()).thenRejects('STATE', { field: 'data.caseId' });
  });
});
