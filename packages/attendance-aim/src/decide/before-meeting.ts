/** Before the AIM (ATT-1, ATT-2, ATT-3): evidence of support, scheduling, the letter to each parent. */
import type { CommandData } from '../commands.js';
import type { AttendancePolicy } from '../policy.js';
import type { AttendanceAimState, OpenCase } from '../state.js';
import type { AimVenue, LetterContent, ParentCarer } from '../values.js';
import {
  accept,
  compulsorySchoolAgeGuard,
  dayOf,
  event,
  fail,
  firstFailure,
  refuse,
  timeOf,
  withCase,
  type Decision,
} from './support.js';
import * as E from 'fp-ts/lib/Either.js';

export const attachSupportEvidence = (
  d: CommandData<'AttachSupportEvidence'>,
  at: string,
  state: AttendanceAimState,
): Decision =>
  withCase(state, () => {
    // ATT-1: the evidence shows the steps taken and how the family engaged with them.
    if (d.steps.length === 0)
      return refuse('ATT-1', 'the evidence lists no support step', 'data.steps');
    for (const [i, step] of d.steps.entries())
      if (step.startedOn > dayOf(at))
        return refuse('INPUT', 'a support step starts in the future', `data.steps.${i}.startedOn`);
    return accept(event('SupportEvidenceAttached', { ...d, at }));
  });

export const scheduleAim = (
  d: CommandData<'ScheduleAim'>,
  at: string,
  state: AttendanceAimState,
): Decision =>
  withCase(state, (s) => {
    if (s.meetings[d.meetingId] !== undefined)
      return refuse('STATE', `meeting ${d.meetingId} is already scheduled`, 'data.meetingId');
    if (Date.parse(d.start) <= Date.parse(at))
      return refuse('INPUT', 'the AIM must be scheduled for a future time', 'data.start');
    return accept(event('AimScheduled', { ...d, at }));
  });

export const rearrangeAim = (
  d: CommandData<'RearrangeAim'>,
  at: string,
  state: AttendanceAimState,
): Decision =>
  withCase(state, (s) => {
    const m = s.meetings[d.meetingId];
    if (m === undefined)
      return refuse('STATE', `meeting ${d.meetingId} is not scheduled`, 'data.meetingId');
    if (m.status !== 'scheduled')
      return refuse('STATE', `meeting ${d.meetingId} has already taken place`, 'data.meetingId');
    if (Date.parse(d.start) <= Date.parse(at))
      return refuse('INPUT', 'the AIM must be rearranged to a future time', 'data.start');
    return accept(event('AimRearranged', { ...d, at }));
  });

const venueText = (venue: AimVenue): string =>
  venue.location.mode === 'venue' ? venue.location.venue : venue.location.platform;
const same = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

/** ATT-2, ATT-3: what the letter must say to this parent about this meeting. */
const letterProblem = (
  letter: LetterContent,
  parent: ParentCarer,
  start: string,
  venue: AimVenue,
) => {
  const f = (name: string): string => `data.letter.${name}`;
  return firstFailure(
    () =>
      letter.addressedTo === undefined
        ? fail(
            'ATT-3',
            'the letter must address the parent by first and last name',
            f('addressedTo'),
          )
        : !same(letter.addressedTo.firstName, parent.firstName) ||
            !same(letter.addressedTo.lastName, parent.lastName)
          ? fail(
              'ATT-3',
              `the letter is not addressed to parent ${parent.parentId} by their recorded first and last name`,
              f('addressedTo'),
            )
          : undefined,
    () =>
      letter.statesRiskOfProsecution !== true
        ? fail(
            'ATT-2',
            'the letter must tell the parent they may be at risk of prosecution',
            f('statesRiskOfProsecution'),
          )
        : undefined,
    () =>
      letter.meetingDate === undefined
        ? fail('ATT-2', 'the letter gives no date for the AIM', f('meetingDate'))
        : letter.meetingDate !== dayOf(start)
          ? fail(
              'ATT-2',
              `the letter's date is not the AIM's date (${dayOf(start)})`,
              f('meetingDate'),
            )
          : undefined,
    () =>
      letter.meetingTime === undefined
        ? fail('ATT-2', 'the letter gives no time for the AIM', f('meetingTime'))
        : letter.meetingTime !== timeOf(start)
          ? fail(
              'ATT-2',
              `the letter's time is not the AIM's time (${timeOf(start)})`,
              f('meetingTime'),
            )
          : undefined,
    () =>
      letter.venue === undefined
        ? fail('ATT-2', 'the letter gives no venue for the AIM', f('venue'))
        : !same(letter.venue, venueText(venue))
          ? fail('ATT-2', "the letter's venue is not the AIM's venue", f('venue'))
          : undefined,
    () =>
      letter.invitesToSayIfCannotAttend !== true
        ? fail(
            'ATT-2',
            'the letter must invite the parent to say if they cannot attend at that time',
            f('invitesToSayIfCannotAttend'),
          )
        : undefined,
    () =>
      letter.offersReasonableAdjustments !== true
        ? fail(
            'ATT-2',
            'the letter must offer reasonable adjustments',
            f('offersReasonableAdjustments'),
          )
        : undefined,
    () =>
      letter.offersHomeOrNeutralVenue !== true
        ? fail(
            'ATT-2',
            'the letter must offer to meet at home or at a neutral venue',
            f('offersHomeOrNeutralVenue'),
          )
        : undefined,
  );
};

export const sendAimLetter = (
  d: CommandData<'SendAimLetter'>,
  at: string,
  state: AttendanceAimState,
  policy: AttendancePolicy,
): Decision =>
  withCase(state, (s: OpenCase) => {
    const meeting = s.meetings[d.meetingId];
    const parent = s.parents[d.parentId];
    const problem = firstFailure(
      () =>
        meeting === undefined
          ? fail('STATE', `meeting ${d.meetingId} is not scheduled`, 'data.meetingId')
          : undefined,
      () =>
        parent === undefined
          ? fail('INPUT', `parent ${d.parentId} is not recorded on the case`, 'data.parentId')
          : undefined,
      () =>
        meeting !== undefined &&
        (meeting.status !== 'scheduled' || Date.parse(meeting.start) <= Date.parse(at))
          ? fail(
              'ATT-2',
              `meeting ${d.meetingId} has already started; a letter must invite the parent to it`,
              'data.meetingId',
            )
          : undefined,
      // ATT-1: the evidence of the school's support goes on the case before the letter.
      () =>
        s.supportEvidence.length === 0
          ? fail('ATT-1', 'attach the evidence of the support steps taken before the letter goes')
          : undefined,
      // NAT-8: the letter is the first stage of the legal process.
      () => compulsorySchoolAgeGuard(s, dayOf(at), policy),
      () =>
        meeting !== undefined && parent !== undefined
          ? letterProblem(d.letter, parent, meeting.start, meeting.venue)
          : undefined,
    );
    return problem === undefined ? accept(event('AimLetterSent', { ...d, at })) : E.left(problem);
  });
