// Source 003: "There is an expectation that each referrer into the AIM panel will attend to present
// the case." and "Business support for the panel will be undertaken by NELC who will minute key
// actions and distribute to all participants within 7 working days." A referrer who presented is
// a participant: present for MTG-8, never a seat on the panel (PNL-2).
import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { fold } from '@aimline/kernel';
import {
  panelDeadlines,
  makeReferralDecider,
  makeSittingDecider,
  minutesRecipients,
  presentingReferrerFor,
  type InvitedAttendee,
  type PanelReferralEvent,
  type PanelSittingEvent,
} from '../src/index.js';
import {
  bookingAt,
  calendar,
  chairActor,
  child,
  member,
  policy,
  referralCmd,
  referrer,
  sittingCmd,
} from './fixtures.js';

const sittings = makeSittingDecider();
const sitting = deciderSpec(sittings);
const referrals = makeReferralDecider();
const referral = deciderSpec(referrals);

const then = <E>(given: ReadonlyArray<E>, more: ReadonlyArray<E>): E[] => [...given, ...more];

const sittingGiven: PanelSittingEvent[] = [
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
      attendees: [
        { role: 'chair', member: member('chair'), status: 'present' },
        { role: 'police', member: member('police'), status: 'present' },
      ],
    },
  },
  {
    type: 'SittingHeld',
    data: { sittingId: '2026-03', at: '2026-03-02T13:10:00.000Z', chairedBy: 'chair' },
  },
  {
    type: 'MinutesApproved',
    data: { sittingId: '2026-03', at: '2026-03-05T10:00:00.000Z', approvedBy: 'chair-1' },
  },
];

const receivedAt = '2026-02-02T10:00:00Z';
const referralGiven: ReadonlyArray<PanelReferralEvent> = referral
  .given([])
  .when(
    referralCmd(
      'ReceiveReferral',
      {
        referralId: 'R1',
        child,
        referrer,
        concernSummary: 'Invented concern',
        behaviourTypes: ['contact'],
        booking: bookingAt(receivedAt),
      },
      receivedAt,
    ),
  )
  .events();
const referrerPresent = then(
  referralGiven,
  referral
    .given(referralGiven)
    .when(
      referralCmd(
        'RecordReferrerAttendance',
        { referralId: 'R1', sittingId: '2026-03', present: true },
        '2026-03-02T13:30:00Z',
      ),
    )
    .events(),
);

const recordInvited = (attendees: InvitedAttendee[], at = '2026-03-02T13:30:00Z') =>
  sittingCmd('RecordInvitedAttendance', { sittingId: '2026-03', attendees }, at);
const distribute = (recipients?: string[]) =>
  sittingCmd(
    'DistributeMinutes',
    { sittingId: '2026-03', ...(recipients === undefined ? {} : { recipients }) },
    '2026-03-09T10:00:00Z',
  );

