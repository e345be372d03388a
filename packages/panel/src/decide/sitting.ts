/** The sitting decider's `decide`: one handler per command, each in its phase's file. */
import { dispatch, refuse } from '@aimline/kernel';
import type { PanelSittingCommand } from '../sitting/commands.js';
import type { PanelSittingEvent } from '../sitting/events.js';
import type { SittingState } from '../sitting/state.js';
import type { Context, SittingDecision } from './handler.js';
import {
  agreeAction,
  approveMinutes,
  distributeMinutes,
  holdSitting,
  recordActionUpdate,
  recordAttendance,
  recordInvitedAttendance,
} from './sitting-meeting.js';
import {
  cancelSitting,
  changeVenue,
  moveSitting,
  notifyMembers,
  scheduleSitting,
} from './sitting-schedule.js';
import { destroyHardCopies, uploadMinutes } from './sitting-records.js';

const onSitting = dispatch<PanelSittingCommand, SittingState, Context, PanelSittingEvent>({
  ScheduleSitting: scheduleSitting,
  ChangeSittingVenue: changeVenue,
  MoveSitting: moveSitting,
  CancelSitting: cancelSitting,
  NotifyMembers: notifyMembers,
  RecordAttendance: recordAttendance,
  RecordInvitedAttendance: recordInvitedAttendance,
  HoldSitting: holdSitting,
  AgreeAction: agreeAction,
  RecordActionUpdate: recordActionUpdate,
  ApproveMinutes: approveMinutes,
  DistributeMinutes: distributeMinutes,
  UploadMinutes: uploadMinutes,
  DestroyHardCopies: destroyHardCopies,
});

export const decideSitting =
  (ctx: Context) =>
  (c: PanelSittingCommand, s: SittingState): SittingDecision =>
    c.type !== 'ScheduleSitting' && s.sittingId !== null && s.sittingId !== c.data.sittingId
      ? refuse('INPUT', `this stream holds sitting ${s.sittingId}`, 'data.sittingId')
      : onSitting(c, s, ctx);
