/** The sitting decider's `decide`: one case per command, each in its phase's file. */
import type { Calendar } from '@aimline/calendar';
import type { PanelPolicy } from '../policy.js';
import type { PanelSittingCommand } from '../sitting/commands.js';
import type { PanelSittingEvent } from '../sitting/events.js';
import type { SittingState } from '../sitting/state.js';
import { no, type Decision } from './common.js';
import {
  agreeAction,
  approveMinutes,
  distributeMinutes,
  holdSitting,
  recordActionUpdate,
  recordAttendance,
} from './sitting-meeting.js';
import {
  cancelSitting,
  changeVenue,
  moveSitting,
  notifyMembers,
  scheduleSitting,
} from './sitting-schedule.js';

export const decideSitting =
  (policy: PanelPolicy, calendar: Calendar) =>
  (c: PanelSittingCommand, s: SittingState): Decision<PanelSittingEvent> => {
    if (c.type !== 'ScheduleSitting' && s.sittingId !== null && s.sittingId !== c.data.sittingId)
      return no('INPUT', `this stream holds sitting ${s.sittingId}`, 'data.sittingId');
    switch (c.type) {
      case 'ScheduleSitting':
        return scheduleSitting(c, s, policy, calendar);
      case 'ChangeSittingVenue':
        return changeVenue(c, s);
      case 'MoveSitting':
        return moveSitting(c, s, policy, calendar);
      case 'CancelSitting':
        return cancelSitting(c, s);
      case 'NotifyMembers':
        return notifyMembers(c, s, policy);
      case 'RecordAttendance':
        return recordAttendance(c, s, policy);
      case 'HoldSitting':
        return holdSitting(c, s, policy);
      case 'AgreeAction':
        return agreeAction(c, s);
      case 'RecordActionUpdate':
        return recordActionUpdate(c, s);
      case 'ApproveMinutes':
        return approveMinutes(c, s, policy);
      case 'DistributeMinutes':
        return distributeMinutes(c, s, policy, calendar);
    }
  };
