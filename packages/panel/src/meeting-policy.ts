/** PNL-7 through `@aimline/meetings`: the sitting's meeting uses the panel's minutes timescale. */
import { meetingPolicy, type MeetingPolicy } from '@aimline/meetings';
import type { PanelPolicy } from './policy.js';

/** The meeting policy for a sitting's meeting (`meetingId`): minutes within 7 working days (PNL-7). */
export const panelMeetingPolicy = (policy: PanelPolicy, base?: MeetingPolicy): MeetingPolicy =>
  meetingPolicy(
    {
      minutesDistributionWithin: {
        unit: 'workingDays',
        amount: policy.minutesWorkingDays,
        ruleId: 'PNL-7',
      },
    },
    base,
  );
