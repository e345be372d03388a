/** The referral decider's `decide`: one case per command, each in its phase's file. */
import type { Calendar } from '@aimline/calendar';
import type { PanelPolicy } from '../policy.js';
import type { PanelReferralCommand } from '../referral/commands.js';
import type { PanelReferralEvent } from '../referral/events.js';
import type { ReferralState } from '../referral/state.js';
import { no, type Decision } from './common.js';
import { closeReferral, recordDecision, recordReview } from './referral-decision.js';
import {
  rebookReferral,
  receiveReferral,
  recordReferrerAttendance,
  sendPapers,
  sharePreviousContacts,
} from './referral-intake.js';

export const decideReferral =
  (policy: PanelPolicy, calendar: Calendar) =>
  (c: PanelReferralCommand, s: ReferralState): Decision<PanelReferralEvent> => {
    if (s.referralId !== null && s.referralId !== c.data.referralId)
      return no('INPUT', `this stream holds referral ${s.referralId}`, 'data.referralId');
    switch (c.type) {
      case 'ReceiveReferral':
        return receiveReferral(c, s, policy, calendar);
      case 'RebookReferral':
        return rebookReferral(c, s, policy, calendar);
      case 'SendPapers':
        return sendPapers(c, s);
      case 'SharePreviousContacts':
        return sharePreviousContacts(c, s);
      case 'RecordReferrerAttendance':
        return recordReferrerAttendance(c, s);
      case 'RecordDecision':
        return recordDecision(c, s, policy);
      case 'RecordReview':
        return recordReview(c, s);
      case 'CloseReferral':
        return closeReferral(c, s);
    }
  };
