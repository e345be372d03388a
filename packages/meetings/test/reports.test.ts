import { describe, expect, it } from 'vitest';
import { englandAndWales } from '@aimline/calendar';
import { deciderSpec } from '@aimline/kernel/testing';
import {
  meetingDeadlines,
  defaultMeetingPolicy,
  makeMeetingDecider,
  meetingPolicy,
  type MeetingEvent,
} from '../src/index.js';
import {
  asLead,
  attended,
  command,
  event,
  lead,
  listSubmitted,
  scheduleData,
  scheduled,
  teacher,
} from './fixtures.js';

const decider = makeMeetingDecider();
const spec = deciderSpec(decider);
const stateOf = (events: ReadonlyArray<MeetingEvent>) =>
  events.reduce(decider.evolve, decider.initialState);
const aimAuthor = { id: lead.id, role: lead.role, agency: lead.agency };
const teacherAuthor = { id: teacher.id, role: teacher.role, agency: 'education' as const };
const reportEvent = (
  at: string,
  reportKind: 'aim-report' | 'professional-report' = 'aim-report',
  author = aimAuthor,
) => event('ReportSubmittedToChair', { at, reportKind, author });
const mtg5 = (events: ReadonlyArray<MeetingEvent>, policy = defaultMeetingPolicy) =>
  meetingDeadlines(stateOf(events), policy, englandAndWales).filter((d) => d.ruleId === 'MTG-5');

describe('MTG-5: reports reach the chair 2 days before the meeting (T-4)', () => {
  it('MTG-5: a report to the chair is recorded with its kind and author', () => {
    spec
      .given([scheduled()])
      .when(
        command(
          'SubmitReportToChair',
          { reportKind: 'aim-report', author: aimAuthor },
          '2026-03-09T16:00:00Z',
          asLead,
        ),
      )
      .then([reportEvent('2026-03-09T16:00:00Z')]);
  });

  it('MTG-5: reports go to the chair before the meeting, not after it is held', () => {
    spec
      .given([scheduled(), listSubmitted(), attended()])
      .when(
        command(
          'SubmitReportToChair',
          { reportKind: 'aim-report', author: aimAuthor },
          '2026-03-13T09:00:00Z',
          asLead,
        ),
      )
      .thenRejects('STATE', { field: 'data.meetingId' });
  });

  it('MTG-5: the AIM report of an initial AIM meeting on Thu 12 Mar is due by the end of Tue 10 Mar, open until it arrives', () => {
    const [d] = mtg5([scheduled()]);
    expect(d).toMatchObject({
      ruleId: 'MTG-5',
      label: 'AIM report to the chair',
      trigger: { event: 'MeetingScheduled' },
      unit: 'daysBefore',
      amount: 2,
      calendarId: 'england-and-wales',
      due: '2026-03-10T23:59:59.999Z',
      status: { kind: 'open' },
    });
    expect(d?.explanation).toMatch(/2 days before the meeting/);
  });

  it('MTG-5: the report submitted on time meets the deadline at its instant', () => {
    const [d] = mtg5([scheduled(), reportEvent('2026-03-09T16:00:00Z')]);
    expect(d?.status).toEqual({ kind: 'met', at: '2026-03-09T16:00:00.000Z' });
    expect(d?.label).toBe('AIM report to the chair from sw-1');
  });

  it('MTG-5: a report arriving the day before the meeting is met late (breached with metAt)', () => {
    const [d] = mtg5([scheduled(), reportEvent('2026-03-11T09:00:00Z')]);
    expect(d?.status).toMatchObject({ kind: 'breached', metAt: '2026-03-11T09:00:00.000Z' });
  });

  it('MTG-5: each professional report is tracked per author', () => {
    const ds = mtg5([
      scheduled(),
      reportEvent('2026-03-09T16:00:00Z'),
      reportEvent('2026-03-11T08:00:00Z', 'professional-report', teacherAuthor),
    ]);
    expect(ds.map((d) => [d.label, d.status.kind])).toEqual([
      ['AIM report to the chair from sw-1', 'met'],
      ["Professional's report to the chair from pro-1", 'breached'],
    ]);
  });

  it('MTG-5 (T-4): two days before a Monday meeting is a Saturday, so the due day moves back to Friday', () => {
    const monday = event('MeetingScheduled', {
      at: '2026-02-02T09:00:00Z',
      ...scheduleData,
      start: '2026-03-16T10:00:00Z',
      end: '2026-03-16T12:00:00Z',
    });
    expect(mtg5([monday])[0]?.due).toBe('2026-03-13T23:59:59.999Z');
  });

  it('MTG-5 (T-4): before a meeting on Wed 8 Apr 2026 the due day skips Easter Monday and Good Friday to Thu 2 Apr (BST)', () => {
    const afterEaster = event('MeetingScheduled', {
      at: '2026-02-02T09:00:00Z',
      ...scheduleData,
      start: '2026-04-08T09:00:00Z',
      end: '2026-04-08T11:00:00Z',
    });
    expect(mtg5([afterEaster])[0]?.due).toBe('2026-04-02T22:59:59.999Z');
  });

  it('MTG-5: a reschedule moves the deadline and becomes its trigger', () => {
    const moved = event('MeetingRescheduled', {
      at: '2026-02-20T09:00:00Z',
      start: '2026-03-19T10:00:00Z',
      end: '2026-03-19T12:00:00Z',
      location: scheduleData.location,
      previousStart: scheduleData.start,
      reason: 'chair unavailable',
    });
    const [d] = mtg5([scheduled(), moved]);
    expect(d?.due).toBe('2026-03-17T23:59:59.999Z');
    expect(d?.trigger.event).toBe('MeetingRescheduled');
  });

  it('MTG-5: a cancelled meeting waives the reports still expected', () => {
    const [d] = mtg5([
      scheduled(),
      event('MeetingCancelled', { at: '2026-03-01T09:00:00Z', reason: 'case closed' }),
    ]);
    expect(d?.status).toMatchObject({ kind: 'waived', reason: 'the meeting was cancelled' });
  });

  it('MTG-5: the expected reports and the days before are council policy', () => {
    const policy = meetingPolicy({
      reportsToChair: { daysBefore: 3, ruleId: 'MTG-5' },
      expectedReports: {},
    });
    expect(mtg5([scheduled()], policy)).toEqual([]);
    const [d] = mtg5([scheduled(), reportEvent('2026-03-09T16:00:00Z')], policy);
    expect(d?.due).toBe('2026-03-09T23:59:59.999Z');
  });
});
