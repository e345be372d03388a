/**
 * The kernel DomainModules and deciders of the panel's two streams. Each decider's `decide`
 * validates the command first: bad data is an `INPUT` rejection naming the field.
 */
import { englandAndWales, type Calendar } from '@aimline/calendar';
import {
  domainModule,
  prefixedStream,
  validatingDecider,
  type Command,
  type CommandCatalogue,
  type Decider,
  type Decision,
  type DomainModule,
} from '@aimline/kernel';
import type { Context } from './decide/handler.js';
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

export const sittingStream = prefixedStream(SITTING_STREAM_PREFIX);
export const referralStream = prefixedStream(REFERRAL_STREAM_PREFIX);

type DecideIn<C, E, S> = (ctx: Context) => (command: C, state: S) => Decision<E>;

/**
 * A decider maker for one of the panel's streams: its decide bound to a policy and calendar,
 * validating each command with the stream's catalogue first.
 */
const panelDecider =
  <C extends Command, E, S>(
    initialState: S,
    decide: DecideIn<C, E, S>,
    evolve: (state: S, event: E) => S,
    commands: CommandCatalogue<C>,
  ) =>
  (
    policy: PanelPolicy = defaultPanelPolicy,
    calendar: Calendar = englandAndWales,
  ): Decider<C, E, S> =>
    validatingDecider({ initialState, decide: decide({ policy, calendar }), evolve }, commands);

export const makeSittingDecider = panelDecider(
  initialSittingState,
  decideSitting,
  evolveSitting,
  sittingCommands,
);
export const makeReferralDecider = panelDecider(
  initialReferralState,
  decideReferral,
  evolveReferral,
  referralCommands,
);

export const panelSittingModule = (
  policy: PanelPolicy = defaultPanelPolicy,
  calendar: Calendar = englandAndWales,
): DomainModule<PanelSittingCommand, PanelSittingEvent, SittingState> =>
  domainModule('panel-sitting', 'sittingId', {
    decider: makeSittingDecider(policy, calendar),
    commands: sittingCommands,
    events: sittingEvents,
    deadlines: (state) => sittingDeadlines(state, policy, calendar),
    timeline: sittingTimeline,
  });

export const panelReferralModule = (
  policy: PanelPolicy = defaultPanelPolicy,
  calendar: Calendar = englandAndWales,
): DomainModule<PanelReferralCommand, PanelReferralEvent, ReferralState> =>
  domainModule('panel-referral', 'referralId', {
    decider: makeReferralDecider(policy, calendar),
    commands: referralCommands,
    events: referralEvents,
    deadlines: (state) => referralDeadlines(state, policy, calendar),
    timeline: referralTimeline,
  });
