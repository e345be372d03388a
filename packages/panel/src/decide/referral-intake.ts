/** PNL-3, PNL-4, PNL-5: receiving and booking a referral, papers, contacts, the referrer. */
import {
  ageOn,
  type Calendar,
  instantMs,
  isAgeInBand,
  isWorkingDay,
  localDate,
} from '@aimline/calendar';
import { accept, decideWhen, decideWith, guard, type Check } from '@aimline/kernel';
import { openUndecided } from './guards.js';
import type { ReferralHandler } from './handler.js';
import type { PanelPolicy } from '../policy.js';
import { papersDueFor } from '../schedule/booking.js';
import type { Booking, ConcernFacts } from '../values.js';

/** PNL-1: the panel sits on working days. */
const workingDay = (b: Booking, calendar: Calendar, field: string): Check =>
  guard('PNL-1', 'the panel sits on working days', `${field}.sittingDate`, () => {
    return !isWorkingDay(calendar, b.sittingDate);
  });

/** PNL-1, PNL-4: a booking must be a working day whose papers deadline has not passed at `at`. */
const bookable = (
  b: Booking,
  at: string,
  policy: PanelPolicy,
  calendar: Calendar,
  field: string,
): ReadonlyArray<Check> => [
  workingDay(b, calendar, field),
  guard('INPUT', 'the sitting start is not on the sitting date', `${field}.sittingStart`, () => {
    return localDate(b.sittingStart) !== b.sittingDate;
  }),
  guard(
    'INPUT',
    `papers are due ${policy.papersWorkingDaysBefore} working days before the sitting`,
    `${field}.papersDue`,
    () => b.papersDue !== papersDueFor(policy, calendar, b.sittingDate),
  ),
  guard(
    'PNL-4',
    'too late for the papers to reach members in time: book the next sitting',
    `${field}.sittingId`,
    () => instantMs(b.papersDue) < instantMs(at),
  ),
];

/** The concern's facts are consistent: nothing after the referral, no behaviour before birth. */
const consistentConcern = (
  f: ConcernFacts,
  dateOfBirth: string,
  at: string,
): ReadonlyArray<Check> => {
  const late = (instant: string | undefined): boolean =>
    instant !== undefined && instantMs(instant) > instantMs(at);
  const behaviour = f.behaviourDate;
  return [
    guard('INPUT', 'the disclosure is after the referral', 'data.concern.disclosedAt', () => {
      return late(f.disclosedAt);
    }),
    guard('INPUT', 'the behaviour is dated in the future', 'data.concern.behaviourDate', () => {
      return behaviour !== undefined && behaviour > localDate(at);
    }),
    guard(
      'INPUT',
      'the behaviour predates the birth of the child',
      'data.concern.behaviourDate',
      () => {
        return behaviour !== undefined && behaviour < dateOfBirth;
      },
    ),
    ...(['childrensSocialCare', 'police'] as const).map((agency) =>
      guard('INPUT', 'notified after the referral', `data.concern.notifications.${agency}`, () => {
        return late(f.notifications?.[agency]);
      }),
    ),
  ];
};

export const receiveReferral: ReferralHandler<'ReceiveReferral'> = (c, s, { policy, calendar }) => {
  const today = localDate(c.at);
  const { referralId, child } = c.data;
  const age = ageOn(child.dateOfBirth, today);
  return decideWhen(
    [
      guard(
        'STATE',
        `referral ${s.referralId ?? ''} is already received`,
        'data.referralId',
        () => {
          return s.referralId !== null;
        },
      ),
      guard('INPUT', 'the date of birth is in the future', 'data.child.dateOfBirth', () => {
        return child.dateOfBirth > today;
      }),
      guard(
        'PNL-3',
        `the panel takes children aged ${policy.ageRange.from}-${policy.ageRange.to}; this child is ${age}`,
        'data.child.dateOfBirth',
        () => !isAgeInBand(policy.ageRange, age),
      ),
      ...bookable(c.data.booking, c.at, policy, calendar, 'data.booking'),
      ...consistentConcern(c.data.concern ?? {}, child.dateOfBirth, c.at),
    ],
    () =>
      accept(
        {
          type: 'ReferralReceived',
          data: {
            referralId,
            at: c.at,
            child,
            ageAtReferral: age,
            referrer: c.data.referrer,
            concernSummary: c.data.concernSummary,
            behaviourTypes: c.data.behaviourTypes,
            ...(c.data.concern === undefined ? {} : { concern: c.data.concern }),
          },
        },
        { type: 'ReferralBooked', data: { referralId, at: c.at, booking: c.data.booking } },
      ),
  );
};

