import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { fold } from '@aimline/kernel';
import {
  panelDeadlines,
  makeSittingDecider,
  panelMeetingPolicy,
  sittingFacts,
  type PanelSittingEvent,
} from '../src/index.js';
import { actor, calendar, chairActor, member, policy, sittingCmd } from './fixtures.js';

const decider = makeSittingDecider();
const spec = deciderSpec(decider);
const scheduled = spec
  .given([])
  .when(
    sittingCmd(
      'ScheduleSitting',
      { sittingId: '2026-03', meetingId: 'mtg-1' },
      '2026-02-01T09:00:00Z',
    ),
  )
  .events();
const attend = (roles: Array<[string, 'present' | 'apologies' | 'deputy', string?]>) =>
  sittingCmd(
    'RecordAttendance',
    {
      sittingId: '2026-03',
      attendees: roles.map(([role, status, emergency]) => ({
        role,
        member: member(role),
        status,
        ...(emergency === undefined ? {} : { emergency }),
      })),
    },
    '2026-03-02T13:05:00Z',
  );
const after = (...events: ReadonlyArray<PanelSittingEvent>[]) => events.flat();
const withAttendance = (roles: Parameters<typeof attend>[0]) =>
  after(scheduled, spec.given(scheduled).when(attend(roles)).events());
const hold = sittingCmd('HoldSitting', { sittingId: '2026-03' }, '2026-03-02T13:10:00Z');
const heldWith = (roles: Parameters<typeof attend>[0]) => {
  const h = withAttendance(roles);
  return after(h, spec.given(h).when(hold).events());
};

describe('PNL-2 membership', () => {
  it('PNL-2: a deputy attends only in an emergency, recorded as such', () => {
    spec
      .given(scheduled)
      .when(attend([['police', 'deputy']]))
      .thenRejects('PNL-2', { field: 'data.attendees.0.emergency' });
    const ok = spec
      .given(scheduled)
      .when(attend([['police', 'deputy', 'named officer on an urgent call']]))
      .events();
    expect(ok[0]?.data).toMatchObject({
      attendees: [
        { role: 'police', status: 'deputy', emergency: 'named officer on an urgent call' },
      ],
    });
  });
  it('PNL-2: a seat that is not on the panel is rejected', () => {
    spec
      .given(scheduled)
      .when(attend([['astrologer', 'present']]))
      .thenRejects('PNL-2', { field: 'data.attendees.0.role' });
  });
  it('PNL-2: the chair chairs; the co-chair when the chair is absent; neither leaves the sitting unable to decide', () => {
    const chairOf = (roles: Parameters<typeof attend>[0]) =>
      sittingFacts(fold(decider)(heldWith(roles)))?.chairedBy;
    expect(
      chairOf([
        ['chair', 'present'],
        ['co-chair', 'present'],
      ]),
    ).toBe('chair');
    expect(
      chairOf([
        ['chair', 'apologies'],
        ['co-chair', 'present'],
      ]),
    ).toBe('co-chair');
    expect(
      chairOf([
        ['chair', 'deputy', 'illness'],
        ['police', 'present'],
      ]),
    ).toBeNull();
  });
});

