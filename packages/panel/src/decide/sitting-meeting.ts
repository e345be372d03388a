/**
 * PNL-2, PNL-7, PNL-8, PNL-9: attendance, holding the sitting, actions and minutes; the minutes'
 * approval and distribution go through `@aimline/meetings`' MTG-7 and MTG-8 rules.
 */
import { instantMs } from '@aimline/calendar';
import {
  approvalRejection,
  awaitingRecipients,
  distributionRejection,
  unapprovedRejection,
} from '@aimline/meetings';
import { minutesDocumentCategory } from '../derive.js';
import { decideWhen, decideWith, accept, eachItem, guard, noneTwice } from '@aimline/kernel';
import { openForChange, scheduled, sittingHeld } from './guards.js';
import type { SittingHandler } from './handler.js';
import { chairOf, minutesChairId } from '../sitting/chair.js';
import { minutesDueFor, minutesRecipients, minutesSentTo } from '../sitting/minutes.js';

export const recordAttendance: SittingHandler<'RecordAttendance'> = (c, s, { policy }) =>
  decideWith(openForChange(s), () =>
    decideWhen(
      [
        eachItem(c.data.attendees, (a, i) => [
          guard('PNL-2', 'not a seat on the panel', `data.attendees.${i}.role`, () => {
            return !policy.roles.some((r) => r.id === a.role);
          }),
          guard(
            'PNL-2',
            `${a.member.memberId} is recorded as an invited attendee, not in a seat`,
            `data.attendees.${i}.member.memberId`,
            () => s.invited.some((g) => g.person.id === a.member.memberId),
          ),
          guard(
            'PNL-2',
            'a deputy attends only in an emergency: record the emergency',
            `data.attendees.${i}.emergency`,
            () => a.status === 'deputy' && (a.emergency ?? '').trim() === '',
          ),
        ]),
      ],
      () =>
        accept({
          type: 'AttendanceRecorded',
          data: {
            sittingId: c.data.sittingId,
            at: c.at,
            attendees: c.data.attendees,
          },
        }),
    ),
  );

/**
 * PNL-5, MTG-8: invited attendees who hold no seat (presenting referrers and guests), recorded
 * apart from the seats so that they are participants (they get the minutes) without becoming
 * members (PNL-2). Recorded at the sitting (not before it starts) until it is cancelled.
 */
export const recordInvitedAttendance: SittingHandler<'RecordInvitedAttendance'> = (c, s) => {
  const d = c.data;
  return decideWith(scheduled(s), (slot) =>
    decideWhen(
      [
        guard('STATE', 'the sitting is cancelled', 'data.sittingId', () => s.cancelled !== null),
        guard(
          'STATE',
          'attendance is taken at the sitting: it has not started yet',
          'at',
          () => instantMs(c.at) < instantMs(slot.start),
        ),
        guard('INPUT', 'nobody is named', 'data.attendees', () => d.attendees.length === 0),
        noneTwice(
          d.attendees,
          (a) => a.person.id,
          (a, i, twice) => [
            guard(
              'INPUT',
              `${a.person.id} is named twice`,
              `data.attendees.${i}.person.id`,
              () => twice,
            ),
          ],
        ),
        eachItem(d.attendees, (a, i) => [
          guard(
            'PNL-5',
            'a presenting referrer names the referral they present',
            `data.attendees.${i}.referralId`,
            () => a.capacity === 'presenting-referrer' && a.referralId === undefined,
          ),
          guard(
            'PNL-2',
            `${a.person.id} holds a seat at this sitting: recorded in the panel's attendance`,
            `data.attendees.${i}.person.id`,
            () => s.attendees.some((m) => m.member.memberId === a.person.id),
          ),
        ]),
      ],
      () => {
        return accept({
          type: 'InvitedAttendanceRecorded',
          data: { sittingId: d.sittingId, at: c.at, attendees: d.attendees },
        });
      },
    ),
  );
};

