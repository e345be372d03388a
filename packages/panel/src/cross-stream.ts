/**
 * Cross-stream facts, computed purely from a stream's state for a command on another stream
 * (a decider sees only its own stream): a sitting's facts for a referral's decision, the
 * schedule entry of a sitting for booking and rebooking.
 */
import { compareInstants } from '@aimline/calendar';
import type { ReferralState } from './referral/state.js';
import type { ScheduleEntry } from './schedule/booking.js';
import type { ScheduledSitting } from './schedule/pattern.js';
import type { InvitedAttendee } from './sitting/commands.js';
import type { SittingState } from './sitting/state.js';
import type { SittingFacts } from './values.js';

/** PNL-2, PNL-6: what `RecordDecision` needs to know about the sitting. */
export const sittingFacts = (state: SittingState): SittingFacts | undefined =>
  state.sittingId === null || state.slot === null
    ? undefined
    : {
        sittingId: state.sittingId,
        date: state.slot.date,
        held: state.held !== null,
        cancelled: state.cancelled !== null,
        chairedBy: state.held?.chairedBy ?? null,
      };

/** The schedule entry of a sitting as its stream now says (moved, cancelled). */
export const scheduleEntryOf = (state: SittingState): ScheduleEntry | undefined =>
  state.sittingId === null || state.slot === null
    ? undefined
    : {
        sittingId: state.sittingId,
        date: state.slot.date,
        start: state.slot.start,
        cancelled: state.cancelled !== null,
      };

/**
 * The schedule to book against: the generated sittings, each replaced by its stream's state
 * where the sitting has one (so moves and cancellations count).
 */
export const currentSchedule = (
  generated: ReadonlyArray<ScheduledSitting>,
  states: ReadonlyArray<SittingState>,
): ScheduleEntry[] => {
  const byId = new Map<string, ScheduleEntry>();
  for (const g of generated)
    byId.set(g.sittingId, { sittingId: g.sittingId, date: g.date, start: g.start });
  for (const s of states) {
    const e = scheduleEntryOf(s);
    if (e !== undefined) byId.set(e.sittingId, e);
  }
  return [...byId.values()].sort((a, b) => compareInstants(a.start, b.start));
};

/**
 * PNL-5 → the sitting's attendance: the referral's record of its referrer at `sittingId` as an
 * invited attendee of that sitting (`RecordInvitedAttendance`), so that a referrer who presented
 * is a participant who gets the minutes (MTG-8, PNL-7). The presenter is the colleague who
 * presented in the referrer's place when one is recorded. `undefined` until the referral has
 * recorded its referrer's attendance at that sitting.
 */
export const presentingReferrerFor = (
  state: ReferralState,
  sittingId: string,
): InvitedAttendee | undefined => {
  const record = state.referrerAttendance.find((a) => a.sittingId === sittingId);
  const person = record?.presenter ?? state.referrer;
  if (record === undefined || state.referralId === null || person === null) return undefined;
  return {
    person,
    capacity: 'presenting-referrer',
    status: record.present ? 'present' : 'apologies',
    referralId: state.referralId,
  };
};
