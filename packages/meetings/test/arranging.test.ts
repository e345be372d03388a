import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { makeMeetingDecider } from '../src/index.js';
import {
  END,
  START,
  asLead,
  attended,
  command,
  event,
  invitees,
  listSubmitted,
  minuteTaker,
  parent,
  scheduleData,
  scheduled,
  teacher,
} from './fixtures.js';

const spec = deciderSpec(makeMeetingDecider());
const at = '2026-02-02T09:00:00Z';

describe('MTG-1: the lead professional arranges the meeting with the chair', () => {
  it('MTG-1: scheduling records the kind, the subjects (ids only), chair, lead, start, end and venue', () => {
    spec
      .given([])
      .when(command('ScheduleMeeting', scheduleData, at, asLead))
      .then([scheduled(at)]);
  });

  it('MTG-1: an online meeting records the platform instead of a venue', () => {
    const data = { ...scheduleData, location: { mode: 'online' as const, platform: 'Teams' } };
    spec
      .given([])
      .when(command('ScheduleMeeting', { ...data, purpose: 'Initial AIM for case-77' }, at, asLead))
      .then([event('MeetingScheduled', { at, ...data, purpose: 'Initial AIM for case-77' })]);
  });

  it('MTG-1: a meeting that ends before it starts is an input error on data.end', () => {
    spec
      .given([])
      .when(
        command('ScheduleMeeting', { ...scheduleData, end: '2026-03-12T09:00:00Z' }, at, asLead),
      )
      .thenRejects('INPUT', { field: 'data.end' });
  });

  it('MTG-1: a meeting belongs to at least one case or subject', () => {
    spec
      .given([])
      .when(command('ScheduleMeeting', { ...scheduleData, subjects: [] }, at, asLead))
      .thenRejects('INPUT', { field: 'data.subjects' });
  });

  it('MTG-1: a meeting is scheduled once', () => {
    spec
      .given([scheduled()])
      .when(command('ScheduleMeeting', scheduleData, at, asLead))
      .thenRejects('STATE', { field: 'data.meetingId' });
  });

  it('MTG-1: rescheduling records the new time, the previous start and the reason', () => {
    const newStart = '2026-03-19T10:00:00Z';
    const newEnd = '2026-03-19T12:00:00Z';
    spec
      .given([scheduled()])
      .when(
        command(
          'RescheduleMeeting',
          { start: newStart, end: newEnd, reason: 'chair unavailable' },
          '2026-02-10T09:00:00Z',
          asLead,
        ),
      )
      .then([
        event('MeetingRescheduled', {
          at: '2026-02-10T09:00:00Z',
          start: newStart,
          end: newEnd,
          location: scheduleData.location,
          previousStart: START,
          reason: 'chair unavailable',
        }),
      ]);
  });

  it('MTG-1: rescheduling to the same time and place records nothing', () => {
    spec
      .given([scheduled()])
      .when(
        command('RescheduleMeeting', { start: START, end: END, reason: 'no change' }, at, asLead),
      )
      .thenNothingHappens();
  });

  it('MTG-1: a held meeting cannot be rescheduled or cancelled', () => {
    const given = [scheduled(), listSubmitted(), attended()];
    spec
      .given(given)
      .when(command('RescheduleMeeting', { start: START, end: END, reason: 'late' }, at, asLead))
      .thenRejects('STATE', { field: 'data.meetingId' });
    spec
      .given(given)
      .when(command('CancelMeeting', { reason: 'no longer needed' }, at, asLead))
      .thenRejects('STATE', { field: 'data.meetingId' });
  });

  it('MTG-1: cancellation records the reason; a cancelled meeting accepts no further command', () => {
    const cancelled = event('MeetingCancelled', { at, reason: 'case closed' });
    spec
      .given([scheduled()])
      .when(command('CancelMeeting', { reason: 'case closed' }, at, asLead))
      .then([cancelled]);
    spec
      .given([scheduled(), cancelled])
      .when(command('SubmitInviteList', { invitees: [...invitees] }, at, asLead))
      .thenRejects('STATE', { reason: /cancelled/ });
  });

  it('MTG-1: a command for another meeting id does not belong to this stream', () => {
    spec
      .given([scheduled()])
      .when({
        type: 'CancelMeeting',
        data: { meetingId: 'm-9999', reason: 'x' },
        at,
        actor: asLead,
      })
      .thenRejects('INPUT', { field: 'data.meetingId' });
  });

  it('MTG-1: nothing can happen to a meeting that is not scheduled', () => {
    spec
      .given([])
      .when(command('CancelMeeting', { reason: 'x' }, at, asLead))
      .thenRejects('STATE', { field: 'data.meetingId' });
  });
});

describe('MTG-2: the invite list goes to business support, who allocate a minute taker', () => {
  it('MTG-2: the invite list is recorded with every invitee (personal details marked in the codec)', () => {
    spec
      .given([scheduled()])
      .when(
        command('SubmitInviteList', { invitees: [...invitees] }, '2026-02-03T09:00:00Z', asLead),
      )
      .then([listSubmitted()]);
  });

  it('MTG-2: an invitee already on the list is an input error naming the entry', () => {
    spec
      .given([scheduled(), listSubmitted([parent])])
      .when(command('SubmitInviteList', { invitees: [teacher, parent] }, at, asLead))
      .thenRejects('INPUT', { field: 'data.invitees.1.id' });
  });

  it('MTG-2: an invitee with neither an email nor a postal address cannot be invited', () => {
    spec
      .given([scheduled()])
      .when(command('SubmitInviteList', { invitees: [{ ...teacher, contact: {} }] }, at, asLead))
      .thenRejects('INPUT', { field: 'data.invitees.0.contact' });
  });

  it('MTG-2: an empty invite list is an input error', () => {
    spec
      .given([scheduled()])
      .when(command('SubmitInviteList', { invitees: [] }, at, asLead))
      .thenRejects('INPUT');
  });

  it('MTG-2: business support allocate a minute taker; the same allocation again records nothing', () => {
    const allocated = event('MinuteTakerAllocated', { at, minuteTaker });
    spec
      .given([scheduled()])
      .when(command('AllocateMinuteTaker', { minuteTaker }, at))
      .then([allocated]);
    spec
      .given([scheduled(), allocated])
      .when(command('AllocateMinuteTaker', { minuteTaker }, at))
      .thenNothingHappens();
  });

  it('MTG-2: the folded state holds the invitees, each with unchecked contact details, and the minute taker', () => {
    const decider = makeMeetingDecider();
    const state = [
      scheduled(),
      listSubmitted(),
      event('MinuteTakerAllocated', { at, minuteTaker }),
    ].reduce(decider.evolve, decider.initialState);
    expect(state.invitees.map((i) => [i.invitee.id, i.contactCheck.status])).toEqual(
      invitees.map((i) => [i.id, 'unchecked']),
    );
    expect(state.minuteTaker).toEqual(minuteTaker);
  });
});
