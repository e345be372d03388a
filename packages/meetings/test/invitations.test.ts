import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { invitationsOutdated, makeMeetingDecider, type MeetingEvent } from '../src/index.js';
import {
  asLead,
  asSupport,
  attended,
  command,
  confirmed,
  event,
  lead,
  listSubmitted,
  parent,
  scheduled,
  teacher,
} from './fixtures.js';

const spec = deciderSpec(makeMeetingDecider());
const at = '2026-02-05T09:00:00Z';
const given = [scheduled(), listSubmitted()];

describe('MTG-3: business support cross-check contact details before an invitation goes', () => {
  it("MTG-3: confirming an invitee's details against the case system records who checked, and where", () => {
    spec
      .given(given)
      .when(
        command(
          'ConfirmContactDetails',
          { inviteeId: parent.id, checkedAgainst: 'ICS' },
          '2026-02-04T09:00:00Z',
        ),
      )
      .then([confirmed(parent.id)]);
  });

  it('MTG-3: an anomaly goes back to the lead professional', () => {
    spec
      .given(given)
      .when(
        command(
          'QueryContactDetails',
          { inviteeId: parent.id, anomaly: 'address differs from IYSS' },
          at,
        ),
      )
      .then([
        event('ContactDetailsQueried', {
          at,
          inviteeId: parent.id,
          anomaly: 'address differs from IYSS',
          referredTo: lead.id,
        }),
      ]);
  });

  it("MTG-3: an invitee whose details are unchecked blocks that invitee's invitation (rejection names data.inviteeId)", () => {
    spec
      .given(given)
      .when(command('SendInvitation', { inviteeId: teacher.id, channel: 'email' }, at))
      .thenRejects('MTG-3', { field: 'data.inviteeId', reason: /pro-1.*unchecked/ });
  });

  it('MTG-3: an invitee whose details were queried stays blocked', () => {
    spec
      .given([
        ...given,
        event('ContactDetailsQueried', {
          at,
          inviteeId: parent.id,
          anomaly: 'moved',
          referredTo: lead.id,
        }),
      ])
      .when(command('SendInvitation', { inviteeId: parent.id, channel: 'post' }, at))
      .thenRejects('MTG-3', { field: 'data.inviteeId' });
  });

  it('MTG-3: amended details must be checked again before the invitation goes', () => {
    const amended = event('ContactDetailsAmended', {
      at,
      inviteeId: parent.id,
      contact: { post: '2 Invented Row, Testtown TT1 1AB' },
    });
    spec
      .given([...given, confirmed(parent.id)])
      .when(
        command(
          'AmendContactDetails',
          { inviteeId: parent.id, contact: { post: '2 Invented Row, Testtown TT1 1AB' } },
          at,
          asLead,
        ),
      )
      .then([amended]);
    spec
      .given([...given, confirmed(parent.id), amended])
      .when(command('SendInvitation', { inviteeId: parent.id, channel: 'post' }, at))
      .thenRejects('MTG-3', { field: 'data.inviteeId' });
  });

  it("MTG-3: one invitee's unconfirmed details do not block another invitee's invitation", () => {
    spec
      .given([...given, confirmed(teacher.id)])
      .when(command('SendInvitation', { inviteeId: teacher.id, channel: 'email' }, at))
      .then([event('InvitationSent', { at, inviteeId: teacher.id, channel: 'email' })]);
  });

  it('MTG-3: confirming details already confirmed records nothing', () => {
    spec
      .given([...given, confirmed(parent.id)])
      .when(command('ConfirmContactDetails', { inviteeId: parent.id, checkedAgainst: 'IYSS' }, at))
      .thenNothingHappens();
  });

  it('MTG-3: someone not on the invite list cannot be checked or invited', () => {
    spec
      .given(given)
      .when(
        command(
          'ConfirmContactDetails',
          { inviteeId: 'nobody-9', checkedAgainst: 'ICS' },
          at,
          asSupport,
        ),
      )
      .thenRejects('INPUT', { field: 'data.inviteeId' });
    spec
      .given(given)
      .when(command('SendInvitation', { inviteeId: 'nobody-9', channel: 'post' }, at))
      .thenRejects('INPUT', { field: 'data.inviteeId' });
  });
});

describe('MTG-4: invitations go by email or post', () => {
  it('MTG-4: a confirmed invitee is sent the letter by post', () => {
    spec
      .given([...given, confirmed(parent.id)])
      .when(command('SendInvitation', { inviteeId: parent.id, channel: 'post' }, at))
      .then([event('InvitationSent', { at, inviteeId: parent.id, channel: 'post' })]);
  });

  it('MTG-4: the channel needs the matching contact detail (no email address, no email)', () => {
    spec
      .given([...given, confirmed(parent.id)])
      .when(command('SendInvitation', { inviteeId: parent.id, channel: 'email' }, at))
      .thenRejects('INPUT', { field: 'data.channel' });
  });

  it('MTG-4: after a reschedule, letters sent before it are outdated until sent again', () => {
    const decider = makeMeetingDecider();
    const stateOf = (events: ReadonlyArray<MeetingEvent>) =>
      events.reduce(decider.evolve, decider.initialState);
    const sent = (inviteeId: string, when: string) =>
      event('InvitationSent', { at: when, inviteeId, channel: 'post' });
    const moved = event('MeetingRescheduled', {
      at: '2026-02-10T09:00:00Z',
      start: '2026-03-19T10:00:00Z',
      end: '2026-03-19T12:00:00Z',
      location: { mode: 'venue', venue: 'Room 4, Invented House' },
      previousStart: '2026-03-12T10:00:00Z',
      reason: 'chair unavailable',
    });
    const history = [...given, confirmed(parent.id), sent(parent.id, at)];
    expect(invitationsOutdated(stateOf(history))).toEqual([]);
    expect(invitationsOutdated(stateOf([...history, moved]))).toEqual([parent.id]);
    expect(
      invitationsOutdated(stateOf([...history, moved, sent(parent.id, '2026-02-11T09:00:00Z')])),
    ).toEqual([]);
  });

  it('MTG-4: no invitations once the meeting has been held', () => {
    spec
      .given([...given, confirmed(parent.id), attended()])
      .when(
        command(
          'SendInvitation',
          { inviteeId: parent.id, channel: 'post' },
          '2026-03-13T09:00:00Z',
        ),
      )
      .thenRejects('STATE', { field: 'data.meetingId' });
  });
});
