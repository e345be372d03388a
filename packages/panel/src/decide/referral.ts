/** The referral decider's `decide`: one handler per command, each in its phase's file. */
import { decideWhen, dispatch, handlersNamed } from '@aimline/kernel';
import { holds } from './guards.js';
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
    decideWhen([holds('referral', s.referralId, c.data.referralId)], () => onReferral(c, s, ctx));
