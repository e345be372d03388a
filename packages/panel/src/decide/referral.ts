/** The referral decider's `decide`: one handler per command, each in its phase's file. */
import { dispatch, refuse } from '@aimline/kernel';
import type { PanelReferralCommand } from '../referral/commands.js';
import type { PanelReferralEvent } from '../referral/events.js';
import type { ReferralState } from '../referral/state.js';
import type { Context, ReferralDecision } from './handler.js';
import { closeReferral, recordDecision, recordReview } from './referral-decision.js';
import {
  rebookReferral,
  receiveReferral,
  recordReferrerAttendance,
  sendPapers,
  sharePreviousContacts,
} from './referral-intake.js';

const onReferral = dispatch<PanelReferralCommand, ReferralState, Context, PanelReferralEvent>({
  ReceiveReferral: receiveReferral,
  RebookReferral: rebookReferral,
  SendPapers: sendPapers,
  SharePreviousContacts: sharePreviousContacts,
  RecordReferrerAttendance: recordReferrerAttendance,
  RecordDecision: recordDecision,
  RecordReview: recordReview,
  CloseReferral: closeReferral,
});

export const decideReferral =
  (ctx: Context) =>
  (c: PanelReferralCommand, s: ReferralState): ReferralDecision =>
    s.referralId !== null && s.referralId !== c.data.referralId
      ? refuse('INPUT', `this stream holds referral ${s.referralId}`, 'data.referralId')
      : onReferral(c, s, ctx);
