/** PNL-3, PNL-4, PNL-5: receiving and booking a referral, papers, contacts, the referrer. */
import { isWorkingDay, type Calendar } from '@aimline/calendar';
import type { Command } from '@aimline/kernel';
import type { PanelPolicy } from '../policy.js';
import type { PanelReferralCommand } from '../referral/commands.js';
import type { PanelReferralEvent } from '../referral/events.js';
import type { ReferralState } from '../referral/state.js';
import { papersDueFor } from '../schedule/booking.js';
import { ageOn, londonDateOf } from '../schedule/local-time.js';
import type { Booking } from '../values.js';
import { eventOf, ms, no, ok, type Decision } from './common.js';

type Cmd<T extends PanelReferralCommand['type']> = Extract<PanelReferralCommand, Command<T>>;
type D = Decision<PanelReferralEvent>;
const ev = eventOf<PanelReferralEvent>();

/** STATE: the referral must exist, be open and not yet decided. */
export const openUndecided = (s: ReferralState): D | undefined => {
  if (s.referralId === null) return no('STATE', 'no referral has been received');
  if (s.closed !== null) return no('STATE', 'the referral is closed');
  if (s.decision !== null) return no('STATE', 'the panel has already decided on this referral');
  return undefined;
};

/** PNL-1, PNL-4: a booking must be a working day whose papers deadline has not passed at `at`. */
const checkBooking = (
  b: Booking,
  at: string,
  policy: PanelPolicy,
  calendar: Calendar,
  field: string,
): D | undefined => {
  if (!isWorkingDay(calendar, b.sittingDate))
    return no('PNL-1', 'the panel sits on working days', `${field}.sittingDate`);
  if (londonDateOf(b.sittingStart) !== b.sittingDate)
    return no('INPUT', 'the sitting start is not on the sitting date', `${field}.sittingStart`);
  if (b.papersDue !== papersDueFor(policy, calendar, b.sittingDate))
    return no(
      'INPUT',
      `papers are due ${policy.papersWorkingDaysBefore} working days before the sitting`,
      `${field}.papersDue`,
    );
  if (ms(b.papersDue) < ms(at))
    return no(
      'PNL-4',
      'too late for the papers to reach members in time: book the next sitting',
      `${field}.sittingId`,
    );
  return undefined;
};

export const receiveReferral = (
  c: Cmd<'ReceiveReferral'>,
  s: ReferralState,
  policy: PanelPolicy,
  calendar: Calendar,
): D => {
  if (s.referralId !== null) return no('STATE', `referral ${s.referralId} is already received`);
  const today = londonDateOf(c.at);
  if (c.data.child.dateOfBirth > today)
    return no('INPUT', 'the date of birth is in the future', 'data.child.dateOfBirth');
  const age = ageOn(c.data.child.dateOfBirth, today);
  if (age < policy.minimumAge || age > policy.maximumAge)
    return no(
      'PNL-3',
      `the panel takes children aged ${policy.minimumAge}-${policy.maximumAge}; this child is ${age}`,
      'data.child.dateOfBirth',
    );
  const bad = checkBooking(c.data.booking, c.at, policy, calendar, 'data.booking');
  if (bad !== undefined) return bad;
  const { referralId } = c.data;
  return ok(
    ev('ReferralReceived', {
      referralId,
      at: c.at,
      child: c.data.child,
      ageAtReferral: age,
      referrer: c.data.referrer,
      concernSummary: c.data.concernSummary,
      behaviourTypes: c.data.behaviourTypes,
    }),
    ev('ReferralBooked', { referralId, at: c.at, booking: c.data.booking }),
  );
};

const sameBooking = (a: Booking, b: Booking): boolean =>
  a.sittingId === b.sittingId &&
  a.sittingDate === b.sittingDate &&
  a.sittingStart === b.sittingStart;

export const rebookReferral = (
  c: Cmd<'RebookReferral'>,
  s: ReferralState,
  policy: PanelPolicy,
  calendar: Calendar,
): D => {
  const closed = openUndecided(s);
  if (closed !== undefined) return closed;
  const current = s.booking!;
  if (sameBooking(current, c.data.booking)) return ok();
  const b = c.data.booking;
  const papersAlreadyIn =
    s.papersSent !== null &&
    b.sittingId === s.papersSent.sittingId &&
    ms(s.papersSent.at) <= ms(b.papersDue);
  if (!papersAlreadyIn) {
    const bad = checkBooking(b, c.at, policy, calendar, 'data.booking');
    if (bad !== undefined) return bad;
  } else if (!isWorkingDay(calendar, b.sittingDate))
    return no('PNL-1', 'the panel sits on working days', 'data.booking.sittingDate');
  return ok(
    ev('ReferralRebooked', {
      referralId: c.data.referralId,
      at: c.at,
      from: current,
      booking: b,
      reason: c.data.reason,
    }),
  );
};

export const sendPapers = (c: Cmd<'SendPapers'>, s: ReferralState): D => {
  const closed = openUndecided(s);
  if (closed !== undefined) return closed;
  if (c.data.recipients.length === 0)
    return no('PNL-4', 'papers go to the panel members: name them', 'data.recipients');
  const b = s.booking!;
  return ok(
    ev('PapersSent', {
      referralId: c.data.referralId,
      at: c.at,
      sittingId: b.sittingId,
      recipients: c.data.recipients,
      papersDue: b.papersDue,
      late: ms(c.at) > ms(b.papersDue),
    }),
  );
};

export const sharePreviousContacts = (c: Cmd<'SharePreviousContacts'>, s: ReferralState): D => {
  const closed = openUndecided(s);
  if (closed !== undefined) return closed;
  return ok(
    ev('PreviousContactsShared', {
      referralId: c.data.referralId,
      at: c.at,
      member: c.data.member,
      contacts: c.data.contacts,
    }),
  );
};

export const recordReferrerAttendance = (
  c: Cmd<'RecordReferrerAttendance'>,
  s: ReferralState,
): D => {
  const closed = openUndecided(s);
  if (closed !== undefined) return closed;
  if (c.data.sittingId !== s.booking!.sittingId)
    return no(
      'PNL-3',
      `the referral is booked into sitting ${s.booking!.sittingId}`,
      'data.sittingId',
    );
  if (!c.data.present && c.data.reason === undefined)
    return no(
      'PNL-5',
      'the referrer is expected to attend to present: record why not',
      'data.reason',
    );
  return ok(
    ev('ReferrerAttendanceRecorded', {
      referralId: c.data.referralId,
      at: c.at,
      sittingId: c.data.sittingId,
      present: c.data.present,
      presenter: c.data.presenter ?? null,
      reason: c.data.reason ?? null,
    }),
  );
};
