/**
 * The Lead Officer for Legal Intervention's record of an attendance case (ATT-9; see
 * `codecs.ts`): its state, decider and kernel `DomainModule` (`attendance-legal-{caseId}`).
 * The source gives the lead officer no timescale, so the record opens no deadline.
 */
import {
  accept,
  decideWhen,
  guard,
  smallModule,
  type Decider,
  type Decision,
} from '@aimline/kernel';
import type { Pupil, School } from '../values.js';
import {
  legalInterventionCommandDefinitions,
  legalInterventionEventDefinitions,
  type LegalInterventionCommand,
  type LegalInterventionEvent,
} from './codecs.js';

export type LegalInterventionState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly caseId: string;
      readonly pupil: Pupil;
      readonly school: School;
      /** When the inclusion officer first made contact, and every contact since. */
      readonly contactsAt: ReadonlyArray<string>;
      readonly meetingsNoted: ReadonlyArray<string>;
      readonly requestsReceived: ReadonlyArray<string>;
    };

const evolve = (s: LegalInterventionState, e: LegalInterventionEvent): LegalInterventionState => {
  switch (e.type) {
    case 'InclusionOfficerContactReceived':
      return s.status === 'none'
        ? {
            status: 'open',
            caseId: e.data.caseId,
            pupil: e.data.pupil,
            school: e.data.school,
            contactsAt: [e.data.at],
            meetingsNoted: [],
            requestsReceived: [],
          }
        : { ...s, contactsAt: [...s.contactsAt, e.data.at] };
    case 'LegalInterventionMeetingNoted':
      return s.status === 'none'
        ? s
        : { ...s, meetingsNoted: [...s.meetingsNoted, e.data.legalMeetingId] };
    case 'LegalProceedingsRequestReceived':
      return s.status === 'none'
        ? s
        : { ...s, requestsReceived: [...s.requestsReceived, e.data.requestId] };
  }
};

/**
 * 004: the contact comes first (ATT-9), the meeting before the request; each meeting and request
 * is received once (STATE, naming its id).
 */
const decide = (
  c: LegalInterventionCommand,
  s: LegalInterventionState,
): Decision<LegalInterventionEvent> => {
  const { at } = c;
  switch (c.type) {
    case 'ReceiveInclusionOfficerContact':
      return accept({ type: 'InclusionOfficerContactReceived', data: { ...c.data, at } });
    case 'NoteLegalInterventionMeeting': {
      const id = c.data.legalMeetingId;
      return decideWhen(
        [
          guard(
            'ATT-9',
            'the inclusion officer contacts the lead officer to arrange the meeting',
            () => s.status === 'none',
          ),
          guard(
            'STATE',
            `meeting ${id} is already noted`,
            'data.legalMeetingId',
            () => s.status === 'open' && s.meetingsNoted.includes(id),
          ),
        ],
        () => accept({ type: 'LegalInterventionMeetingNoted', data: { ...c.data, at } }),
      );
    }
    case 'ReceiveLegalProceedingsRequest': {
      const id = c.data.requestId;
      return decideWhen(
        [
          guard(
            'ATT-9',
            'the meeting with the lead officer for legal intervention comes before the request',
            () => s.status === 'none' || s.meetingsNoted.length === 0,
          ),
          guard(
            'STATE',
            `request ${id} is already received`,
            'data.requestId',
            () => s.status === 'open' && s.requestsReceived.includes(id),
          ),
        ],
        () => accept({ type: 'LegalProceedingsRequestReceived', data: { ...c.data, at } }),
      );
    }
  }
};

export const makeLegalInterventionDecider = (): Decider<
  LegalInterventionCommand,
  LegalInterventionEvent,
  LegalInterventionState
> => ({ initialState: { status: 'none' }, decide, evolve });

const module = smallModule('attendance-legal', 'caseId', {
  commands: legalInterventionCommandDefinitions,
  events: legalInterventionEventDefinitions,
  ...makeLegalInterventionDecider(),
  phases: {
    InclusionOfficerContactReceived: 'escalation',
    LegalInterventionMeetingNoted: 'escalation',
    LegalProceedingsRequestReceived: 'escalation',
  },
});
export const legalInterventionEvents = module.events;
export const legalInterventionCommands = module.commands;
export const legalInterventionModule = (): typeof module => module;
export type LegalInterventionModule = typeof module;

export const { prefix: LEGAL_INTERVENTION_STREAM_PREFIX, of: legalInterventionStream } =
  module.streams;
