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
  type Check,
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

/** What an open record has received; nothing before the first contact. */
const received = (s: LegalInterventionState) =>
  s.status === 'open' ? s : { contactsAt: [], meetingsNoted: [], requestsReceived: [] };

/**
 * 004: the record's later steps, by the field of their id: what each comes after (ATT-9), and the
 * STATE reason when its id is received again.
 */
const laterSteps = {
  legalMeetingId: {
    outOfOrder: 'the inclusion officer contacts the lead officer to arrange the meeting',
    again: (id: string) => `meeting ${id} is already noted`,
  },
  requestId: {
    outOfOrder: 'the meeting with the lead officer for legal intervention comes before the request',
    again: (id: string) => `request ${id} is already received`,
  },
};

/** A later step: after the step before it (ATT-9), and once for its id (STATE, naming it). */
const laterStep = (
  before: ReadonlyArray<string>,
  seen: ReadonlyArray<string>,
  field: keyof typeof laterSteps,
  id: string,
): ReadonlyArray<Check> => [
  guard('ATT-9', laterSteps[field].outOfOrder, () => before.length === 0),
  guard('STATE', laterSteps[field].again(id), `data.${field}`, () => seen.includes(id)),
];

/**
 * 004: the contact comes first (ATT-9), the meeting before the request; each meeting and request
 * is received once (STATE, naming its id).
 */
const decide = (
  c: LegalInterventionCommand,
  s: LegalInterventionState,
): Decision<LegalInterventionEvent> => {
  const { at } = c;
  const r = received(s);
  switch (c.type) {
    case 'ReceiveInclusionOfficerContact':
      return accept({ type: 'InclusionOfficerContactReceived', data: { ...c.data, at } });
    case 'NoteLegalInterventionMeeting':
      return decideWhen(
        laterStep(r.contactsAt, r.meetingsNoted, 'legalMeetingId', c.data.legalMeetingId),
        () => accept({ type: 'LegalInterventionMeetingNoted', data: { ...c.data, at } }),
      );
    case 'ReceiveLegalProceedingsRequest':
      return decideWhen(
        laterStep(r.meetingsNoted, r.requestsReceived, 'requestId', c.data.requestId),
        () => accept({ type: 'LegalProceedingsRequestReceived', data: { ...c.data, at } }),
      );
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
