/** PNL-7 through `@aimline/meetings`: the sitting's meeting uses the panel's minutes timescale. */
import { meetingPolicy, type MeetingPolicy, type Timescale } from '@aimline/meetings';
import type { PanelPolicy } from './policy.js';

/** PNL-7: the minutes of key actions go out within the policy's working days of the sitting. */
export const minutesTimescale = (policy: PanelPolicy): Timescale => ({
  unit: 'workingDays',
  amount: policy.minutesWorkingDays,
  ruleId: 'PNL-7',
});

/** The meeting policy for a sitting's meeting (`meetingId`): minutes within 7 working days (PNL-7). */
export const panelMeetingPolicy = (policy: PanelPolicy, base?: MeetingPolicy): MeetingPolicy =>
  meetingPolicy({ minutesDistributionWithin: minutesTimescale(policy) }, base);
