/**
 * ATT-9's hand-offs (source 004, "Still no engagement?"), from the school's attendance AIM case
 * to the local authority's Lead Officer for Legal Intervention in Education (Attendance), whose
 * record is `attendance-legal-{caseId}` in `@aimline/attendance-aim`:
 * - `InclusionOfficerConsulted`: "The Inclusion Officer will contact the Lead Officer for Legal
 *   Intervention in Education (Attendance) and arrange a meeting" → `ReceiveInclusionOfficerContact`
 *   (the pupil and the school as the case knew them at that event, and the inclusion officer);
 * - `LegalInterventionMeetingHeld`: the meeting "to discuss the case, the path and timescales" →
 *   `NoteLegalInterventionMeeting`;
 * - `LegalProceedingsRequested`: "the school will complete the 'Request to Initiate Legal
 *   Proceedings' form … [with] the evidence the school have collated" → `ReceiveLegalProceedingsRequest`.
 */
import { ATTENDANCE_AIM_STREAM_PREFIX } from '@aimline/attendance-aim';
import type { Command } from '@aimline/kernel';
import { decodeWith, type ProcessModules } from '../modules.js';
import { commandSender, type ProcessManager, type ReactionOf } from '../process-manager.js';

export const ATTENDANCE_TO_LEGAL = 'attendance-to-legal';

const handedOff = new Set([
  'InclusionOfficerConsulted',
  'LegalInterventionMeetingHeld',
  'LegalProceedingsRequested',
]);

export const attendanceToLegal = (modules: ProcessModules): ProcessManager => {
  const toLegal = commandSender(ATTENDANCE_TO_LEGAL, modules.legalIntervention);
  const send = (command: Omit<Command, 'actor'>): ReactionOf[] => [toLegal(command)];
  return {
    name: ATTENDANCE_TO_LEGAL,
    streamPrefixes: [ATTENDANCE_AIM_STREAM_PREFIX],
    react: async (event, context) => {
      if (!handedOff.has(event.type)) return [];
      const e = decodeWith(modules.attendanceAim, event);
      switch (e.type) {
        case 'InclusionOfficerConsulted': {
          const s = await context.stateAt(modules.attendanceAim, event);
          if (s.status === 'none') return [];
          const { caseId, at, officer } = e.data;
          return send({
            type: 'ReceiveInclusionOfficerContact',
            at,
            data: { caseId, pupil: s.pupil, school: s.school, inclusionOfficer: officer },
          });
        }
        case 'LegalInterventionMeetingHeld':
        case 'LegalProceedingsRequested': {
          const { at, ...data } = e.data;
          const type =
            e.type === 'LegalInterventionMeetingHeld'
              ? 'NoteLegalInterventionMeeting'
              : 'ReceiveLegalProceedingsRequest';
          return send({ type, at, data });
        }
        default:
          return [];
      }
    },
  };
};
