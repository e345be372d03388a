/**
 * Cross-stream facts come from the store, not the caller (issue 15): a referral's booking is
 * computed from the panel's sitting streams (moves and cancellations included) and a decision's
 * sitting facts are loaded; a fact the caller makes up is refused by the service.
 */
import { describe, expect, it } from 'vitest';
import type { Booking, SittingFacts } from '@aimline/panel';
import {
  auditor,
  businessSupport,
  member,
  panelChair,
  panelChild,
  referrer,
  setUp,
} from './fixtures.js';

const receive = (
  referralId: string,
  at: string,
  booking?: Booking,
  more: Record<string, unknown> = {},
) => ({
  type: 'ReceiveReferral' as const,
  at,
  data: {
    referralId,
    child: panelChild,
    referrer,
    concernSummary: 'Invented concern',
    behaviourTypes: ['contact' as const],
    ...(booking === undefined ? {} : { booking }),
    ...more,
  },
});

type Aimline = ReturnType<typeof setUp>['aimline'];

/** A command of sitting 2026-06, sent by business support (scheduled on 1 May unless `at`). */
const sittingCommand =
  (aimline: Aimline) =>
  (type: string, data: Record<string, unknown> = {}, at = '2026-05-01T09:00:00Z') =>
    aimline.panel.execute(businessSupport, {
      type,
      at,
      data: { sittingId: '2026-06', ...data },
    } as never);

/** Sitting 2026-06 is held on 1 June: the members in `roles` present, then held by the chair. */
const holdSitting = async (aimline: Aimline, roles: ReadonlyArray<string>) => {
  await sittingCommand(aimline)(
    'RecordAttendance',
    {
      attendees: roles.map((role) => ({ role, member: member(role), status: 'present' })),
    },
    '2026-06-01T12:05:00Z',
  );
  await aimline.panel.execute(panelChair, {
    type: 'HoldSitting',
    at: '2026-06-01T12:10:00Z',
    data: { sittingId: '2026-06' },
  });
};

/** The chair's decision on referral `referralId`: an HSB AIM assessment, rated red. */
const decision = (referralId: string, sitting?: SittingFacts) => ({
  type: 'RecordDecision' as const,
  at: '2026-06-01T14:00:00Z',
  data: {
    referralId,
    route: 'aim-assessment',
    rating: 'red' as const,
    rationale: 'Invented rationale',
    informationKnown: 'Invented facts',
    ...(sitting === undefined ? {} : { sitting }),
  },
});

const june2026: Booking = {
  sittingId: '2026-06',
  sittingDate: '2026-06-01',
  sittingStart: '2026-06-01T12:00:00.000Z',
  papersDue: '2026-05-20T22:59:59.999Z',
  skipped: [],
};

describe('PNL-4: the service computes the booking from the sitting streams', () => {
  it('PNL-4: without a booking, the referral is booked into the first sitting its papers can make', async () => {
    const { aimline } = setUp();
    const result = await aimline.panel.execute(
      businessSupport,
      receive('R1', '2026-05-11T10:00:00Z'),
    );
    expect(result.kind).toBe('Accepted');
    const got = await aimline.panel.referrals.get(panelChair, 'R1');
    expect(got.kind === 'Found' && got.value.state.booking).toMatchObject({
      sittingId: '2026-06',
      sittingDate: '2026-06-01',
    });
  });

  it('PNL-4: a made-up booking for Wednesday 10 June 2026 (not a sitting) is refused, naming data.booking', async () => {
    const { aimline, store } = setUp();
    const result = await aimline.panel.execute(
      businessSupport,
      receive('R2', '2026-05-11T10:00:00Z', {
        ...june2026,
        sittingDate: '2026-06-10',
        sittingStart: '2026-06-10T12:00:00.000Z',
        papersDue: '2026-05-29T22:59:59.999Z',
      }),
    );
    expect(result).toMatchObject({ kind: 'Rejected', ruleId: 'PNL-4', field: 'data.booking' });
    expect(await store.streamRevision('panel-referral-R2')).toBeUndefined();
  });

  it('PNL-4: the real sitting date with an 08:00 start is refused', async () => {
    const { aimline } = setUp();
    const result = await aimline.panel.execute(
      businessSupport,
      receive('R3', '2026-05-11T10:00:00Z', {
        ...june2026,
        sittingStart: '2026-06-01T07:00:00.000Z',
      }),
    );
    expect(result).toMatchObject({ kind: 'Rejected', ruleId: 'PNL-4', field: 'data.booking' });
  });

  it('PNL-4: the true booking, sent with another offset for the same instants, is accepted', async () => {
    const { aimline } = setUp();
    const result = await aimline.panel.execute(
      businessSupport,
      receive('R4', '2026-05-11T10:00:00Z', {
        ...june2026,
        sittingStart: '2026-06-01T13:00:00+01:00',
      }),
    );
    expect(result.kind).toBe('Accepted');
  });

  it('PNL-1, PNL-4: a cancelled sitting is skipped; a moved one is booked on its new date', async () => {
    const { aimline } = setUp();
    const sitting = sittingCommand(aimline);
    expect((await sitting('ScheduleSitting', { meetingId: 'mtg-2026-06' })).kind).toBe('Accepted');
    expect((await sitting('CancelSitting', { reason: 'Invented: venue flooded' })).kind).toBe(
      'Accepted',
    );
    await aimline.panel.execute(businessSupport, receive('R5', '2026-05-11T10:00:00Z'));
    const cancelled = await aimline.panel.referrals.get(panelChair, 'R5');
    expect(cancelled.kind === 'Found' && cancelled.value.state.booking?.sittingId).toBe('2026-07');

    const other = setUp();
    const move = sittingCommand(other.aimline);
    await move('ScheduleSitting', { meetingId: 'mtg-2026-06' });
    expect(
      (await move('MoveSitting', { date: '2026-06-08', reason: 'Invented: chair unavailable' }))
        .kind,
    ).toBe('Accepted');
    await other.aimline.panel.execute(businessSupport, receive('R6', '2026-05-11T10:00:00Z'));
    const moved = await other.aimline.panel.referrals.get(panelChair, 'R6');
    expect(moved.kind === 'Found' && moved.value.state.booking).toMatchObject({
      sittingId: '2026-06',
      sittingDate: '2026-06-08',
    });
  });
});

