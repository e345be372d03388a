/** Events of a panel sitting. Every event's data carries `sittingId` and `at`. */
import * as t from 'io-ts';
import {
  defineEvent,
  eventCatalogue,
  IsoDate,
  IsoInstant,
  personal,
  type EventOf,
} from '@aimline/kernel';
import { Member, NonEmptyString, ReferralId, SittingId } from '../values.js';
import { Attendee, InvitedAttendee } from './commands.js';

const base = { sittingId: SittingId, at: IsoInstant };

/** Where and when a sitting takes place. */
export const SittingSlot = t.type(
  { date: IsoDate, start: IsoInstant, end: IsoInstant, venue: NonEmptyString },
  'SittingSlot',
);
export type SittingSlot = t.TypeOf<typeof SittingSlot>;

export const sittingEventDefinitions = {
  /** PNL-1: `movedFrom` says why the pattern's date was not used (a bank holiday …). */
  SittingScheduled: defineEvent(
    t.type({
      ...base,
      meetingId: NonEmptyString,
      slot: SittingSlot,
      patternDate: IsoDate,
      movedFrom: t.union([t.null, t.type({ date: IsoDate, reason: t.string })]),
    }),
  ),
  SittingVenueChanged: defineEvent(
    t.type({ ...base, from: t.string, venue: NonEmptyString, reason: NonEmptyString }),
  ),
  SittingMoved: defineEvent(
    t.type({ ...base, from: SittingSlot, to: SittingSlot, reason: NonEmptyString }),
  ),
  SittingCancelled: defineEvent(t.type({ ...base, reason: NonEmptyString })),
  MembersNotified: defineEvent(t.type({ ...base, slot: SittingSlot, members: t.array(Member) })),
  AttendanceRecorded: defineEvent(t.type({ ...base, attendees: t.array(Attendee) })),
  /**
   * PNL-5, MTG-8: attendees who hold no seat, recorded apart from the seats (PNL-2). A later
   * record of the same person (by `person.id`) replaces the earlier one.
   */
  InvitedAttendanceRecorded: defineEvent(t.type({ ...base, attendees: t.array(InvitedAttendee) })),
  SittingHeld: defineEvent(
    t.type({ ...base, chairedBy: t.union([t.literal('chair'), t.literal('co-chair'), t.null]) }),
  ),
  ActionAgreed: defineEvent(
    t.type({
      ...base,
      actionId: NonEmptyString,
      referralId: t.union([ReferralId, t.null]),
      owner: Member,
      description: personal(NonEmptyString, 'freeText'),
      dueBy: IsoDate,
    }),
  ),
  ActionUpdateReceived: defineEvent(
    t.type({
      ...base,
      actionId: NonEmptyString,
      update: personal(NonEmptyString, 'freeText'),
      complete: t.boolean,
    }),
  ),
  MinutesApproved: defineEvent(t.type({ ...base, approvedBy: NonEmptyString })),
  /** PNL-7, PNL-8: `documentCategory` is "P25 YYYY/MM/DD LEGAL MEETINGS (HSB AIM)". */
  MinutesDistributed: defineEvent(
    t.type({
      ...base,
      documentCategory: t.string,
      recipients: t.array(NonEmptyString),
      late: t.boolean,
    }),
  ),
  /** MTG-8, PNL-8: uploaded with the attendance list, categorised as in PNL-8. */
  MinutesUploaded: defineEvent(
    t.type({
      ...base,
      systems: t.array(NonEmptyString),
      attendanceListIncluded: t.literal(true),
      documentCategory: t.string,
    }),
  ),
  /** MTG-9: the lists and hard copies were destroyed. */
  HardCopiesDestroyed: defineEvent(t.type({ ...base, destroyedBy: NonEmptyString })),
};

export const sittingEvents = eventCatalogue(sittingEventDefinitions);
export type PanelSittingEvent = EventOf<typeof sittingEventDefinitions>;
