/** The kernel DomainModules and deciders of the panel's two streams. */
import { deadlinesAt, englandAndWales, type Calendar } from '@aimline/calendar';
import type { Decider, DomainModule } from '@aimline/kernel';
import { decideReferral } from './decide/referral.js';
import { decideSitting } from './decide/sitting.js';
import { defaultPanelPolicy, type PanelPolicy } from './policy.js';
import { referralCommands, type PanelReferralCommand } from './referral/commands.js';
import { referralEvents, type PanelReferralEvent } from './referral/events.js';
import { referralDeadlines } from './referral/deadlines.js';
import { evolveReferral } from './referral/evolve.js';
import { initialReferralState, type ReferralState } from './referral/state.js';
import { sittingCommands, type PanelSittingCommand } from './sitting/commands.js';
import { sittingEvents, type PanelSittingEvent } from './sitting/events.js';
import { sittingDeadlines } from './sitting/deadlines.js';
import { evolveSitting } from './sitting/evolve.js';
import { initialSittingState, type SittingState } from './sitting/state.js';
import { referralTimeline, sittingTimeline } from './timeline.js';

export const SITTING_STREAM_PREFIX = 'panel-sitting-';
export const REFERRAL_STREAM_PREFIX = 'panel-referral-';

export const sittingStream = (sittingId: string): string => `${SITTING_STREAM_PREFIX}${sittingId}`;
export const referralStream = (referralId: string): string =>
  `${REFERRAL_STREAM_PREFIX}${referralId}`;

export const makeSittingDecider = (
  policy: PanelPolicy = defaultPanelPolicy,
  calendar: Calendar = englandAndWales,
): Decider<PanelSittingCommand, PanelSittingEvent, SittingState> => ({
  initialState: initialSittingState,
  decide: decideSitting({ policy, calendar }),
  evolve: evolveSitting,
});

export const makeReferralDecider = (
  policy: PanelPolicy = defaultPanelPolicy,
  calendar: Calendar = englandAndWales,
): Decider<PanelReferralCommand, PanelReferralEvent, ReferralState> => ({
  initialState: initialReferralState,
  decide: decideReferral({ policy, calendar }),
  evolve: evolveReferral,
});

export const panelSittingModule = (
  policy: PanelPolicy = defaultPanelPolicy,
  calendar: Calendar = englandAndWales,
): DomainModule<PanelSittingCommand, PanelSittingEvent, SittingState> => ({
  name: 'panel-sitting',
  streamPrefix: SITTING_STREAM_PREFIX,
  decider: makeSittingDecider(policy, calendar),
  commands: sittingCommands,
  events: sittingEvents,
  streamOf: (c) => sittingStream(c.data.sittingId),
  deadlines: (state, asOf) => deadlinesAt(sittingDeadlines(state, policy, calendar), asOf),
  timeline: sittingTimeline,
});

export const panelReferralModule = (
  policy: PanelPolicy = defaultPanelPolicy,
  calendar: Calendar = englandAndWales,
): DomainModule<PanelReferralCommand, PanelReferralEvent, ReferralState> => ({
  name: 'panel-referral',
  streamPrefix: REFERRAL_STREAM_PREFIX,
  decider: makeReferralDecider(policy, calendar),
  commands: referralCommands,
  events: referralEvents,
  streamOf: (c) => referralStream(c.data.referralId),
  deadlines: (state, asOf) => deadlinesAt(referralDeadlines(state, policy, calendar), asOf),
  timeline: referralTimeline,
});