describe('PNL-7 minutes within 7 working days', () => {
  const held = heldWith([
    ['chair', 'present'],
    ['police', 'present'],
    ['sen', 'apologies'],
  ]);
  it('PNL-7: the deadline is the end of the 7th working day after the sitting', () => {
    const [minutes] = panelDeadlines(fold(decider)(held), policy, calendar);
    expect(minutes).toMatchObject({
      ruleId: 'PNL-7',
      unit: 'workingDays',
      amount: 7,
      due: '2026-03-11T23:59:59.999Z',
      status: { kind: 'open' },
    });
  });
  it('PNL-7: only approved minutes are distributed, to those present and action owners, categorised P25 (PNL-8)', () => {
    const distribute = sittingCmd(
      'DistributeMinutes',
      { sittingId: '2026-03' },
      '2026-03-09T10:00:00Z',
    );
    spec.given(held).when(distribute).thenRejects('MTG-7', { field: 'data.sittingId' });
    spec
      .given(held)
      .when(sittingCmd('ApproveMinutes', { sittingId: '2026-03' }, '2026-03-05T10:00:00Z'))
      .thenRejects('MTG-7', { field: 'actor.id' });
    const approved = after(
      held,
      spec
        .given(held)
        .when(
          sittingCmd(
            'ApproveMinutes',
            { sittingId: '2026-03' },
            '2026-03-05T10:00:00Z',
            chairActor,
          ),
        )
        .events(),
    );
    const sent = spec.given(approved).when(distribute).events();
    expect(sent[0]?.data).toMatchObject({
      documentCategory: 'P25 2026/03/02 LEGAL MEETINGS (HSB AIM)',
      recipients: ['chair-1', 'police-1'],
      late: false,
    });
    const [minutes] = panelDeadlines(fold(decider)(after(approved, sent)), policy, calendar);
    expect(minutes?.status.kind).toBe('met');
  });
  it('PNL-7: the sitting meeting policy hands the 7 working days to @aimline/meetings', () => {
    expect(panelMeetingPolicy(policy).minutesDistributionWithin).toEqual({
      unit: 'workingDays',
      amount: 7,
      ruleId: 'PNL-7',
    });
  });
});

describe('PNL-9 actions', () => {
  const held = heldWith([
    ['chair', 'present'],
    ['youth-offending', 'present'],
  ]);
  const agree = (dueBy: string) =>
    sittingCmd(
      'AgreeAction',
      {
        sittingId: '2026-03',
        actionId: 'A1',
        referralId: 'R1',
        owner: member('youth-offending'),
        description: 'Invented action',
        dueBy,
      },
      '2026-03-02T15:00:00Z',
    );
  it('PNL-9: an action needs an owner and a timescale not before the sitting', () => {
    spec.given(held).when(agree('2026-02-27')).thenRejects('PNL-9', { field: 'data.dueBy' });
  });
  it('PNL-9: the action is due on its agreed date; the owner’s update meets it', () => {
    const agreed = after(held, spec.given(held).when(agree('2026-03-16')).events());
    const [, action] = panelDeadlines(fold(decider)(agreed), policy, calendar);
    expect(action).toMatchObject({
      ruleId: 'PNL-9',
      due: '2026-03-16T23:59:59.999Z',
      status: { kind: 'open' },
    });
    const update = spec
      .given(agreed)
      .when(
        sittingCmd(
          'RecordActionUpdate',
          { sittingId: '2026-03', actionId: 'A1', update: 'Invented update', complete: true },
          '2026-03-12T10:00:00Z',
        ),
      )
      .events();
    const [, met] = panelDeadlines(fold(decider)(after(agreed, update)), policy, calendar);
    expect(met?.status).toEqual({ kind: 'met', at: '2026-03-12T10:00:00.000Z' });
  });
  it('PNL-9: no actions before the sitting is held', () => {
    spec
      .given(scheduled)
      .when(agree('2026-03-16'))
      .thenRejects('STATE', { field: 'data.sittingId' });
  });
});

