/**
 * ATT-9 (source 004, "Still no engagement?"): the Lead Officer for Legal Intervention's record
 * of a case. The inclusion officer's contact comes first, the meeting before the request, and
 * each meeting and request is received once. Given events from the pinned golden examples.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deciderSpec } from '@aimline/kernel/testing';
import { describe, it } from 'vitest';
import {
  makeLegalInterventionDecider,
  type LegalInterventionCommand,
  type LegalInterventionEvent,
} from '../src/index.js';

/** The pinned stored example of an event type, as the decider records it (type and data). */
const golden = (type: LegalInterventionEvent['type']): LegalInterventionEvent => {
  const stored = JSON.parse(
    readFileSync(join(import.meta.dirname, 'golden-legal', `${type}.v1.json`), 'utf8'),
  ) as LegalInterventionEvent;
  return { type: stored.type, data: stored.data } as LegalInterventionEvent;
};

const contact = golden('InclusionOfficerContactReceived');
const meeting = golden('LegalInterventionMeetingNoted');
const request = golden('LegalProceedingsRequestReceived');

const actor = { id: 'io-8058', role: 'inclusion-officer', agency: 'North Brambleford Council' };

/** The command `event` records: its data without `at`, sent at that instant. */
const commandFor = (
  type: LegalInterventionCommand['type'],
  event: LegalInterventionEvent,
): LegalInterventionCommand => {
  const { at, ...data } = event.data;
  return { type, data, at, actor } as LegalInterventionCommand;
};

const noteMeeting = commandFor('NoteLegalInterventionMeeting', meeting);
const receiveRequest = commandFor('ReceiveLegalProceedingsRequest', request);

const spec = deciderSpec(makeLegalInterventionDecider());

describe('ATT-9: the lead officer receives the contact, then the meeting, then the request', () => {
  it('given the contact, when the meeting is noted, then it is recorded', () => {
    spec.given([contact]).when(noteMeeting).then([meeting]);
  });

  it('given no contact, when the meeting is noted, then ATT-9 refuses it', () => {
    spec
      .given([])
      .when(noteMeeting)
      .thenRejects('ATT-9', { field: 'data.caseId', reason: /contacts the lead officer/ });
  });

  it('given the contact and no meeting, when the request is received, then ATT-9 refuses it', () => {
    spec
      .given([contact])
      .when(receiveRequest)
      .thenRejects('ATT-9', { field: 'data.caseId', reason: /comes before/ });
  });

  it('given the contact and the meeting, when the request is received, then it is recorded', () => {
    spec.given([contact, meeting]).when(receiveRequest).then([request]);
  });
});

describe('each meeting and each request is received once (STATE, naming the id)', () => {
  it('given the meeting noted, when it is noted again, then STATE refuses it on its id', () => {
    spec
      .given([contact, meeting])
      .when(noteMeeting)
      .thenRejects('STATE', { field: 'data.legalMeetingId', reason: /is already noted/ });
  });

  it('given the request received, when it is received again, then STATE refuses it on its id', () => {
    spec
      .given([contact, meeting, request])
      .when(receiveRequest)
      .thenRejects('STATE', { field: 'data.requestId', reason: /is already received/ });
  });
});
