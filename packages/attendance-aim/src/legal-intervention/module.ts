/**
 * The Lead Officer for Legal Intervention's record of an attendance case (ATT-9; see
 * `codecs.ts`): its state, decider and kernel `DomainModule` (`attendance-legal-{caseId}`).
 * The source gives the lead officer no timescale, so the record opens no deadline.
 */
import {
  accept,
  appended,
  decideWhen,
  dispatch,
  evolveBy,
  guard,
  onceOpened,
  smallModule,
  type Check,
  type Decider,
  type EvolveTable,
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

type OpenRecord = Extract<LegalInterventionState, { readonly status: 'open' }>;
const isOpen = (s: LegalInterventionState): s is OpenRecord => s.status === 'open';

/** The later steps fold into an open record only. */
const onOpenRecord: EvolveTable<
  Exclude<LegalInterventionEvent, { type: 'InclusionOfficerContactReceived' }>,
  OpenRecord,
  LegalInterventionState
> = {
  LegalInterventionMeetingNoted: (s, d) => appended(s, 'meetingsNoted', d.legalMeetingId),
  LegalProceedingsRequestReceived: (s, d) => appended(s, 'requestsReceived', d.requestId),
};

/** The first contact opens the record (and each contact after is added to it). */
const evolve = evolveBy<LegalInterventionEvent, LegalInterventionState>({
  InclusionOfficerContactReceived: (s, d) =>
    isOpen(s)
      ? appended(s, 'contactsAt', d.at)
      : {
          status: 'open',
          caseId: d.caseId,
          pupil: d.pupil,
          school: d.school,
          contactsAt: [d.at],
          meetingsNoted: [],
          requestsReceived: [],
        },
  ...onceOpened(isOpen, onOpenRecord),
});

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
  guard('ATT-9', laterSteps[field].outOfOrder, 'data.caseId', () => before.length === 0),
  guard('STATE', laterSteps[field].again(id), `data.${field}`, () => seen.includes(id)),
];

/**
 * 004: the contact comes first (ATT-9), the meeting before the request; each meeting and request
 * is received once (STATE, naming its id). One handler per command, as every decider is written.
 */
const decide = dispatch<
  LegalInterventionCommand,
  LegalInterventionState,
  undefined,
  LegalInterventionEvent
>({
  ReceiveInclusionOfficerContact: ({ data, at }) =>
    accept({ type: 'InclusionOfficerContactReceived', data: { ...data, at } }),
  NoteLegalInterventionMeeting: ({ data, at }, s) =>
    decideWhen(
      laterStep(
        received(s).contactsAt,
        received(s).meetingsNoted,
        'legalMeetingId',
        data.legalMeetingId,
      ),
      () => accept({ type: 'LegalInterventionMeetingNoted', data: { ...data, at } }),
    ),
  ReceiveLegalProceedingsRequest: ({ data, at }, s) =>
    decideWhen(
      laterStep(
        received(s).meetingsNoted,
        received(s).requestsReceived,
        'requestId',
        data.requestId,
      ),
      () => accept({ type: 'LegalProceedingsRequestReceived', data: { ...data, at } }),
    ),
});

export const makeLegalInterventionDecider = (): Decider<
  LegalInterventionCommand,
  LegalInterventionEvent,
  LegalInterventionState
> => ({
  initialState: { status: 'none' },
  decide: (command, state) => decide(command, state, undefined),
  evolve,
});

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
