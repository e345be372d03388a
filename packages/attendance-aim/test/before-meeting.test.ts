import { describe, it } from 'vitest';
import {
  cmd,
  ev,
  evidence,
  goodLetter,
  letterSent,
  MEETING,
  opened,
  scheduled,
  spec,
  START,
  venue,
  year11Pupil,
} from './fixtures.js';

const send = (letter: Record<string, unknown>, at = '2024-10-02T09:00:00Z') =>
  cmd(
    'SendAimLetter',
    {
      meetingId: MEETING,
      parentId: 'parent-1',
      channel: 'post',
      documentRef: 'doc-letter-1',
      letter,
    },
    at,
  );

describe('ATT-1: the evidence of support is attached before the letter goes', () => {
  it('ATT-1: a letter before any evidence of support is rejected', () => {
    spec
      .given([opened(), scheduled])
      .when(send(goodLetter))
      .thenRejects('ATT-1', { field: 'data.caseId' });
  });

  it('ATT-1: evidence with no support step is rejected', () => {
    spec
      .given([opened()])
      .when(
        cmd(
          'AttachSupportEvidence',
          { documentRef: 'doc-steps', steps: [] },
          '2024-10-01T09:00:00Z',
        ),
      )
      .thenRejects('ATT-1', { field: 'data.steps' });
  });

  it('ATT-1: with the evidence attached the letter goes', () => {
    spec.given([opened(), evidence, scheduled]).when(send(goodLetter)).then([letterSent]);
  });
});

describe('ATT-2: the letter to each parent', () => {
  const given = [opened(), evidence, scheduled];
  const without = (key: string): Record<string, unknown> =>
    Object.fromEntries(Object.entries(goodLetter).filter(([k]) => k !== key));

  it('ATT-2: a letter with no date is rejected, naming the field', () => {
    spec
      .given(given)
      .when(send(without('meetingDate')))
      .thenRejects('ATT-2', { field: 'data.letter.meetingDate' });
  });

  for (const field of [
    'statesRiskOfProsecution',
    'meetingTime',
    'venue',
    'invitesToSayIfCannotAttend',
    'offersReasonableAdjustments',
    'offersHomeOrNeutralVenue',
  ])
    it(`ATT-2: a letter missing ${field} is rejected`, () => {
      spec
        .given(given)
        .when(send(without(field)))
        .thenRejects('ATT-2', { field: `data.letter.${field}` });
    });

  it("ATT-2: a letter whose date or time is not the meeting's is rejected", () => {
    spec
      .given(given)
      .when(send({ ...goodLetter, meetingDate: '2024-10-16' }))
      .thenRejects('ATT-2', { field: 'data.letter.meetingDate' });
    // 09:00Z is 10:00 in England in October (BST)
    spec
      .given(given)
      .when(send({ ...goodLetter, meetingTime: '09:00' }))
      .thenRejects('ATT-2', { field: 'data.letter.meetingTime' });
  });

  it('ATT-2: a letter for a meeting that has already started is rejected', () => {
    spec
      .given(given)
      .when(send(goodLetter, '2024-10-15T09:30:00Z'))
      .thenRejects('ATT-2', { field: 'data.meetingId' });
  });

  it('ATT-2: after a rearrangement the letter names the new date', () => {
    const rearranged = ev('AimRearranged', {
      meetingId: MEETING,
      start: '2024-10-17T14:00:00Z',
      venue,
      reason: 'Mother works on Tuesdays',
      at: '2024-10-03T09:00:00Z',
    });
    spec
      .given([...given, rearranged])
      .when(send(goodLetter, '2024-10-03T10:00:00Z'))
      .thenRejects('ATT-2', { field: 'data.letter.meetingDate' });
    spec
      .given([...given, rearranged])
      .when(
        send(
          { ...goodLetter, meetingDate: '2024-10-17', meetingTime: '15:00' },
          '2024-10-03T10:00:00Z',
        ),
      )
      .events();
  });
});

describe('ATT-3: parents named by first and last name, contacted individually', () => {
  it('ATT-3: a letter not addressed to the parent by first and last name is rejected', () => {
    const given = [opened(), evidence, scheduled];
    spec
      .given(given)
      .when(send({ ...goodLetter, addressedTo: undefined }))
      .thenRejects('ATT-3', { field: 'data.letter.addressedTo' });
    spec
      .given(given)
      .when(send({ ...goodLetter, addressedTo: { firstName: 'Parent', lastName: 'Carer' } }))
      .thenRejects('ATT-3', { field: 'data.letter.addressedTo' });
  });

  it('ATT-3: an interaction records date, time and mode; a parent not on the case is rejected', () => {
    const data = {
      interactionId: 'i-1',
      with: { kind: 'parent' as const, parentId: 'parent-1' },
      occurredAt: '2024-10-04T15:20:00Z',
      mode: 'phone' as const,
      summary: 'Mother said mornings are hard',
      response: { meetingId: MEETING, answer: 'cannot-attend' as const },
    };
    spec
      .given([opened(), scheduled])
      .when(cmd('RecordInteraction', data, '2024-10-04T16:00:00Z'))
      .then([ev('InteractionRecorded', { ...data, at: '2024-10-04T16:00:00Z' })]);
    spec
      .given([opened(), scheduled])
      .when(
        cmd(
          'RecordInteraction',
          { ...data, with: { kind: 'parent', parentId: 'parent-9' } },
          '2024-10-04T16:00:00Z',
        ),
      )
      .thenRejects('INPUT', { field: 'data.with.parentId' });
  });

  it('ATT-3: the voice of the pupil is kept as a direct quote', () => {
    const data = {
      speaker: { kind: 'pupil' as const },
      quote: 'I feel sick on Monday mornings',
      capturedOn: '2024-10-15',
      meetingId: MEETING,
    };
    spec
      .given([opened(), scheduled])
      .when(cmd('CaptureVoice', data, '2024-10-15T11:00:00Z'))
      .then([ev('VoiceCaptured', { ...data, at: '2024-10-15T11:00:00Z' })]);
  });

  it('ATT-3: minutes are filed only for an AIM that was held', () => {
    spec
      .given([opened(), scheduled])
      .when(
        cmd(
          'FileDocument',
          { documentRef: 'doc-min', kind: 'minutes', meetingId: MEETING },
          '2024-10-16T09:00:00Z',
        ),
      )
      .thenRejects('ATT-3');
  });
});

describe('NAT-8: the AIM letter is the first legal step', () => {
  it('NAT-8: a letter after compulsory school age ended is rejected', () => {
    const lateMeeting = ev('AimScheduled', {
      meetingId: MEETING,
      start: '2025-07-08T09:00:00Z',
      venue,
      at: '2025-06-30T09:00:00Z',
    });
    spec
      .given([opened(year11Pupil), evidence, lateMeeting])
      .when(send({ ...goodLetter, meetingDate: '2025-07-08' }, '2025-06-30T10:00:00Z'))
      .thenRejects('NAT-8', { field: 'at' });
  });

  it('NAT-8: the same letter on the last day of compulsory school age goes', () => {
    const meeting = ev('AimScheduled', {
      meetingId: MEETING,
      start: START,
      venue,
      at: '2024-10-01T09:00:00Z',
    });
    spec
      .given([opened(year11Pupil), evidence, meeting])
      .when(send(goodLetter))
      .events();
  });
});
