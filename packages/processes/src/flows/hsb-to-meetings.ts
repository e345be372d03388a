/**
 * Booking the initial AIM meeting in `@aimline/hsb-aim` (with its arrangements, MTG-1)
 * schedules its own stream in `@aimline/meetings`, where invitations (MTG-3, MTG-4), reports
 * to the chair (MTG-5), attendance (MTG-6), minutes (MTG-7, MTG-8) and MTG-9 are recorded.
 */
import { HSB_STREAM_PREFIX } from '@aimline/hsb-aim';
import { decodeIfType, type ProcessModules } from '../modules.js';
import { processActor, type ProcessManager } from '../process-manager.js';

export const HSB_TO_MEETINGS = 'hsb-to-meetings';

/** The kind of subject an HSB case is on a meeting (`SubjectRef.kind`). */
export const HSB_CASE_SUBJECT = 'hsb-case';

export const hsbToMeetings = (modules: ProcessModules): ProcessManager => ({
  name: HSB_TO_MEETINGS,
  streamPrefixes: [HSB_STREAM_PREFIX],
  react: (event) => {
    const e = decodeIfType(modules.hsbCase, event, 'InitialAimMeetingBooked');
    // Not a booking, or one stored before bookings named arrangements: no meeting stream.
    if (e?.data.arrangements === undefined) return Promise.resolve([]);
    const { meetingId, start, caseId, at, arrangements: a } = e.data;
    return Promise.resolve([
      {
        kind: 'command',
        module: modules.meeting,
        command: {
          type: 'ScheduleMeeting',
          at,
          actor: processActor(HSB_TO_MEETINGS),
          data: {
            meetingId,
            kind: 'hsb-initial-aim',
            subjects: [{ kind: HSB_CASE_SUBJECT, id: caseId }],
            chair: a.chair,
            leadProfessional: a.leadProfessional,
            start,
            end: a.end,
            location: a.location,
          },
        },
      },
    ]);
  },
});
