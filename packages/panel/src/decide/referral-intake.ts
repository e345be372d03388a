/** PNL-3, PNL-4, PNL-5: receiving and booking a referral, papers, contacts, the referrer. */
import { ageOn, type Calendar, instantMs, isWorkingDay, localDate } from '@aimline/calendar';
import { accept, refuse, reject, type Rejection } from '@aimline/kernel';
import type { ReferralHandler } from './handler.js';
import type { PanelPolicy } from '../policy.js';
import type { ReferralState } from '../referral/state.js';
import { papersDueFor } from '../schedule/booking.js';
import type { Booking, ConcernFacts } from '../values.js';

/** STATE: the referral must exist, be open and not yet decided. */
export const openUndecided = (s: ReferralState): Rejection | undefined => {
  if (s.referralId === null) return reject('STATE', 'no referral has been received');
  if (s.closed !== null) return reject('STATE', 'the referral is closed');
  if (s.decision !== null) return reject('STATE', 'the panel has already decided on this referral');
  return undefined;
};

/** PNL-1, PNL-4: a booking must be a working day whose papers deadline has not passed at `at`. */
const checkBooking = (
  b: Booking,
  at: string,
  policy: PanelPolicy,
  calendar: Calendar,
  field: string,
): Rejection | undefined => {
  if (!isWorkingDay(calendar, b.sittingDate))
    return reject('PNL-1', 'the panel sits on working days', `${field}.sittingDate`);
  if (localDate(b.sittingStart) !== b.sittingDate)
    return reject('INPUT', 'the sitting start is not on the sitting date', `${field}.sittingStart`);
  if (b.papersDue !== papersDueFor(policy, calendar, b.sittingDate))
    return reject(
      'INPUT',
      `papers are due ${policy.papersWorkingDaysBefore} working days before the sitting`,
      `${field}.papersDue`,
    );
  if (instantMs(b.papersDue) < instantMs(at))
    return reject(
      'PNL-4',
      'too late for the papers to reach members in time: book the next sitting',
      `${field}.sittingId`,
    );
  return undefined;
};

/** The concern's facts are consistent: nothing after the referral, no behaviour before birth. */
const concernFailure = (
  f: ConcernFacts,
  dateOfBirth: string,
  at: string,
): Rejection | undefined => {
  const late = (instant: string | undefined): boolean =>
    instant !== undefined && instantMs(instant) > instantMs(at);
  if (late(f.disclosedAt))
    return reject('INPUT', 'the disclosure is after the referral', 'data.concern.disclosedAt');
  if (f.behaviourDate !== undefined && f.behaviourDate > localDate(at))
    return reject('INPUT', 'the behaviour is dated in the future', 'data.concern.behaviourDate');
  if (f.behaviourDate !== undefined && f.behaviourDate < dateOfBirth)
    return reject(
      'INPUT',
      'the behaviour predates the birth of the child',
      'data.concern.behaviourDate',
    );
  if (late(f.notifications?.childrensSocialCare))
    return reject(
      'INPUT',
      'notified after the referral',
      'data.concern.notifications.childrensSocialCare',
    );
  if (late(f.notifications?.police))
    return reject('INPUT', 'notified after the referral', 'data.concern.notifications.police');
  return undefined;
};