describe('PNL-6: the service loads the sitting facts of a decision', () => {
  const held = async () => {
    const ctx = setUp();
    const { aimline } = ctx;
    await sittingCommand(aimline)('ScheduleSitting', { meetingId: 'mtg-2026-06' });
    await aimline.panel.execute(businessSupport, receive('R7', '2026-05-11T10:00:00Z'));
    await holdSitting(aimline, ['chair', 'co-chair', 'police', 'youth-offending']);
    return ctx;
  };

  it('PNL-6: without sitting facts, the held sitting the referral is booked into is loaded', async () => {
    const { aimline } = await held();
    const result = await aimline.panel.execute(panelChair, decision('R7'));
    expect(result.kind).toBe('Accepted');
    if (result.kind === 'Accepted')
      expect(result.events.map((e) => e.type)).toContain('HsbAimCaseRequested');
  });

  it('PNL-6: sitting facts the store contradicts (held, when it was not) are refused, naming data.sitting', async () => {
    const { aimline } = setUp();
    await sittingCommand(aimline)('ScheduleSitting', { meetingId: 'mtg-2026-06' });
    await aimline.panel.execute(businessSupport, receive('R7', '2026-05-11T10:00:00Z'));
    const result = await aimline.panel.execute(
      panelChair,
      decision('R7', {
        sittingId: '2026-06',
        date: '2026-06-01',
        held: true,
        cancelled: false,
        chairedBy: 'chair',
      }),
    );
    expect(result).toMatchObject({ kind: 'Rejected', ruleId: 'PNL-6', field: 'data.sitting' });
  });
});

describe('PNL-11: repeat referrals are counted from the store', () => {
  it('PNL-11: a second referral of the same child is a repeat referral in its quarter', async () => {
    const { aimline } = setUp();
    await aimline.panel.execute(businessSupport, receive('R8', '2026-02-02T10:00:00Z'));
    await aimline.panel.execute(businessSupport, receive('R9', '2026-05-11T10:00:00Z'));
    const card = await aimline.panel.scorecard(panelChair, '2026-Q2');
    expect(card.kind === 'Found' && card.value).toMatchObject({ referrals: 1, repeatReferrals: 1 });
  });
});

describe('PNL-6 → HSB-1: the process managers run with Aimline', () => {
  it('PNL-6: the panel’s HSB AIM decision starts the HSB case referral-{referralId} (processes live)', async () => {
    const { aimline, store, clock } = setUp({ processes: 'live' });
    await sittingCommand(aimline)('ScheduleSitting', { meetingId: 'mtg-2026-06' });
    await aimline.panel.execute(
      businessSupport,
      receive('R10', '2026-05-11T10:00:00Z', undefined, {
        concern: {
          disclosedAt: '2026-05-08T15:20:00Z',
          behaviourDate: '2026-05-07',
          notifications: {
            childrensSocialCare: '2026-05-08T16:00:00Z',
            police: '2026-05-09T09:00:00Z',
          },
        },
      }),
    );
    await holdSitting(aimline, ['chair', 'co-chair', 'police']);
    clock.now = '2026-06-01T14:05:00Z';
    const decided = await aimline.panel.execute(panelChair, decision('R10'));
    expect(decided.kind).toBe('Accepted');
    await aimline.processes.settled();
    const hsbCase = await aimline.hsb.events(auditor, 'referral-R10');
    expect(hsbCase.kind === 'Found' && hsbCase.value.map((e) => e.type)).toEqual([
      'ConcernReported',
    ]);
    await aimline.close();
    await store.dispose();
  });
});
