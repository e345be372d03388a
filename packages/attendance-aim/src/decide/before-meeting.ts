/** Before the AIM (ATT-1, ATT-2, ATT-3): evidence of support, scheduling, the letter to each parent. */
import { inLondon, isAfter, localDate } from '@aimline/calendar';
import { decideWhen, decideWith, accept, eachItem, firstFailure, guard } from '@aimline/kernel';
import { compulsorySchoolAgeGuard } from './compulsory-school-age.js';
import { aimIn, aimInFuture, aimScheduled } from './aim-meeting.js';
import type { Handler } from './handler.js';
import type { AimVenue, LetterContent, ParentCarer } from '../values.js';

export const attachSupportEvidence: Handler<'AttachSupportEvidence'> = ({ data: d, at }) =>
  decideWhen(
    [
      // ATT-1: the evidence shows the steps taken and how the family engaged with them.
      guard(
        'ATT-1',
        'the evidence lists no support step',
        'data.steps',
        () => d.steps.length === 0,
      ),
      eachItem(d.steps, (step, i) => [
        guard('INPUT', 'a support step starts in the future', `data.steps.${i}.startedOn`, () => {
          return step.startedOn > localDate(at);
        }),
      ]),
    ],
    () => accept({ type: 'SupportEvidenceAttached', data: { ...d, at } }),
  );

export const scheduleAim: Handler<'ScheduleAim'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      guard(
        'STATE',
        `meeting ${d.meetingId} is already scheduled`,
        'data.meetingId',
        () => s.meetings[d.meetingId] !== undefined,
      ),
      aimInFuture(d.start, at, 'scheduled for'),
    ],
    () => accept({ type: 'AimScheduled', data: { ...d, at } }),
  );

export const rearrangeAim: Handler<'RearrangeAim'> = ({ data: d, at }, s) =>
  decideWith(aimIn(s, d.meetingId, 'scheduled', 'has already taken place'), () =>
    decideWhen([aimInFuture(d.start, at, 'rearranged to')], () =>
      accept({ type: 'AimRearranged', data: { ...d, at } }),
    ),
  );

/** The England local time `HH:MM` of an instant (T-1), as a letter states it. */
const timeOf = (instant: string): string => inLondon(instant).toFormat('HH:mm');

const venueText = (venue: AimVenue): string =>
  venue.location.mode === 'venue' ? venue.location.venue : venue.location.platform;
const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * ATT-2: the AIM's date, time and venue, each as the letter must state it. The venue is free
 * text (and may be an address): it is compared ignoring case and spaces, never repeated in a reason.
 */
const aimDetails = (start: string, venue: AimVenue) =>
  [
    { key: 'meetingDate', what: 'date', aims: () => localDate(start), freeText: false },
    { key: 'meetingTime', what: 'time', aims: () => timeOf(start), freeText: false },
    { key: 'venue', what: 'venue', aims: () => venueText(venue), freeText: true },
  ] as const;

/** ATT-2, ATT-3: what the letter must say to this parent about this meeting. */
const letterProblem = (
  letter: LetterContent,
  parent: ParentCarer,
  start: string,
  venue: AimVenue,
) => {
  const f = (name: string): string => `data.letter.${name}`;
  return firstFailure(
    guard(
      'ATT-3',
      'the letter must address the parent by first and last name',
      f('addressedTo'),
      () => letter.addressedTo === undefined,
    ),
    guard(
      'ATT-3',
      `the letter is not addressed to parent ${parent.parentId} by their recorded first and last name`,
      f('addressedTo'),
      () => {
        const to = letter.addressedTo;
        return (
          to !== undefined &&
          (!same(to.firstName, parent.firstName) || !same(to.lastName, parent.lastName))
        );
      },
    ),
    guard(
      'ATT-2',
      'the letter must tell the parent they may be at risk of prosecution',
      f('statesRiskOfProsecution'),
      () => letter.statesRiskOfProsecution !== true,
    ),
    eachItem(aimDetails(start, venue), ({ key, what, aims, freeText }) => {
      const given = letter[key];
      const expected = aims();
      return [
        guard(
          'ATT-2',
          `the letter gives no ${what} for the AIM`,
          f(key),
          () => given === undefined,
        ),
        guard(
          'ATT-2',
          `the letter's ${what} is not the AIM's ${what}${freeText ? '' : ` (${expected})`}`,
          f(key),
          () => given !== undefined && !(freeText ? same(given, expected) : given === expected),
        ),
      ];
    }),
    guard(
      'ATT-2',
      'the letter must invite the parent to say if they cannot attend at that time',
      f('invitesToSayIfCannotAttend'),
      () => letter.invitesToSayIfCannotAttend !== true,
    ),
    guard(
      'ATT-2',
      'the letter must offer reasonable adjustments',
      f('offersReasonableAdjustments'),
      () => letter.offersReasonableAdjustments !== true,
    ),
    guard(
      'ATT-2',
      'the letter must offer to meet at home or at a neutral venue',
      f('offersHomeOrNeutralVenue'),
      () => letter.offersHomeOrNeutralVenue !== true,
    ),
  );
};

export const sendAimLetter: Handler<'SendAimLetter'> = ({ data: d, at }, s, policy) => {
  const meeting = s.meetings[d.meetingId];
  const parent = s.parents[d.parentId];
  return decideWhen(
    [
      aimScheduled(s, d.meetingId),
      guard(
        'INPUT',
        `parent ${d.parentId} is not recorded on the case`,
        'data.parentId',
        () => parent === undefined,
      ),
      guard(
        'ATT-2',
        `meeting ${d.meetingId} has already started; a letter must invite the parent to it`,
        'data.meetingId',
        () =>
          meeting !== undefined && (meeting.status !== 'scheduled' || !isAfter(meeting.start, at)),
      ),
      // ATT-1: the evidence of the school's support goes on the case before the letter.
      guard(
        'ATT-1',
        'attach the evidence of the support steps taken before the letter goes',
        'data.caseId',
        () => s.supportEvidence.length === 0,
      ),
      // NAT-8: the letter is the first stage of the legal process.
      compulsorySchoolAgeGuard(s, localDate(at), policy, 'at'),
      () =>
        meeting !== undefined && parent !== undefined
          ? letterProblem(d.letter, parent, meeting.start, meeting.venue)
          : undefined,
    ],
    () => accept({ type: 'AimLetterSent', data: { ...d, at } }),
  );
};
