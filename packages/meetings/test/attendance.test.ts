import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import {
  apologies,
  isHeld,
  makeMeetingDecider,
  presentAttendees,
  type AttendanceEntryInput as AttendanceEntry,
} from '../src/index.js';
import {
  apologiesFrom,
  attended,
  chair,
  command,
  listSubmitted,
  minuteTaker,
  parent,
  present,
  scheduled,
  sheet,
  teacher,
  yjsOfficer,
} from './fixtures.js';

const decider = makeMeetingDecider();
const spec = deciderSpec(decider);
const asMinuteTaker = { id: minuteTaker.id, role: minuteTaker.role, agency: minuteTaker.agency };
const given = [scheduled(), listSubmitted()];
const at = '2026-03-12T12:05:00Z';
const record = (attendees: ReadonlyArray<AttendanceEntry>, when = at) =>
  command('RecordAttendance', { attendees: [...attendees] }, when, asMinuteTaker);

describe('MTG-6: the attendance sheet is completed at the meeting, details re-confirmed', () => {
  it('MTG-6: the sheet records who, role, present / apologies, and who recorded it', () => {
    spec
      .given(given)
      .when(record(sheet))
      .then([attended(sheet, at)]);
  });

  it('MTG-6: recording attendance makes the meeting held; present includes deputies, not apologies', () => {
    const deputy: AttendanceEntry = {
      personId: 'pro-3',
      name: 'Kim Testdeputy',
      role: 'youth justice officer',
      agency: 'youth-offending-service',
      status: 'deputy',
      deputyFor: yjsOfficer.id,
      detailsReconfirmed: true,
    };
    const state = [...given, attended([present(chair), deputy, apologiesFrom(yjsOfficer)])].reduce(
      decider.evolve,
      decider.initialState,
    );
    expect(isHeld(state)).toBe(true);
    expect(state.phase).toBe('held');
    expect(presentAttendees(state).map((a) => a.personId)).toEqual([chair.id, 'pro-3']);
    expect(apologies(state).map((a) => a.personId)).toEqual([yjsOfficer.id]);
  });

  it('MTG-6: a present attendee whose details were not re-confirmed is rejected, naming the line', () => {
    spec
      .given(given)
      .when(record([present(chair), { ...present(parent), detailsReconfirmed: false }]))
      .thenRejects('MTG-6', { field: 'data.attendees.1.detailsReconfirmed' });
  });

  it('MTG-6: a deputy names whom they deputise for', () => {
    spec
      .given(given)
      .when(record([present(chair), { ...present(teacher), status: 'deputy' }]))
      .thenRejects('INPUT', { field: 'data.attendees.1.deputyFor' });
  });

  it('MTG-6: attendance is taken at the meeting, not before it starts', () => {
    spec
      .given(given)
      .when(record(sheet, '2026-03-11T15:00:00Z'))
      .thenRejects('STATE', { field: 'at' });
  });

  it('MTG-6: nobody present means the meeting was not held', () => {
    spec
      .given(given)
      .when(record([apologiesFrom(parent), apologiesFrom(teacher)]))
      .thenRejects('INPUT');
  });

  it('MTG-6: one person is on the sheet once', () => {
    spec
      .given(given)
      .when(record([present(chair), present(parent), present(chair)]))
      .thenRejects('INPUT', { field: 'data.attendees.2.personId' });
  });

  it('MTG-6: the sheet is recorded once', () => {
    spec
      .given([...given, attended()])
      .when(record(sheet))
      .thenRejects('STATE', { field: 'data.meetingId' });
  });
});