export const holdSitting: SittingHandler<'HoldSitting'> = (c, s, { policy }) =>
  decideWith(openForChange(s), (slot) =>
    decideWhen(
      [
        guard('STATE', 'the sitting has not started yet', 'at', () => {
          return instantMs(c.at) < instantMs(slot.start);
        }),
        guard('PNL-2', 'record the attendance before holding the sitting', 'data.sittingId', () => {
          return s.attendees.length === 0;
        }),
      ],
      () =>
        accept({
          type: 'SittingHeld',
          data: { sittingId: c.data.sittingId, at: c.at, chairedBy: chairOf(s, policy) },
        }),
    ),
  );

export const agreeAction: SittingHandler<'AgreeAction'> = (c, s) =>
  decideWhen([sittingHeld(s)], () =>
    decideWith(scheduled(s), (slot) =>
      decideWhen(
        [
          guard('INPUT', `action ${c.data.actionId} is already recorded`, 'data.actionId', () => {
            return s.actions.some((a) => a.actionId === c.data.actionId);
          }),
          guard(
            'PNL-9',
            'an action needs a timescale agreed at the sitting: not before the sitting',
            'data.dueBy',
            () => c.data.dueBy < slot.date,
          ),
        ],
        () =>
          accept({
            type: 'ActionAgreed',
            data: {
              sittingId: c.data.sittingId,
              at: c.at,
              actionId: c.data.actionId,
              referralId: c.data.referralId ?? null,
              owner: c.data.owner,
              description: c.data.description,
              dueBy: c.data.dueBy,
            },
          }),
      ),
    ),
  );

export const recordActionUpdate: SittingHandler<'RecordActionUpdate'> = (c, s) => {
  const action = s.actions.find((a) => a.actionId === c.data.actionId);
  return decideWhen(
    [
      guard(
        'INPUT',
        `no action ${c.data.actionId} on this sitting`,
        'data.actionId',
        () => action === undefined,
      ),
      guard(
        'STATE',
        `action ${c.data.actionId} is already complete`,
        'data.actionId',
        () => action?.completedAt !== null,
      ),
    ],
    () =>
      accept({
        type: 'ActionUpdateReceived',
        data: {
          sittingId: c.data.sittingId,
          at: c.at,
          actionId: c.data.actionId,
          update: c.data.update,
          complete: c.data.complete,
        },
      }),
  );
};

/** MTG-7 (`@aimline/meetings`): only the chair or co-chair who chaired approves the minutes. */
export const approveMinutes: SittingHandler<'ApproveMinutes'> = (c, s, { policy }) =>
  decideWhen(
    [
      sittingHeld(s),
      () =>
        approvalRejection({
          chairId: minutesChairId(s, policy, c.actor),
          actorId: c.actor.id,
          hasDraft: true,
          field: 'data.sittingId',
        }),
    ],
    () =>
      s.minutesApprovedAt !== null
        ? accept()
        : accept({
            type: 'MinutesApproved',
            data: { sittingId: c.data.sittingId, at: c.at, approvedBy: c.actor.id },
          }),
  );

/**
 * MTG-7, MTG-8 (`@aimline/meetings`): only approved minutes, only to those on the derived list;
 * without named recipients, to everyone on it not yet sent them. PNL-8: categorised
 * "P25 YYYY/MM/DD LEGAL MEETINGS (HSB AIM)"; PNL-7: `late` after the 7th working day.
 */
export const distributeMinutes: SittingHandler<'DistributeMinutes'> = (
  c,
  s,
  { policy, calendar },
) => {
  const list = minutesRecipients(s);
  /** Without named recipients, everyone on the list not yet sent them (MTG-8). */
  const recipients = c.data.recipients ?? awaitingRecipients(list, minutesSentTo(s));
  return decideWhen(
    [
      sittingHeld(s),
      () => unapprovedRejection(s.minutesApprovedAt !== null, 'data.sittingId'),
      c.data.recipients === undefined
        ? guard('STATE', 'the minutes have already been distributed', 'data.sittingId', () => {
            return s.minutesDistributed !== null && recipients.length === 0;
          })
        : () => distributionRejection(list, recipients),
    ],
    () =>
      decideWith(scheduled(s), ({ date }) =>
        accept({
          type: 'MinutesDistributed',
          data: {
            sittingId: c.data.sittingId,
            at: c.at,
            documentCategory: minutesDocumentCategory(date),
            recipients: [...recipients],
            late: instantMs(c.at) > instantMs(minutesDueFor(policy, calendar, date)),
          },
        }),
      ),
  );
};
