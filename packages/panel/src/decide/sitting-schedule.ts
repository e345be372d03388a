/** PNL-1: scheduling, moving, re-venuing and cancelling a sitting; notifying members. */
import { instantMs, isWorkingDay } from '@aimline/calendar';
import { accept, decideWhen, decideWith, eachItem, guard } from '@aimline/kernel';
import { openForChange } from './guards.js';
import type { SittingHandler } from './handler.js';
import { sittingForMonth } from '../schedule/pattern.js';
import { londonInstant } from '../schedule/local-time.js';

export const scheduleSitting: SittingHandler<'ScheduleSitting'> = (c, s, { policy, calendar }) =>
  decideWhen(
    [
      guard('STATE', `sitting ${s.sittingId ?? ''} is already scheduled`, 'data.sittingId', () => {
        return s.sittingId !== null;
      }),
    ],
    () => {
      const planned = sittingForMonth(policy, calendar, c.data.sittingId);
      return accept({
        type: 'SittingScheduled',
        data: {
          sittingId: c.data.sittingId,
          at: c.at,
          meetingId: c.data.meetingId,
          slot: {
            date: planned.date,
            start: planned.start,
            end: planned.end,
            venue: planned.venue,
          },
          patternDate: planned.patternDate,
          movedFrom: planned.movedFrom,
        },
      });
    },
  );

export const changeSittingVenue: SittingHandler<'ChangeSittingVenue'> = (c, s) =>
  decideWith(openForChange(s), ({ venue }) =>
    venue === c.data.venue
      ? accept()
      : accept({
          type: 'SittingVenueChanged',
          data: {
            sittingId: c.data.sittingId,
            at: c.at,
            from: venue,
            venue: c.data.venue,
            reason: c.data.reason,
          },
        }),
  );

export const moveSitting: SittingHandler<'MoveSitting'> = (c, s, { policy, calendar }) =>
  decideWith(openForChange(s), (from) =>
    decideWhen(
      [
        guard(
          'PNL-1',
          `the panel sits on working days; ${c.data.date} is not one`,
          'data.date',
          () => {
            return !isWorkingDay(calendar, c.data.date);
          },
        ),
      ],
      () => {
        // The times are read only on a working day of a sitting open for change.
        const start = londonInstant(c.data.date, c.data.start ?? policy.sittingStart);
        const end = londonInstant(c.data.date, c.data.end ?? policy.sittingEnd);
        return decideWhen(
          [
            guard('INPUT', 'the sitting must end after it starts', 'data.end', () => {
              return instantMs(end) <= instantMs(start);
            }),
            guard('INPUT', 'a sitting cannot be moved into the past', 'data.date', () => {
              return instantMs(start) <= instantMs(c.at);
            }),
          ],
          () =>
            from.start === start && from.end === end
              ? accept()
              : accept({
                  type: 'SittingMoved',
                  data: {
                    sittingId: c.data.sittingId,
                    at: c.at,
                    from,
                    to: { ...from, date: c.data.date, start, end },
                    reason: c.data.reason,
                  },
                }),
        );
      },
    ),
  );

export const cancelSitting: SittingHandler<'CancelSitting'> = (c, s) =>
  decideWith(openForChange(s), () =>
    accept({
      type: 'SittingCancelled',
      data: { sittingId: c.data.sittingId, at: c.at, reason: c.data.reason },
    }),
  );

export const notifyMembers: SittingHandler<'NotifyMembers'> = (c, s, { policy }) =>
  decideWith(openForChange(s), (slot) =>
    decideWhen(
      [
        guard('INPUT', 'name at least one member to notify', 'data.members', () => {
          return c.data.members.length === 0;
        }),
        eachItem(c.data.members, (m, i) => [
          guard('PNL-2', 'not a seat on the panel', `data.members.${i}.role`, () => {
            return !policy.roles.some((r) => r.id === m.role);
          }),
        ]),
      ],
      () =>
        accept({
          type: 'MembersNotified',
          data: {
            sittingId: c.data.sittingId,
            at: c.at,
            slot,
            members: c.data.members,
          },
        }),
    ),
  );
