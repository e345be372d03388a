/**
 * The kernel DomainModules and deciders of the panel's two streams. Each decider's `decide`
 * validates the command first: bad data is an `INPUT` rejection naming the field.
 */
import { englandAndWales, type Calendar } from '@aimline/calendar';
import {
  configuredModule,
  validatingDecider,
  type Command,
  type CommandCatalogue,
  type Decider,
  type Decision,
} from '@aimline/kernel';
import type { Context } from './decide/handler.js';
import { decideReferral } from './decide/referral.js';
import { decideSitting } from './decide/sitting.js';
import { defaultPanelPolicy, type PanelPolicy } from './policy.js';
import { referralCommands } from './referral/commands.js';
import { referralEvents } from './referral/events.js';
import { referralDeadlines } from './referral/deadlines.js';
import { evolveReferral } from './referral/evolve.js';
import { initialReferralState } from './referral/state.js';
import { sittingCommands } from './sitting/commands.js';
import { sittingEvents } from './sitting/events.js';
import { sittingDeadlines } from './sitting/deadlines.js';
import { evolveSitting } from './sitting/evolve.js';
import { initialSittingState } from './sitting/state.js';
import { referralTimeline, sittingTimeline } from './timeline.js';

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

/** `panelSittingModule(policy?, calendar?)`: England and Wales' calendar unless another is given. */
export const panelSittingModule = configuredModule('panel-sitting', 'sittingId', {
  defaults: [defaultPanelPolicy, englandAndWales],
  decider: makeSittingDecider,
  deadlines: sittingDeadlines,
  commands: sittingCommands,
  events: sittingEvents,
  timeline: sittingTimeline,
});

/** `panelReferralModule(policy?, calendar?)`: England and Wales' calendar unless another is given. */
export const panelReferralModule = configuredModule('panel-referral', 'referralId', {
  defaults: [defaultPanelPolicy, englandAndWales],
  decider: makeReferralDecider,
  deadlines: referralDeadlines,
  commands: referralCommands,
  events: referralEvents,
  timeline: referralTimeline,
});

export const { prefix: SITTING_STREAM_PREFIX, of: sittingStream } = panelSittingModule.streams;
export const { prefix: REFERRAL_STREAM_PREFIX, of: referralStream } = panelReferralModule.streams;
