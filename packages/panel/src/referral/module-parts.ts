/**
 * The parts of the panel's referral module under the names the kernel's `configuredModule` reads:
 * this file is passed to it whole (`import * as referralParts`).
 */
import { englandAndWales, type Calendar } from '@aimline/calendar';
import { decideReferral } from '../decide/referral.js';
import { defaultPanelPolicy, type PanelPolicy } from '../policy.js';

export { referralCommands as commands } from './commands.js';
export { referralEvents as events } from './events.js';
export { initialReferralState as initialState } from './state.js';
export { evolveReferral as evolve } from './evolve.js';
export { referralDeadlines as deadlines } from './deadlines.js';
export { referralTimeline as timeline } from '../timeline.js';

/** England and Wales' calendar unless another is given. */
export const defaults = [defaultPanelPolicy, englandAndWales] as const;

export const decide = (policy: PanelPolicy, calendar: Calendar) =>
  decideReferral({ policy, calendar });
