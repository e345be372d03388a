/** The referral decider's `decide`: one handler per command, each in its phase's file. */
import { dispatch, handlersNamed, refuse } from '@aimline/kernel';
import type { PanelReferralCommand } from '../referral/commands.js';
import type { PanelReferralEvent } from '../referral/events.js';
import type { ReferralState } from '../referral/state.js';
import type { Context, ReferralDecision } from './handler.js';
import * as decision from './referral-decision.js';
import * as intake from './referral-intake.js';

/** One handler per command, named after it in its phase's module. */
const onReferral = dispatch(
  handlersNamed<PanelReferralCommand, ReferralState, Context, PanelReferralEvent>({
    ...intake,
    ...decision,
  }),
);

export const decideReferral =
  (ctx: Context) =>
  (c: PanelReferralCommand, s: ReferralState): ReferralDecision =>
    s.referralId !== null && s.referralId !== c.data.referralId
      ? refuse('INPUT', `this stream holds referral ${s.referralId}`, 'data.referralId')
      : onReferral(c, s, ctx);
