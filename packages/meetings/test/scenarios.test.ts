import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { englandAndWales } from '@aimline/calendar';
import { collect, commandHandler, InMemoryEventStore, type Actor } from '@aimline/kernel';
import {
  meetingDeadlines,
  distributionList,
  isComplete,
  isHeld,
  meetingModule,
  meetingPolicy,
  minutesStatus,
} from '../src/index.js';
import {
  MEETING,
  actions,
  asChair,
  asLead,
  asSupport,
  chair,
  invitees,
  lead,
  minuteTaker,
  parent,
  scheduleData,
  sheet,
  teacher,
  yjsOfficer,
  youngPerson,
} from './fixtures.js';

const clock = () => '2026-04-01T00:00:00.000Z';
const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const asMinuteTaker: Actor = {
  id: minuteTaker.id,
  role: minuteTaker.role,
  agency: minuteTaker.agency,
};

/** One wire command (as another council system would send it), in the order it happened. */
const wire = (
  n: number,
  type: string,
  at: string,
  actor: Actor,
  data: Record<string, unknown>,
) => ({
  commandId: id(n),
  type,
  at,
  actor,
  data: { meetingId: MEETING, ...data },
});

describe('scenarios: a whole initial AIM meeting, from arranging to destroying hard copies', () => {
  it('MTG-1 … MTG-9: runs through the command handler, with every guard in its place', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock });
    const module = meetingModule(
      meetingPolicy({
        minutesDistributionWithin: { unit: 'workingDays', amount: 7, ruleId: 'PNL-7' },
      }),
    );
    let n = 0;
    const run = (type: string, at: string, actor: Actor, data: Record<string, unknown> = {}) =>
      handler.execute(module, wire(++n, type, at, actor, data));
    const ok = async (...args: Parameters<typeof run>) => {
      const r = await run(...args);
      if (E.isLeft(r)) throw new Error(`${args[0]} failed: ${JSON.stringify(r.left)}`);
      return r.right;
    };
    const rejected = async (...args: Parameters<typeof run>) => {
      const r = await run(...args);
      return E.isLeft(r) && r.left.kind === 'Rejected' ? r.left.rejection.ruleId : 'accepted';
    };

    // MTG-1, MTG-2
    await ok('ScheduleMeeting', '2026-02-02T09:00:00Z', asLead, scheduleData);
    await ok('SubmitInviteList', '2026-02-03T09:00:00Z', asLead, { invitees });
    await ok('AllocateMinuteTaker', '2026-02-03T11:00:00Z', asSupport, { minuteTaker });

    // MTG-3: the young person's address is queried; their letter waits
    for (const i of [parent, teacher, yjsOfficer])
      await ok('ConfirmContactDetails', '2026-02-04T09:00:00Z', asSupport, {
        inviteeId: i.id,
        checkedAgainst: 'ICS',
      });
    await ok('QueryContactDetails', '2026-02-04T10:00:00Z', asSupport, {
      inviteeId: youngPerson.id,
      anomaly: 'IYSS holds a different address',
    });
    expect(
      await rejected('SendInvitation', '2026-02-04T11:00:00Z', asSupport, {
        inviteeId: youngPerson.id,
        channel: 'post',
      }),
    ).toBe('MTG-3');
    await ok('AmendContactDetails', '2026-02-05T09:00:00Z', asLead, {
      inviteeId: youngPerson.id,
      contact: { post: '3 Invented Close, Testtown TT1 2AB' },
    });
    await ok('ConfirmContactDetails', '2026-02-05T10:00:00Z', asSupport, {
      inviteeId: youngPerson.id,
      checkedAgainst: 'IYSS',
    });

    // MTG-4
    await ok('SendInvitation', '2026-02-05T11:00:00Z', asSupport, {
      inviteeId: parent.id,
      channel: 'post',
    });
    await ok('SendInvitation', '2026-02-05T11:00:00Z', asSupport, {
      inviteeId: youngPerson.id,
      channel: 'post',
    });
    await ok('SendInvitation', '2026-02-05T11:00:00Z', asSupport, {
      inviteeId: teacher.id,
      channel: 'email',
    });
    await ok('SendInvitation', '2026-02-05T11:00:00Z', asSupport, {
      inviteeId: yjsOfficer.id,
      channel: 'email',
    });

    // MTG-5
    await ok('SubmitReportToChair', '2026-03-09T15:00:00Z', asLead, {
      reportKind: 'aim-report',
      author: { id: lead.id, role: lead.role, agency: lead.agency },
    });

    // MTG-6
    await ok('RecordAttendance', '2026-03-12T12:05:00Z', asMinuteTaker, { attendees: sheet });

    // MTG-7
    await ok('SubmitDraftMinutes', '2026-03-16T10:00:00Z', asSupport, {
      documentRef: 'doc-minutes-1',
      actions,
    });
    expect(await rejected('DistributeMinutes', '2026-03-16T11:00:00Z', asSupport)).toBe('MTG-7');
    expect(await rejected('ApproveMinutes', '2026-03-16T12:00:00Z', asLead)).toBe('MTG-7');
    await ok('ApproveMinutes', '2026-03-17T09:00:00Z', asChair);

    // MTG-8
    expect(
      await rejected('DistributeMinutes', '2026-03-17T10:00:00Z', asSupport, {
        recipients: [youngPerson.id],
      }),
    ).toBe('MTG-8');
    await ok('DistributeMinutes', '2026-03-17T10:00:00Z', asSupport);
    expect(
      await rejected('UploadMinutes', '2026-03-17T11:00:00Z', asSupport, {
        systems: ['ICS'],
        attendanceListIncluded: false,
      }),
    ).toBe('MTG-8');

    // MTG-9
    expect(await rejected('DestroyHardCopies', '2026-03-17T12:00:00Z', asSupport)).toBe('MTG-9');
    await ok('UploadMinutes', '2026-03-17T14:00:00Z', asSupport, {
      systems: ['ICS', 'IYSS'],
      attendanceListIncluded: true,
    });
    await ok('DestroyHardCopies', '2026-03-18T09:00:00Z', asSupport);

    const recorded = await collect(store.readStream(`meeting-${MEETING}`));
    expect(recorded.map((e) => e.type)).toEqual([
      'MeetingScheduled',
      'InviteListSubmitted',
      'MinuteTakerAllocated',
      'ContactDetailsConfirmed',
      'ContactDetailsConfirmed',
      'ContactDetailsConfirmed',
      'ContactDetailsQueried',
      'ContactDetailsAmended',
      'ContactDetailsConfirmed',
      'InvitationSent',
      'InvitationSent',
      'InvitationSent',
      'InvitationSent',
      'ReportSubmittedToChair',
      'AttendanceRecorded',
      'DraftMinutesSubmitted',
      'MinutesApproved',
      'MinutesDistributed',
      'MinutesUploaded',
      'HardCopiesDestroyed',
    ]);

    const loaded = await handler.load(module, `meeting-${MEETING}`);
    if (E.isLeft(loaded)) throw new Error('load failed');
    const state = loaded.right.state;
    expect(isHeld(state)).toBe(true);
    expect(distributionList(state)).toEqual([
      chair.id,
      lead.id,
      parent.id,
      teacher.id,
      yjsOfficer.id,
    ]);
    expect(minutesStatus(state)).toEqual({
      drafts: 1,
      approved: true,
      distributed: true,
      fullyDistributed: true,
      uploaded: true,
      hardCopiesDestroyed: true,
    });
    expect(isComplete(state)).toBe(true);
    expect(
      meetingDeadlines(
        state,
        meetingPolicy({
          minutesDistributionWithin: { unit: 'workingDays', amount: 7, ruleId: 'PNL-7' },
        }),
        englandAndWales,
      ).map((d) => [d.ruleId, d.status.kind]),
    ).toEqual([
      ['MTG-5', 'met'],
      ['PNL-7', 'met'],
      ['MTG-9', 'met'],
    ]);
  });

  it('MTG-1: a cancelled meeting records the reason and leaves its open MTG-5 deadline waived', async () => {
    const store = new InMemoryEventStore();
    const handler = commandHandler({ store, clock });
    const module = meetingModule();
    const s = await handler.execute(
      module,
      wire(1, 'ScheduleMeeting', '2026-02-02T09:00:00Z', asLead, scheduleData),
    );
    const c = await handler.execute(
      module,
      wire(2, 'CancelMeeting', '2026-02-10T09:00:00Z', asLead, { reason: 'case closed' }),
    );
    expect(E.isRight(s) && E.isRight(c)).toBe(true);
    const loaded = await handler.load(module, `meeting-${MEETING}`);
    if (E.isLeft(loaded)) throw new Error('load failed');
    expect(isComplete(loaded.right.state)).toBe(true);
    expect(
      meetingDeadlines(loaded.right.state, meetingPolicy(), englandAndWales)[0]?.status.kind,
    ).toBe('waived');
  });
});