const sameBooking = (a: Booking, b: Booking): boolean =>
  a.sittingId === b.sittingId &&
  a.sittingDate === b.sittingDate &&
  a.sittingStart === b.sittingStart;

export const rebookReferral: ReferralHandler<'RebookReferral'> = (c, s, { policy, calendar }) => {
  const b = c.data.booking;
  const papersAlreadyIn =
    s.papersSent !== null &&
    b.sittingId === s.papersSent.sittingId &&
    instantMs(s.papersSent.at) <= instantMs(b.papersDue);
  const same = s.booking !== null && sameBooking(s.booking, b);
  return decideWith(openUndecided(s), ({ booking }) =>
    decideWhen(
      // The same booking again changes nothing (below); papers already in need only a working day.
      same
        ? []
        : papersAlreadyIn
          ? [workingDay(b, calendar, 'data.booking')]
          : bookable(b, c.at, policy, calendar, 'data.booking'),
      () =>
        same
          ? accept()
          : accept({
              type: 'ReferralRebooked',
              data: {
                referralId: c.data.referralId,
                at: c.at,
                from: booking,
                booking: b,
                reason: c.data.reason,
              },
            }),
    ),
  );
};

export const sendPapers: ReferralHandler<'SendPapers'> = (c, s) =>
  decideWith(openUndecided(s), ({ booking: b }) =>
    decideWhen(
      [
        guard('PNL-4', 'papers go to the panel members: name them', 'data.recipients', () => {
          return c.data.recipients.length === 0;
        }),
      ],
      () =>
        accept({
          type: 'PapersSent',
          data: {
            referralId: c.data.referralId,
            at: c.at,
            sittingId: b.sittingId,
            recipients: c.data.recipients,
            papersDue: b.papersDue,
            late: instantMs(c.at) > instantMs(b.papersDue),
          },
        }),
    ),
  );

export const sharePreviousContacts: ReferralHandler<'SharePreviousContacts'> = (c, s) =>
  decideWith(openUndecided(s), () =>
    accept({
      type: 'PreviousContactsShared',
      data: {
        referralId: c.data.referralId,
        at: c.at,
        member: c.data.member,
        contacts: c.data.contacts,
      },
    }),
  );

export const recordReferrerAttendance: ReferralHandler<'RecordReferrerAttendance'> = (c, s) =>
  decideWith(openUndecided(s), ({ booking }) =>
    decideWhen(
      [
        guard(
          'PNL-3',
          `the referral is booked into sitting ${booking.sittingId}`,
          'data.sittingId',
          () => c.data.sittingId !== booking.sittingId,
        ),
        guard(
          'PNL-5',
          'the referrer is expected to attend to present: record why not',
          'data.reason',
          () => !c.data.present && c.data.reason === undefined,
        ),
      ],
      () =>
        accept({
          type: 'ReferrerAttendanceRecorded',
          data: {
            referralId: c.data.referralId,
            at: c.at,
            sittingId: c.data.sittingId,
            present: c.data.present,
            presenter: c.data.presenter ?? null,
            reason: c.data.reason ?? null,
          },
        }),
    ),
  );