export const receiveReferral: ReferralHandler<'ReceiveReferral'> = (c, s, { policy, calendar }) => {
  if (s.referralId !== null) return refuse('STATE', `referral ${s.referralId} is already received`);
  const today = localDate(c.at);
  if (c.data.child.dateOfBirth > today)
    return refuse('INPUT', 'the date of birth is in the future', 'data.child.dateOfBirth');
  const age = ageOn(c.data.child.dateOfBirth, today);
  if (age < policy.minimumAge || age > policy.maximumAge)
    return refuse(
      'PNL-3',
      `the panel takes children aged ${policy.minimumAge}-${policy.maximumAge}; this child is ${age}`,
      'data.child.dateOfBirth',
    );
  const bad =
    checkBooking(c.data.booking, c.at, policy, calendar, 'data.booking') ??
    concernFailure(c.data.concern ?? {}, c.data.child.dateOfBirth, c.at);
  if (bad !== undefined) return refuse(bad);
  const { referralId } = c.data;
  return accept(
    {
      type: 'ReferralReceived',
      data: {
        referralId,
        at: c.at,
        child: c.data.child,
        ageAtReferral: age,
        referrer: c.data.referrer,
        concernSummary: c.data.concernSummary,
        behaviourTypes: c.data.behaviourTypes,
        ...(c.data.concern === undefined ? {} : { concern: c.data.concern }),
      },
    },
    { type: 'ReferralBooked', data: { referralId, at: c.at, booking: c.data.booking } },
  );
};

const sameBooking = (a: Booking, b: Booking): boolean =>
  a.sittingId === b.sittingId &&
  a.sittingDate === b.sittingDate &&
  a.sittingStart === b.sittingStart;

export const rebookReferral: ReferralHandler<'RebookReferral'> = (c, s, { policy, calendar }) => {
  const closed = openUndecided(s);
  if (closed !== undefined) return refuse(closed);
  const current = s.booking!;
  if (sameBooking(current, c.data.booking)) return accept();
  const b = c.data.booking;
  const papersAlreadyIn =
    s.papersSent !== null &&
    b.sittingId === s.papersSent.sittingId &&
    instantMs(s.papersSent.at) <= instantMs(b.papersDue);
  if (!papersAlreadyIn) {
    const bad = checkBooking(b, c.at, policy, calendar, 'data.booking');
    if (bad !== undefined) return refuse(bad);
  } else if (!isWorkingDay(calendar, b.sittingDate))
    return refuse('PNL-1', 'the panel sits on working days', 'data.booking.sittingDate');
  return accept({
    type: 'ReferralRebooked',
    data: {
      referralId: c.data.referralId,
      at: c.at,
      from: current,
      booking: b,
      reason: c.data.reason,
    },
  });
};

export const sendPapers: ReferralHandler<'SendPapers'> = (c, s) => {
  const closed = openUndecided(s);
  if (closed !== undefined) return refuse(closed);
  if (c.data.recipients.length === 0)
    return refuse('PNL-4', 'papers go to the panel members: name them', 'data.recipients');
  const b = s.booking!;
  return accept({
    type: 'PapersSent',
    data: {
      referralId: c.data.referralId,
      at: c.at,
      sittingId: b.sittingId,
      recipients: c.data.recipients,
      papersDue: b.papersDue,
      late: instantMs(c.at) > instantMs(b.papersDue),
    },
  });
};

export const sharePreviousContacts: ReferralHandler<'SharePreviousContacts'> = (c, s) => {
  const closed = openUndecided(s);
  if (closed !== undefined) return refuse(closed);
  return accept({
    type: 'PreviousContactsShared',
    data: {
      referralId: c.data.referralId,
      at: c.at,
      member: c.data.member,
      contacts: c.data.contacts,
    },
  });
};

export const recordReferrerAttendance: ReferralHandler<'RecordReferrerAttendance'> = (c, s) => {
  const closed = openUndecided(s);
  if (closed !== undefined) return refuse(closed);
  if (c.data.sittingId !== s.booking!.sittingId)
    return refuse(
      'PNL-3',
      `the referral is booked into sitting ${s.booking!.sittingId}`,
      'data.sittingId',
    );
  if (!c.data.present && c.data.reason === undefined)
    return refuse(
      'PNL-5',
      'the referrer is expected to attend to present: record why not',
      'data.reason',
    );
  return accept({
    type: 'ReferrerAttendanceRecorded',
    data: {
      referralId: c.data.referralId,
      at: c.at,
      sittingId: c.data.sittingId,
      present: c.data.present,
      presenter: c.data.presenter ?? null,
      reason: c.data.reason ?? null,
    },
  });
};
