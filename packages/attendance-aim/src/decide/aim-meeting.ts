/** The AIM a command names (`data.meetingId`), found in the case in the state the command needs. */
import { isAfter } from '@aimline/calendar';
import * as E from 'fp-ts/lib/Either.js';
import { guard, reject, type Check, type Rejection } from '@aimline/kernel';
import type { AimMeeting, OpenCase } from '../state.js';

/** The case has the AIM `meetingId` scheduled (or held): otherwise STATE at `data.meetingId`. */
/** The AIM is set for after the command (`setFor`: 'scheduled for', 'rearranged to'). */
export const aimInFuture = (start: string, at: string, setFor: string): Check =>
  guard('INPUT', `the AIM must be ${setFor} a future time`, 'data.start', () => {
    return !isAfter(start, at);
  });

export const aimScheduled = (s: OpenCase, meetingId: string): Check =>
  guard('STATE', `meeting ${meetingId} is not scheduled`, 'data.meetingId', () => {
    return s.meetings[meetingId] === undefined;
  });

/**
 * The case's AIM `meetingId` when it is `status`; otherwise the STATE refusal at
 * `data.meetingId`: not scheduled at all, or `meeting {id} {otherwise}`.
 */
export const aimMeetingIn = (
  s: OpenCase,
  meetingId: string,
  status: AimMeeting['status'],
  otherwise: string,
): E.Either<Rejection, AimMeeting> => {
  const unscheduled = aimScheduled(s, meetingId)();
  if (unscheduled !== undefined) return E.left(unscheduled);
  const meeting = s.meetings[meetingId]!;
  if (meeting.status !== status)
    return E.left(reject('STATE', `meeting ${meetingId} ${otherwise}`, 'data.meetingId'));
  return E.right(meeting);
};
