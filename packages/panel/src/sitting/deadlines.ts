/** PNL-7, PNL-9: a sitting's deadlines as calendar `Deadline` values (T-6). */
import {
  calendarDaysUntil,
  deadlineOf,
  waive,
  type Calendar,
  type Deadline,
} from '@aimline/calendar';
import { hardCopiesDeadlines, minutesDistributionDeadline } from '@aimline/meetings';
import { minutesTimescale, panelMeetingPolicy } from '../meeting-policy.js';
import type { PanelPolicy } from '../policy.js';
import { minutesFullyDistributedAt } from './minutes.js';
import type { SittingState } from './state.js';

export const sittingDeadlines = (
  state: SittingState,
  policy: PanelPolicy,
  calendar: Calendar,
): Deadline[] => {
  if (state.held === null || state.slot === null) return [];
  const out: Deadline[] = [];
  out.push(
    minutesDistributionDeadline(
      minutesTimescale(policy),
      {
        label: 'Minutes of key actions distributed',
        trigger: { event: 'SittingHeld', at: state.held.at },
        start: state.slot.date,
        startDescription: 'the panel sitting',
      },
      minutesFullyDistributedAt(state),
      calendar,
    ),
  );
  out.push(
    ...hardCopiesDeadlines(
      panelMeetingPolicy(policy).hardCopiesDestroyedWithin,
      state.minutesUploaded?.at ?? null,
      state.hardCopiesDestroyedAt,
      calendar,
    ),
  );
  for (const a of state.actions)
    out.push(
      deadlineOf(
        {
          ruleId: 'PNL-9',
          label: `Update on action ${a.actionId} from ${a.owner.role}`,
          trigger: { event: 'ActionAgreed', at: a.agreedAt },
          unit: 'calendarDays',
          amount: calendarDaysUntil(a.agreedAt, a.dueBy),
          startDescription: 'the sitting that agreed it',
          metAt: a.updates[0],
        },
        calendar,
      ),
    );
  const cancelled = state.cancelled;
  return cancelled === null
    ? out
    : out.map((d) => waive(d, 'the sitting was cancelled', cancelled.at));
};
