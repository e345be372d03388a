// Source 000: "BUSINESS SUPPORT DISTRIBUTE MINUTES AND UPLOAD WITH ATTENDANCE LIST TO ICS & IYSS",
// then "BUSINESS SUPPORT ENSURES ALL LISTS & HARDCOPY DOCUMENTS DESTROYED". Source 003: "The
// formal minutes of the meeting will be recorded in the documents section of Liquidlogic and
// categorised as: P25 YYYY/MM/DD LEGAL MEETINGS (HSB AIM)."
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { fold } from '@aimline/kernel';
import { panelDeadlines, makeSittingDecider, type PanelSittingEvent } from '../src/index.js';
import { calendar, member, policy, sittingCmd } from './fixtures.js';

const decider = makeSittingDecider();
const spec = deciderSpec(decider);

const held: PanelSittingEvent[] = [
  {
    type: 'SittingScheduled',
    data: {
      sittingId: '2026-03',
      at: '2026-02-01T09:00:00.000Z',
      meetingId: 'mtg-1',
      slot: {
        date: '2026-03-02',
        start: '2026-03-02T13:00:00.000Z',
        end: '2026-03-02T17:00:00.000Z',
        venue: 'Riverside Family Hub, Sorrell Road, Grimsby',
      },
      patternDate: '2026-03-02',
      movedFrom: null,
    },
  },
  {
    type: 'AttendanceRecorded',
    data: {
      sittingId: '2026-03',
      at: '2026-03-02T13:05:00.000Z',
      attendees: [{ role: 'chair', member: member('chair'), status: 'present' }],
    },
  },
  {
    type: 'SittingHeld',
    data: { sittingId: '2026-03', at: '2026-03-02T13:10:00.000Z', chairedBy: 'chair' },
  },
];
const approved: PanelSittingEvent[] = [
  ...held,
  {
    type: 'MinutesApproved',
    data: { sittingId: '2026-03', at: '2026-03-05T10:00:00.000Z', approvedBy: 'chair-1' },
  },
];
const upload = (attendanceListIncluded = true) =>
  sittingCmd(
    'UploadMinutes',
    { sittingId: '2026-03', systems: ['Liquidlogic'], attendanceListIncluded },
    '2026-03-06T11:00:00Z',
  );
const destroy = sittingCmd('DestroyHardCopies', { sittingId: '2026-03' }, '2026-03-09T16:00:00Z');
const uploaded: PanelSittingEvent[] = [
  ...approved,
  {
    type: 'MinutesUploaded',
    data: {
      sittingId: '2026-03',
      at: '2026-03-06T11:00:00.000Z',
      systems: ['Liquidlogic'],
      attendanceListIncluded: true,
      documentCategory: 'P25 2026/03/02 LEGAL MEETINGS (HSB AIM)',
    },
  },
];
const mtg9 = (events: ReadonlyArray<PanelSittingEvent>) =>
  panelDeadlines(fold(decider)(events), policy, calendar).filter((d) => d.ruleId === 'MTG-9');

describe('MTG-8 / MTG-9 / PNL-8: the sitting’s minutes are uploaded, then the copies destroyed', () => {
  it('MTG-8, PNL-8: approved minutes are uploaded with the attendance list, categorised P25', () => {
    spec
      .given(approved)
      .when(upload())
      .then([
        {
          type: 'MinutesUploaded',
          data: {
            sittingId: '2026-03',
            at: '2026-03-06T11:00:00Z',
            systems: ['Liquidlogic'],
            attendanceListIncluded: true,
            documentCategory: 'P25 2026/03/02 LEGAL MEETINGS (HSB AIM)',
          },
        },
      ]);
  });
  it('MTG-7: unapproved minutes are not uploaded; MTG-8: not without the attendance list; once only', () => {
    spec.given(held).when(upload()).thenRejects('MTG-7');
    spec
      .given(approved)
      .when(upload(false))
      .thenRejects('MTG-8', { field: 'data.attendanceListIncluded' });
    spec.given(uploaded).when(upload()).thenRejects('STATE', { field: 'data.sittingId' });
    spec.given(held.slice(0, 2)).when(upload()).thenRejects('STATE', { field: 'data.sittingId' });
  });
  it('MTG-9: lists and hard copies are destroyed only once the minutes are uploaded', () => {
    spec.given(approved).when(destroy).thenRejects('MTG-9');
    spec
      .given(uploaded)
      .when(destroy)
      .then([
        {
          type: 'HardCopiesDestroyed',
          data: { sittingId: '2026-03', at: '2026-03-09T16:00:00Z', destroyedBy: 'bs-1' },
        },
      ]);
  });
  it('MTG-9: the obligation opens at the upload and stays open, visibly, until the copies are destroyed', () => {
    expect(mtg9(approved)).toEqual([]);
    expect(mtg9(uploaded)).toMatchObject([
      {
        ruleId: 'MTG-9',
        trigger: { event: 'MinutesUploaded', at: '2026-03-06T11:00:00.000Z' },
        unit: 'workingDays',
        amount: 5,
        due: '2026-03-13T23:59:59.999Z',
        status: { kind: 'open' },
      },
    ]);
    const destroyed = [...uploaded, ...spec.given(uploaded).when(destroy).events()];
    expect(mtg9(destroyed)[0]?.status).toEqual({ kind: 'met', at: '2026-03-09T16:00:00.000Z' });
    spec.given(destroyed).when(destroy).then([]);
  });
});
