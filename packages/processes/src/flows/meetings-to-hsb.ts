/**
 * What the initial AIM meeting's own stream records, told to its HSB case:
 * - a report that reached the chair (MTG-5): the one record is the meeting's
 *   `ReportSubmittedToChair`; the case notes it (`NoteReportToChair`), which meets its MTG-5;
 * - the attendance sheet (MTG-6), with who was invited (MTG-4): the case notes it
 *   (`NoteInitialAimMeetingAttendance`), and `HoldInitialAimMeeting` is checked against it
 *   (HSB-21), instead of trusting what the caller says about invitations and the IRO.
 */
import { MEETING_STREAM_PREFIX, presentAttendees, type MeetingState } from '@aimline/meetings';
import { decodeWith, type ProcessModules } from '../modules.js';
import { commandSender, type ProcessManager } from '../process-manager.js';
import { HSB_CASE_SUBJECT } from './hsb-to-meetings.js';

export const MEETINGS_TO_HSB = 'meetings-to-hsb';

/** An attendee counts as the IRO when their role says so (`IRO`, `Independent Reviewing Officer`). */
export const isIroRole = (role: string): boolean =>
  /\biro\b/i.test(role) || /independent reviewing officer/i.test(role);

/** Whether anyone of `party` was sent an invitation (MTG-4). */
const invited = (s: MeetingState, party: 'family-member' | 'young-person'): boolean =>
  s.invitations.some(
    (i) => s.invitees.find((x) => x.invitee.id === i.inviteeId)?.invitee.party === party,
  );

const caseOf = (s: MeetingState): string | undefined =>
  s.schedule?.kind === 'hsb-initial-aim'
    ? s.schedule.subjects.find((x) => x.kind === HSB_CASE_SUBJECT)?.id
    : undefined;

export const meetingsToHsb = (modules: ProcessModules): ProcessManager => {
  const send = commandSender(MEETINGS_TO_HSB, modules.hsbCase);
  return {
    name: MEETINGS_TO_HSB,
    streamPrefixes: [MEETING_STREAM_PREFIX],
    react: async (event, context) => {
      if (event.type !== 'ReportSubmittedToChair' && event.type !== 'AttendanceRecorded') return [];
      const e = decodeWith(modules.meeting, event);
      const state = await context.stateAt(modules.meeting, event);
      const caseId = caseOf(state);
      if (caseId === undefined || state.meetingId === null) return [];
      const meetingId = state.meetingId;
      if (e.type === 'ReportSubmittedToChair')
        return [
          send({
            type: 'NoteReportToChair',
            at: e.data.at,
            data: { caseId, meetingId, reportKind: e.data.reportKind, author: e.data.author },
          }),
        ];
      if (e.type === 'AttendanceRecorded')
        return [
          send({
            type: 'NoteInitialAimMeetingAttendance',
            at: e.data.at,
            data: {
              caseId,
              meetingId,
              parentsCarersInvited: invited(state, 'family-member'),
              youngPersonInvited: invited(state, 'young-person'),
              iroPresent: presentAttendees(state).some((a) => isIroRole(a.role)),
            },
          }),
        ];
      return [];
    },
  };
};
