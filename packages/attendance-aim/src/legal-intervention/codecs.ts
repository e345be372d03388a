/**
 * The local authority's record of an attendance case on its way to court (stream
 * `attendance-legal-{caseId}`): what the Lead Officer for Legal Intervention in Education
 * (Attendance) is handed by the school's case (ATT-9, source 004, "Still no engagement?"):
 * - "The Inclusion Officer will contact the Lead Officer for Legal Intervention in Education
 *   (Attendance) and arrange a meeting (usually via Teams) to discuss the case, the path and
 *   timescales": the contact opens the record (`InclusionOfficerContactReceived`);
 * - the meeting itself, held and recorded on the school's case, is noted here with the path and
 *   timescales agreed (`LegalInterventionMeetingNoted`);
 * - "the school will complete the 'Request to Initiate Legal Proceedings' form … [with] the
 *   evidence the school have collated", the case then being "presented to the legal team of the
 *   local authority": the request and its bundle are received (`LegalProceedingsRequestReceived`).
 * Every command is sent by the `attendance-to-legal` process manager of `@aimline/processes`.
 * The meeting and the request keep the stored shape of the school case's events they come from.
 */
import * as t from 'io-ts';
import { defineEvent, primarySubject } from '@aimline/kernel';
import type { CommandOf, EventOf } from '@aimline/kernel';
import { HoldLegalInterventionMeeting, RequestLegalProceedings } from '../commands.js';
import {
  EvidenceBundle,
  LegalInterventionMeetingHeld,
  LegalProceedingsRequested,
} from '../events.js';
import { Id, Instant, Officer, Pupil, School } from '../values.js';

const contact = {
  caseId: Id,
  pupil: primarySubject(Pupil),
  school: School,
  inclusionOfficer: Officer,
};

export const InclusionOfficerContactReceived = t.type({ ...contact, at: Instant });

export const legalInterventionEventDefinitions = {
  InclusionOfficerContactReceived: defineEvent(InclusionOfficerContactReceived),
  LegalInterventionMeetingNoted: defineEvent(LegalInterventionMeetingHeld),
  LegalProceedingsRequestReceived: defineEvent(LegalProceedingsRequested),
};
export type LegalInterventionEvent = EventOf<typeof legalInterventionEventDefinitions>;

export const legalInterventionCommandDefinitions = {
  ReceiveInclusionOfficerContact: t.type(contact),
  NoteLegalInterventionMeeting: HoldLegalInterventionMeeting,
  ReceiveLegalProceedingsRequest: t.type({
    ...RequestLegalProceedings.props,
    bundle: EvidenceBundle,
  }),
};
export type LegalInterventionCommand = CommandOf<typeof legalInterventionCommandDefinitions>;
