/** The AIM a command names (`data.meetingId`), found in the case in the state the command needs. */
import { isAfter } from '@aimline/calendar';
import { found, guard, type Check, type Found } from '@aimline/kernel';
import type { AimMeeting, OpenCase } from '../state.js';

/** The AIM is set for after the command (`setFor`: 'scheduled for', 'rearranged to'). */
export const aimInFuture = (start: string, at: string, setFor: string): Check =>
  guard('INPUT', `the AIM must be ${setFor} a future time`, 'data.start', () => {
    return !isAfter(start, at);
  });

const notScheduled = (meetingId: string): string => `meeting ${meetingId} is not scheduled`;

/** The case has the AIM `meetingId` scheduled (or held): otherwise STATE at `data.meetingId`. */
export const aimScheduled = (s: OpenCase, meetingId: string): Check =>
  guard('STATE', notScheduled(meetingId), 'data.meetingId', () => {
    return s.meetings[meetingId] === undefined;
  });

/**
 * The case's AIM `meetingId` when it is `status`; otherwise the STATE refusal at
 * `data.meetingId`: not scheduled at all, or `meeting {id} {otherwise}`. What comes after it
 * (`decideWith`) is given the meeting.
 */
export const aimIn = (
  s: OpenCase,
  meetingId: string,
  status: AimMeeting['status'],
  otherwise: string,
): Found<AimMeeting> => {
  const meeting = s.meetings[meetingId];
  return found(
    meeting?.status === status ? meeting : undefined,
    'STATE',
    meeting === undefined ? notScheduled(meetingId) : `meeting ${meetingId} ${otherwise}`,
    'data.meetingId',
  );
};
