/**
 * The Lead Officer for Legal Intervention's record of an attendance case (ATT-9; see
 * `codecs.ts`): its state, decider and kernel `DomainModule` (`attendance-legal-{caseId}`).
 * The source gives the lead officer no timescale, so the record opens no deadline.
 */
import {
  accept,
  check,
  decideWhen,
  domainModule,
  prefixedStream,
  refuse,
  timelinePhases,
  type Decider,
  type DomainModule,
} from '@aimline/kernel';
import type { Pupil, School } from '../values.js';
import {
  legalInterventionCommands,
  legalInterventionEvents,
  type LegalInterventionCommand,
  type LegalInterventionEvent,
} from './codecs.js';

export const LEGAL_INTERVENTION_STREAM_PREFIX = 'attendance-legal-';
export const legalInterventionStream = prefixedStream(LEGAL_INTERVENTION_STREAM_PREFIX);

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

/** 004: the contact comes first, the meeting before the request; each is received once. */
const decide = (c: LegalInterventionCommand, s: LegalInterventionState) => {
  const { at } = c;
  switch (c.type) {
    case 'ReceiveInclusionOfficerContact':
      return accept<LegalInterventionEvent>({
        type: 'InclusionOfficerContactReceived',
        data: { ...c.data, at },
      });
    case 'NoteLegalInterventionMeeting':
      if (s.status === 'none')
        return refuse(
          'ATT-9',
          'the inclusion officer contacts the lead officer to arrange the meeting',
        );
      return decideWhen(
        [
          () =>
            check(
              s.meetingsNoted.includes(c.data.legalMeetingId),
              'STATE',
              `meeting ${c.data.legalMeetingId} is already noted`,
              'data.legalMeetingId',
            ),
        ],
        () =>
          accept<LegalInterventionEvent>({
            type: 'LegalInterventionMeetingNoted',
            data: { ...c.data, at },
          }),
      );
    case 'ReceiveLegalProceedingsRequest':
      if (s.status === 'none' || s.meetingsNoted.length === 0)
        return refuse(
          'ATT-9',
          'the meeting with the lead officer for legal intervention comes before the request',
        );
      return decideWhen(
        [
          () =>
            check(
              s.requestsReceived.includes(c.data.requestId),
              'STATE',
              `request ${c.data.requestId} is already received`,
              'data.requestId',
            ),
        ],
        () =>
          accept<LegalInterventionEvent>({
            type: 'LegalProceedingsRequestReceived',
            data: { ...c.data, at },
          }),
      );
  }
};

export const makeLegalInterventionDecider = (): Decider<
  LegalInterventionCommand,
  LegalInterventionEvent,
  LegalInterventionState
> => ({ initialState: { status: 'none' }, decide, evolve });

export const legalInterventionModule = (): DomainModule<
  LegalInterventionCommand,
  LegalInterventionEvent,
  LegalInterventionState
> =>
  domainModule('attendance-legal', 'caseId', {
    decider: makeLegalInterventionDecider(),
    commands: legalInterventionCommands,
    events: legalInterventionEvents,
    timeline: timelinePhases(['escalation'], {
      InclusionOfficerContactReceived: 'escalation',
      LegalInterventionMeetingNoted: 'escalation',
      LegalProceedingsRequestReceived: 'escalation',
    }),
  });
export type LegalInterventionModule = ReturnType<typeof legalInterventionModule>;
