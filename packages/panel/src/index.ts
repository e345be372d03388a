/**
 * @aimline/panel: the monthly multi-agency AIM information-exchange pathway panel (source 003,
 * rules PNL-1 … PNL-11, NAT-9) as two event-sourced streams: `panel-sitting-{yyyy-mm}` and
 * `panel-referral-{referralId}`. Pure: no I/O, no clock.
 */
import type { Calendar, Deadline } from '@aimline/calendar';
import type { PanelPolicy } from './policy.js';
import { referralDeadlines } from './referral/deadlines.js';
import type { ReferralState } from './referral/state.js';
import { sittingDeadlines } from './sitting/deadlines.js';
import type { SittingState } from './sitting/state.js';

export * from './policy.js';
export * from './values.js';
export { CASE_NOTE_HEADING, minutesDocumentCategory } from './derive.js';
export { bandsForAge, defaultBandForAge } from './brook.js';
export {
  sittingsBetween,
  sittingForMonth,
  patternDateOf,
  type ScheduledSitting,
} from './schedule/pattern.js';
export {
  bookingFor,
  rebookingFor,
  papersDueFor,
  type ScheduleEntry,
  type Rebooking,
} from './schedule/booking.js';
export {
  sittingFacts,
  scheduleEntryOf,
  currentSchedule,
  presentingReferrerFor,
} from './cross-stream.js';
export {
  sittingCommands,
  sittingCommandDefinitions,
  Attendee,
  InvitedAttendee,
  type PanelSittingCommand,
} from './sitting/commands.js';
export {
  sittingEvents,
  sittingEventDefinitions,
  SittingSlot,
  type PanelSittingEvent,
} from './sitting/events.js';
export { initialSittingState, type SittingState, type AgreedAction } from './sitting/state.js';
export { evolveSitting } from './sitting/evolve.js';
export {
  referralCommands,
  referralCommandDefinitions,
  type PanelReferralCommand,
} from './referral/commands.js';
export {
  referralEvents,
  referralEventDefinitions,
  type PanelReferralEvent,
} from './referral/events.js';
export {
  initialReferralState,
  type ReferralState,
  type ReferralDecision,
} from './referral/state.js';
export { evolveReferral } from './referral/evolve.js';
export { chairOf, minutesChairId } from './sitting/chair.js';
export {
  minutesRecipients,
  minutesSentTo,
  minutesFullyDistributedAt,
  minutesDueFor,
  sittingParticipants,
} from './sitting/minutes.js';
export { sittingDeadlines } from './sitting/deadlines.js';
export { referralDeadlines } from './referral/deadlines.js';
export { quarterOf, type Scorecard, type PanelEvent } from './scorecard.js';
export {
  scorecard,
  emptyScorecardTally,
  tallyEvent,
  tallyQuarters,
  scorecardOf,
  type ScorecardTally,
  type QuarterTally,
  type KeyCount,
  type FirstReferral,
  type FirstReferrals,
} from './scorecard-tally.js';
export { minutesTimescale, panelMeetingPolicy } from './meeting-policy.js';
export {
  makeSittingDecider,
  makeReferralDecider,
  panelSittingModule,
  panelReferralModule,
  sittingStream,
  referralStream,
  SITTING_STREAM_PREFIX,
  REFERRAL_STREAM_PREFIX,
} from './modules.js';

/** PNL-4, PNL-7, PNL-9, PNL-10: the deadlines of a sitting's or a referral's state. */
export const panelDeadlines = (
  state: SittingState | ReferralState,
  policy: PanelPolicy,
  calendar: Calendar,
): Deadline[] =>
  'referralId' in state
    ? referralDeadlines(state, policy, calendar)
    : sittingDeadlines(state, policy, calendar);
export {
  panelLocalityModule,
  localityStream,
  isLocalityRoute,
  localityEvents,
  localityCommands,
  LOCALITY_STREAM_PREFIX,
  type PanelLocalityModule,
  type LocalityEvent,
  type LocalityCommand,
  type LocalityState,
} from './locality/module.js';
