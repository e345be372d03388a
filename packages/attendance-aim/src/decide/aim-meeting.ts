/** The AIM a command names (`data.meetingId`), found in the case in the state the command needs. */
import { isAfter } from '@aimline/calendar';
import { firstFailure, guard, type Check } from '@aimline/kernel';
import type { AimMeeting, OpenCase } from '../state.js';

/** The AIM is set for after the command (`setFor`: 'scheduled for', 'rearranged to'). */
export const aimInFuture = (start: string, at: string, setFor: string): Check =>
  guard('INPUT', `the AIM must be ${setFor} a future time`, 'data.start', () => {
    return !isAfter(start, at);
  });

/** The case has the AIM `meetingId` scheduled (or held): otherwise STATE at `data.meetingId`. */
export const aimScheduled = (s: OpenCase, meetingId: string): Check =>
  guard('STATE', `meeting ${meetingId} is not scheduled`, 'data.meetingId', () => {
    return s.meetings[meetingId] === undefined;
  });

/**
 * The case's AIM `meetingId` is `status`; otherwise the STATE refusal at `data.meetingId`: not
 * scheduled at all, or `meeting {id} {otherwise}`. A later guard may rely on the meeting.
 */
export const aimIn =
  (s: OpenCase, meetingId: string, status: AimMeeting['status'], otherwise: string): Check =>
  () =>
    firstFailure(
      aimScheduled(s, meetingId),
      guard('STATE', `meeting ${meetingId} ${otherwise}`, 'data.meetingId', () => {
        return s.meetings[meetingId]?.status !== status;
      }),
    );
