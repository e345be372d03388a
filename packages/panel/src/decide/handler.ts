/** The kernel's decide toolkit, specialised to the panel's two streams: context and handlers. */
import type { Calendar } from '@aimline/calendar';
import type { Decision, Handlers } from '@aimline/kernel';
import type { PanelPolicy } from '../policy.js';
import type { PanelReferralCommand } from '../referral/commands.js';
import type { PanelReferralEvent } from '../referral/events.js';
import type { ReferralState } from '../referral/state.js';
import type { PanelSittingCommand } from '../sitting/commands.js';
import type { PanelSittingEvent } from '../sitting/events.js';
import type { SittingState } from '../sitting/state.js';

/** What every panel handler may consult: the council's panel policy and its calendar. */
export interface Context {
  readonly policy: PanelPolicy;
  readonly calendar: Calendar;
}

export type SittingDecision = Decision<PanelSittingEvent>;
export type ReferralDecision = Decision<PanelReferralEvent>;

export type SittingHandler<K extends PanelSittingCommand['type']> = SittingHandlers[K];
type SittingHandlers = Handlers<PanelSittingCommand, SittingState, Context, PanelSittingEvent>;
export type ReferralHandler<K extends PanelReferralCommand['type']> = ReferralHandlers[K];
type ReferralHandlers = Handlers<PanelReferralCommand, ReferralState, Context, PanelReferralEvent>;
