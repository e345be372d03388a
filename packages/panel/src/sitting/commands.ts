/** Commands of a panel sitting (stream `panel-sitting-{yyyy-mm}`), as io-ts data codecs. */
import * as t from 'io-ts';
import { commandCatalogue, IsoDate, personal, type CommandOf } from '@aimline/kernel';
import { Member, NonEmptyString, Professional, ReferralId, SittingId } from '../values.js';

const HhMm = t.refinement(t.string, (s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), 'HhMm');

/** PNL-2: who sat in which seat; a deputy only in an emergency, recorded as such. */
export const Attendee = t.intersection(
  [
    t.type({
      role: NonEmptyString,
      member: Member,
      status: t.keyof({ present: null, apologies: null, deputy: null }),
    }),
    t.partial({ emergency: t.string }),
  ],
  'Attendee',
);
export type Attendee = t.TypeOf<typeof Attendee>;

/**
 * PNL-5, MTG-8: someone at the sitting who holds no seat on the panel: a referrer presenting
 * their referral (003: "each referrer into the AIM panel will attend to present the case"), or
 * another invited attendee. They are participants (present for MTG-8) but never members (PNL-2).
 * A presenting referrer names the referral they present (`presentingReferrerFor` gives the entry
 * from the referral's own record).
 */
export const InvitedAttendee = t.intersection(
  [
    t.type({
      person: Professional,
      capacity: t.keyof({ 'presenting-referrer': null, invited: null }),
      status: t.keyof({ present: null, apologies: null }),
    }),
    t.partial({ referralId: ReferralId }),
  ],
  'InvitedAttendee',
);
export type InvitedAttendee = t.TypeOf<typeof InvitedAttendee>;

export const sittingCommandDefinitions = {
  /** PNL-1: the sitting of a month, on the date the policy's pattern and the calendar give. */
  ScheduleSitting: t.type({ sittingId: SittingId, meetingId: NonEmptyString }),
  /** PNL-1: another venue for this sitting. */
  ChangeSittingVenue: t.type({
    sittingId: SittingId,
    venue: NonEmptyString,
    reason: NonEmptyString,
  }),
  /** PNL-1: another date (and optionally times) for this sitting. */
  MoveSitting: t.intersection([
    t.type({ sittingId: SittingId, date: IsoDate, reason: NonEmptyString }),
    t.partial({ start: HhMm, end: HhMm }),
  ]),
  CancelSitting: t.type({ sittingId: SittingId, reason: NonEmptyString }),
  /** PNL-1: members are told the date, times and venue through their invites. */
  NotifyMembers: t.type({ sittingId: SittingId, members: t.array(Member) }),
  /** PNL-2 */
  RecordAttendance: t.type({ sittingId: SittingId, attendees: t.array(Attendee) }),
  /** PNL-5, MTG-8: invited attendees who hold no seat (presenting referrers, guests). */
  RecordInvitedAttendance: t.type({ sittingId: SittingId, attendees: t.array(InvitedAttendee) }),
  HoldSitting: t.type({ sittingId: SittingId }),
  /** PNL-9: an action with its owner and the timescale agreed at the sitting. */
  AgreeAction: t.intersection([
    t.type({
      sittingId: SittingId,
      actionId: NonEmptyString,
      owner: Member,
      description: personal(NonEmptyString, 'freeText'),
      dueBy: IsoDate,
    }),
    t.partial({ referralId: ReferralId }),
  ]),
  /** PNL-9: an update from the action's owner. */
  RecordActionUpdate: t.type({
    sittingId: SittingId,
    actionId: NonEmptyString,
    update: personal(NonEmptyString, 'freeText'),
    complete: t.boolean,
  }),
  /** PNL-7 / MTG-7: the chair approves the minutes of key actions. */
  ApproveMinutes: t.type({ sittingId: SittingId }),
  /**
   * PNL-7 / MTG-8: minutes go to those present and to action owners (the list is derived, by
   * `@aimline/meetings`). Without `recipients`: to everyone on the list not yet sent them;
   * naming anyone not on it is rejected `MTG-8`.
   */
  DistributeMinutes: t.intersection([
    t.type({ sittingId: SittingId }),
    t.partial({ recipients: t.array(NonEmptyString) }),
  ]),
  /**
   * MTG-8, PNL-8: the approved minutes are uploaded with the attendance list to the case systems
   * (003: "recorded in the documents section of Liquidlogic", categorised P25 …).
   */
  UploadMinutes: t.type({
    sittingId: SittingId,
    systems: t.array(NonEmptyString),
    attendanceListIncluded: t.boolean,
  }),
  /** MTG-9: the lists and hard copies are destroyed once the minutes are uploaded. */
  DestroyHardCopies: t.type({ sittingId: SittingId }),
};

export const sittingCommands = commandCatalogue(sittingCommandDefinitions);
export type PanelSittingCommand = CommandOf<typeof sittingCommandDefinitions>;