describe('MTG-7 / MTG-8: the sitting’s minutes go through @aimline/meetings’ rules', () => {
  const coChairActor = { id: 'co-chair-1', role: 'co-chair', agency: 'Testshire Council' };
  const approve = (by: typeof actor) =>
    sittingCmd('ApproveMinutes', { sittingId: '2026-03' }, '2026-03-05T10:00:00Z', by);
  const distribute = (recipients?: string[]) =>
    sittingCmd(
      'DistributeMinutes',
      { sittingId: '2026-03', ...(recipients === undefined ? {} : { recipients }) },
      '2026-03-09T10:00:00Z',
    );
  const chairedByChair = heldWith([
    ['chair', 'present'],
    ['co-chair', 'present'],
    ['police', 'present'],
    ['sen', 'apologies'],
  ]);
  const approvedBy = (given: ReadonlyArray<PanelSittingEvent>, by: typeof actor) =>
    after(given, spec.given(given).when(approve(by)).events());

  it('MTG-7: unapproved minutes are not distributed, to the derived list or to named recipients', () => {
    spec.given(chairedByChair).when(distribute()).thenRejects('MTG-7', { field: 'data.sittingId' });
    spec
      .given(chairedByChair)
      .when(distribute(['police-1']))
      .thenRejects('MTG-7');
  });

  it('MTG-7: only the chair or co-chair who chaired approves: the co-chair may not when the chair chaired', () => {
    spec
      .given(chairedByChair)
      .when(approve(coChairActor))
      .thenRejects('MTG-7', { field: 'actor.id' });
    spec.given(chairedByChair).when(approve(actor)).thenRejects('MTG-7', { field: 'actor.id' });
    expect(spec.given(chairedByChair).when(approve(chairActor)).events()).toMatchObject([
      { type: 'MinutesApproved', data: { approvedBy: 'chair-1' } },
    ]);
  });

  it('MTG-7: when the co-chair chaired, the co-chair approves and the absent chair may not', () => {
    const chairedByCoChair = heldWith([
      ['chair', 'apologies'],
      ['co-chair', 'present'],
    ]);
    spec
      .given(chairedByCoChair)
      .when(approve(chairActor))
      .thenRejects('MTG-7', { field: 'actor.id' });
    expect(spec.given(chairedByCoChair).when(approve(coChairActor)).events()).toMatchObject([
      { type: 'MinutesApproved', data: { approvedBy: 'co-chair-1' } },
    ]);
  });

  it('MTG-7: when nobody chaired (PNL-2), the chair’s or co-chair’s seat approves, no one else', () => {
    const unchaired = heldWith([
      ['chair', 'apologies'],
      ['co-chair', 'deputy', 'illness'],
      ['police', 'present'],
    ]);
    spec.given(unchaired).when(approve(actor)).thenRejects('MTG-7', { field: 'actor.id' });
    expect(spec.given(unchaired).when(approve(coChairActor)).events()).toHaveLength(1);
  });

  it('MTG-8: distribution to someone neither present nor owning an action is rejected', () => {
    const approved = approvedBy(chairedByChair, chairActor);
    spec
      .given(approved)
      .when(distribute(['police-1', 'sen-1']))
      .thenRejects('MTG-8', { field: 'data.recipients.1' });
    spec
      .given(approved)
      .when(distribute(['nobody-1']))
      .thenRejects('MTG-8', { field: 'data.recipients.0' });
  });

  it('MTG-8: an action owner who was not at the sitting is on the list; PNL-7 is met when the last on it is sent', () => {
    const agreed = after(
      chairedByChair,
      spec
        .given(chairedByChair)
        .when(
          sittingCmd(
            'AgreeAction',
            {
              sittingId: '2026-03',
              actionId: 'A1',
              owner: member('youth-offending'),
              description: 'Invented action',
              dueBy: '2026-03-16',
            },
            '2026-03-02T15:00:00Z',
          ),
        )
        .events(),
    );
    const approved = approvedBy(agreed, chairActor);
    const first = spec
      .given(approved)
      .when(distribute(['youth-offending-1']))
      .events();
    expect(first[0]?.data).toMatchObject({
      recipients: ['youth-offending-1'],
      documentCategory: 'P25 2026/03/02 LEGAL MEETINGS (HSB AIM)',
    });
    const partly = after(approved, first);
    expect(panelDeadlines(fold(decider)(partly), policy, calendar)[0]?.status.kind).toBe('open');
    const rest = spec.given(partly).when(distribute()).events();
    expect(rest[0]?.data).toMatchObject({ recipients: ['chair-1', 'co-chair-1', 'police-1'] });
    const [minutes] = panelDeadlines(fold(decider)(after(partly, rest)), policy, calendar);
    expect(minutes?.status).toEqual({ kind: 'met', at: '2026-03-09T10:00:00.000Z' });
    spec
      .given(after(partly, rest))
      .when(distribute())
      .thenRejects('STATE', { field: 'data.sittingId' });
  });
});