describe('MTG-8 / PNL-5: a presenting referrer is a participant, not a member', () => {
  const presenter = presentingReferrerFor(fold(referrals)(referrerPresent), '2026-03');

  it('PNL-5: the referral’s record of its referrer is the sitting’s invited attendee', () => {
    expect(presenter).toEqual({
      person: referrer,
      capacity: 'presenting-referrer',
      status: 'present',
      referralId: 'R1',
    });
    expect(presentingReferrerFor(fold(referrals)(referralGiven), '2026-03')).toBeUndefined();
  });

  it('MTG-8: the referrer who presented is sent the minutes ("distribute to all participants")', () => {
    const recorded = sitting
      .given(sittingGiven)
      .when(recordInvited([presenter!]))
      .events();
    expect(recorded).toEqual([
      {
        type: 'InvitedAttendanceRecorded',
        data: {
          sittingId: '2026-03',
          at: '2026-03-02T13:30:00Z',
          attendees: [presenter],
        },
      },
    ]);
    const withReferrer = then(sittingGiven, recorded);
    expect(
      sitting
        .given(withReferrer)
        .when(distribute([referrer.id]))
        .events(),
    ).toMatchObject([{ type: 'MinutesDistributed', data: { recipients: [referrer.id] } }]);
    expect(sitting.given(withReferrer).when(distribute()).events()).toMatchObject([
      { data: { recipients: ['chair-1', 'police-1', referrer.id] } },
    ]);
  });

  it('PNL-7: the minutes are distributed only once they have reached the presenting referrer too', () => {
    const withReferrer = then(
      sittingGiven,
      sitting
        .given(sittingGiven)
        .when(recordInvited([presenter!]))
        .events(),
    );
    const members = then(
      withReferrer,
      sitting
        .given(withReferrer)
        .when(distribute(['chair-1', 'police-1']))
        .events(),
    );
    expect(panelDeadlines(fold(sittings)(members), policy, calendar)[0]?.status.kind).toBe('open');
    const all = then(members, sitting.given(members).when(distribute()).events());
    expect(panelDeadlines(fold(sittings)(all), policy, calendar)[0]?.status).toEqual({
      kind: 'met',
      at: '2026-03-09T10:00:00.000Z',
    });
  });

  it('PNL-2: the presenting referrer does not become a member: the seat attendance still refuses them, and they do not chair', () => {
    const withReferrer = then(
      sittingGiven.slice(0, 1),
      sitting
        .given(sittingGiven.slice(0, 1))
        .when(recordInvited([presenter!], '2026-03-02T13:02:00Z'))
        .events(),
    );
    sitting
      .given(withReferrer)
      .when(
        sittingCmd(
          'RecordAttendance',
          {
            sittingId: '2026-03',
            attendees: [
              {
                role: 'chair',
                member: { memberId: referrer.id, name: referrer.name, role: 'chair', agency: 'x' },
                status: 'present',
              },
            ],
          },
          '2026-03-02T13:05:00Z',
        ),
      )
      .thenRejects('PNL-2', { field: 'data.attendees.0.member.memberId' });
    const state = fold(sittings)(withReferrer);
    expect(state.attendees).toEqual([]);
    expect(state.invited).toEqual([presenter]);
  });

  it('PNL-2: a member in a seat is not also an invited attendee', () => {
    sitting
      .given(sittingGiven)
      .when(
        recordInvited([
          {
            person: { id: 'police-1', name: 'Pat', role: 'police', agency: 'Testshire' },
            capacity: 'invited',
            status: 'present',
          },
        ]),
      )
      .thenRejects('PNL-2', { field: 'data.attendees.0.person.id' });
  });

  it('PNL-5: a presenting referrer names the referral presented; apologies do not make a participant', () => {
    sitting
      .given(sittingGiven)
      .when(
        recordInvited([{ person: referrer, capacity: 'presenting-referrer', status: 'present' }]),
      )
      .thenRejects('PNL-5', { field: 'data.attendees.0.referralId' });
    const absent = then(
      sittingGiven,
      sitting
        .given(sittingGiven)
        .when(recordInvited([{ ...presenter!, status: 'apologies' }]))
        .events(),
    );
    sitting
      .given(absent)
      .when(distribute([referrer.id]))
      .thenRejects('MTG-8', { field: 'data.recipients.0' });
    expect(minutesRecipients(fold(sittings)(absent))).toEqual(['chair-1', 'police-1']);
  });

  it('MTG-8: another invited attendee who holds no seat is present too; a later record of the same person replaces the earlier', () => {
    const guest: InvitedAttendee = {
      person: { id: 'dsl-1', name: 'Sam Inventedschool', role: 'DSL', agency: 'Test Academy' },
      capacity: 'invited',
      status: 'apologies',
    };
    const first = then(
      sittingGiven,
      sitting
        .given(sittingGiven)
        .when(recordInvited([guest]))
        .events(),
    );
    const second = then(
      first,
      sitting
        .given(first)
        .when(recordInvited([{ ...guest, status: 'present' }], '2026-03-02T14:00:00Z'))
        .events(),
    );
    expect(fold(sittings)(second).invited).toEqual([{ ...guest, status: 'present' }]);
    expect(minutesRecipients(fold(sittings)(second))).toEqual(['chair-1', 'police-1', 'dsl-1']);
  });

  it('MTG-6: invited attendance is taken at the sitting: not before it starts, not for a cancelled sitting', () => {
    sitting
      .given(sittingGiven.slice(0, 1))
      .when(recordInvited([presenter!], '2026-03-02T12:59:00Z'))
      .thenRejects('STATE', { field: 'at' });
    const cancelled = then(sittingGiven.slice(0, 1), [
      {
        type: 'SittingCancelled',
        data: { sittingId: '2026-03', at: '2026-02-20T09:00:00.000Z', reason: 'Invented' },
      },
    ]);
    sitting
      .given(cancelled)
      .when(recordInvited([presenter!]))
      .thenRejects('STATE', { field: 'data.sittingId' });
    sitting
      .given(sittingGiven)
      .when(recordInvited([presenter!, presenter!]))
      .thenRejects('INPUT', { field: 'data.attendees.1.person.id' });
  });
});

// The chair approves as before; the invited attendee is no chair (PNL-2).
it('PNL-2: an invited attendee never chairs or approves', () => {
  const withReferrer = then(
    sittingGiven.slice(0, 2),
    sitting
      .given(sittingGiven.slice(0, 2))
      .when(
        recordInvited([
          {
            person: { ...referrer, role: 'chair' },
            capacity: 'presenting-referrer',
            status: 'present',
            referralId: 'R1',
          },
        ]),
      )
      .events(),
  );
  const held = sitting
    .given(withReferrer)
    .when(sittingCmd('HoldSitting', { sittingId: '2026-03' }, '2026-03-02T13:40:00Z'))
    .events();
  expect(held[0]?.data).toMatchObject({ chairedBy: 'chair' });
  sitting
    .given(then(withReferrer, held))
    .when(
      sittingCmd('ApproveMinutes', { sittingId: '2026-03' }, '2026-03-05T10:00:00Z', {
        id: referrer.id,
        role: 'chair',
        agency: 'x',
      }),
    )
    .thenRejects('MTG-7', { field: 'actor.id' });
  expect(
    sitting
      .given(then(withReferrer, held))
      .when(
        sittingCmd('ApproveMinutes', { sittingId: '2026-03' }, '2026-03-05T10:00:00Z', chairActor),
      )
      .events(),
  ).toHaveLength(1);
});
