import { describe, expect, it } from 'vitest';
import { erasedPersonalData } from '@aimline/kernel';
import {
  cmd,
  ev,
  evidence,
  imported,
  letterSent,
  marks,
  opened,
  scheduled,
  secondaryPupil,
  spec,
  year11Pupil,
} from './fixtures.js';

const officer = { officerId: 'io-1', name: 'Iris Inventedname' };
const lead = { officerId: 'lo-1', name: 'Leo Nonperson' };
const noEngagement = ev('NoEngagementRecorded', {
  note: 'No reply to two letters',
  at: '2024-11-20T09:00:00Z',
});
const consulted = ev('InclusionOfficerConsulted', {
  officer,
  advice: 'Consider legal action',
  at: '2024-11-22T09:00:00Z',
});
const legalMeeting = ev('LegalInterventionMeetingHeld', {
  legalMeetingId: 'lm-1',
  leadOfficer: lead,
  channel: 'teams',
  pathAndTimescales: 'Court in the spring term',
  at: '2024-11-27T09:00:00Z',
});
const unauthorised = imported('2024-09-02', '2024-11-22', marks('2024-09-02', '2024-11-22', 'O'));
const request = ev('LegalProceedingsRequested', {
  requestId: 'req-1',
  formRef: 'doc-form',
  evidence: ['doc-steps'],
  bundle: {
    supportEvidence: ['doc-steps'],
    letters: [
      {
        meetingId: 'aim-1',
        parentId: 'parent-1',
        documentRef: 'doc-letter-1',
        sentAt: '2024-10-02T09:00:00Z',
      },
    ],
    meetingsHeld: [],
    meetingsNotHeld: [],
    interactions: 0,
    directQuotes: 0,
    documents: ['doc-steps', 'doc-letter-1'],
    attendance: {
      possibleSessions: 0,
      absenceSessions: 0,
      unauthorisedSessions: 0,
      attendanceRate: null,
    },
    rollingWindow: { from: null, to: '2024-11-29', unauthorisedSessions: 0, thresholdMet: false },
  },
  at: '2024-11-29T09:00:00Z',
});
const eso = {
  decision: 'not-appropriate' as const,
  reason: 'Family declined all voluntary support',
};

describe("NAT-8: a legal step needs the pupil's date of birth to judge compulsory school age", () => {
  it("NAT-8: given the pupil's date of birth is erased, when the inclusion officer is consulted, then NAT-8 refuses it, naming at", () => {
    const erased = { ...secondaryPupil, dateOfBirth: erasedPersonalData('dateOfBirth') };
    spec
      .given([opened(erased), evidence, scheduled, letterSent, noEngagement])
      .when(cmd('ConsultInclusionOfficer', { officer, advice: 'x' }, '2024-11-22T09:00:00Z'))
      .thenRejects('NAT-8', { field: 'at', reason: /date of birth has been erased/ });
  });
});

describe('ATT-9: no engagement, the inclusion officer, the lead officer, the request', () => {
  it('ATT-9: no engagement is recorded only after the family was invited by letter', () => {
    spec
      .given([opened(), evidence, scheduled])
      .when(cmd('RecordNoEngagement', { note: 'x' }, '2024-11-20T09:00:00Z'))
      .thenRejects('ATT-9', { field: 'data.caseId' });
    spec
      .given([opened(), evidence, scheduled, letterSent])
      .when(cmd('RecordNoEngagement', { note: 'No reply to two letters' }, '2024-11-20T09:00:00Z'))
      .then([noEngagement]);
  });

  it('ATT-9: the steps come in order: consultation, then the meeting with the lead officer, then the request', () => {
    const base = [opened(), evidence, scheduled, letterSent];
    spec
      .given(base)
      .when(cmd('ConsultInclusionOfficer', { officer, advice: 'x' }, '2024-11-22T09:00:00Z'))
      .thenRejects('ATT-9', { field: 'data.caseId' });
    spec
      .given([...base, noEngagement])
      .when(
        cmd(
          'HoldLegalInterventionMeeting',
          { legalMeetingId: 'lm-1', leadOfficer: lead, channel: 'teams', pathAndTimescales: 'x' },
          '2024-11-27T09:00:00Z',
        ),
      )
      .thenRejects('ATT-9', { field: 'data.caseId' });
    spec
      .given([...base, noEngagement, consulted])
      .when(
        cmd(
          'RequestLegalProceedings',
          { requestId: 'req-1', formRef: 'doc-form', evidence: ['doc-steps'] },
          '2024-11-29T09:00:00Z',
        ),
      )
      .thenRejects('ATT-9', { field: 'data.caseId' });
  });

  it('ATT-9: the request carries its evidence bundle, derived from the case', () => {
    const [e] = spec
      .given([
        opened(),
        evidence,
        scheduled,
        letterSent,
        unauthorised,
        noEngagement,
        consulted,
        legalMeeting,
      ])
      .when(
        cmd(
          'RequestLegalProceedings',
          { requestId: 'req-1', formRef: 'doc-form', evidence: ['doc-steps', 'doc-register'] },
          '2024-11-29T09:00:00Z',
        ),
      )
      .events();
    expect(e).toMatchObject({
      type: 'LegalProceedingsRequested',
      data: {
        bundle: {
          supportEvidence: ['doc-steps'],
          letters: [{ parentId: 'parent-1' }],
          attendance: { attendanceRate: 0 },
          rollingWindow: { thresholdMet: true },
        },
      },
    });
  });

  it('ATT-9: a request with no evidence is rejected', () => {
    spec
      .given([opened(), evidence, scheduled, letterSent, noEngagement, consulted, legalMeeting])
      .when(
        cmd(
          'RequestLegalProceedings',
          { requestId: 'req-1', formRef: 'doc-form', evidence: [] },
          '2024-11-29T09:00:00Z',
        ),
      )
      .thenRejects('ATT-9', { field: 'data.evidence' });
  });
});

describe('ATT-8: meetings continue during and after legal involvement', () => {
  it('ATT-8: no minimum number of AIMs before the legal referral (none held here)', () => {
    spec
      .given([opened(), evidence, scheduled, letterSent, noEngagement, consulted, legalMeeting])
      .when(
        cmd(
          'RequestLegalProceedings',
          { requestId: 'req-1', formRef: 'doc-form', evidence: ['doc-steps'] },
          '2024-11-29T09:00:00Z',
        ),
      )
      .events();
  });

  it('ATT-8: a further AIM is scheduled after the request', () => {
    const venue = {
      setting: 'home' as const,
      location: { mode: 'venue' as const, venue: 'Family home' },
    };
    spec
      .given([
        opened(),
        evidence,
        scheduled,
        letterSent,
        noEngagement,
        consulted,
        legalMeeting,
        request,
      ])
      .when(
        cmd(
          'ScheduleAim',
          { meetingId: 'aim-2', start: '2024-12-10T15:00:00Z', venue },
          '2024-12-02T09:00:00Z',
        ),
      )
      .then([
        ev('AimScheduled', {
          meetingId: 'aim-2',
          start: '2024-12-10T15:00:00Z',
          venue,
          at: '2024-12-02T09:00:00Z',
        }),
      ]);
  });
});

describe('ATT-10: the considerations before prosecution', () => {
  const considered = (esoGiven: boolean) =>
    cmd(
      'RecordProsecutionConsiderations',
      {
        prosecutorsGuidelines: 'Evidential test met',
        paceCautioning: 'Interview under caution offered',
        decision: 'prosecute',
        ...(esoGiven ? { educationSupervisionOrder: eso } : {}),
      } as never,
      '2024-12-05T09:00:00Z',
    );
  const chain = [evidence, scheduled, letterSent, noEngagement, consulted, legalMeeting, request];

  it('ATT-10: an education supervision order must be considered (NAT-7)', () => {
    spec
      .given([opened(), ...chain])
      .when(considered(false))
      .thenRejects('NAT-7', { field: 'data.educationSupervisionOrder' });
  });

  it('ATT-10: a pupil in the final academic year: court unlikely', () => {
    const [e] = spec
      .given([opened(year11Pupil), ...chain])
      .when(considered(true))
      .events();
    expect(e).toMatchObject({
      data: {
        pupilAge: { yearGroup: 11, finalAcademicYear: true, compulsorySchoolAgeEnds: '2025-06-27' },
        courtUnlikely: true,
      },
    });
    const [f] = spec
      .given([opened(), ...chain])
      .when(considered(true))
      .events();
    expect(f).toMatchObject({ data: { pupilAge: { yearGroup: 9 }, courtUnlikely: false } });
  });
});

describe('NAT-7: the escalation ladder as steps', () => {
  const base = [opened(), evidence, unauthorised];
  const step = (stepId: string, s: Record<string, unknown>, at = '2024-11-25T09:00:00Z') =>
    cmd('RecordLegalStep', { stepId, step: s } as never, at);

  it('NAT-7: a notice to improve gives a 3 to 6 week improvement period', () => {
    spec
      .given(base)
      .when(
        step('s-1', {
          kind: 'notice-to-improve',
          issuedOn: '2024-11-25',
          parentIds: ['parent-1'],
          improvementPeriodWeeks: 8,
        }),
      )
      .thenRejects('NAT-7', { field: 'data.step.improvementPeriodWeeks' });
    const [e] = spec
      .given(base)
      .when(
        step('s-1', {
          kind: 'notice-to-improve',
          issuedOn: '2024-11-25',
          parentIds: ['parent-1'],
          improvementPeriodWeeks: 4,
        }),
      )
      .events();
    expect(e).toMatchObject({ data: { improvementPeriodEnds: '2024-12-23' } });
  });

  it('NAT-7: a first penalty notice is £80 within 21 days, £160 within 28; a second £160; no third within 3 years', () => {
    const pn = (issuedOn: string) => ({ kind: 'penalty-notice', issuedOn, parentId: 'parent-1' });
    const [first] = spec
      .given(base)
      .when(step('pn-1', pn('2024-11-25')))
      .events();
    expect(first).toMatchObject({
      data: {
        penalty: {
          sequence: 1,
          reducedAmount: 80,
          reducedDueOn: '2024-12-16',
          amount: 160,
          dueOn: '2024-12-23',
        },
      },
    });
    const [second] = spec
      .given([...base, first!])
      .when(step('pn-2', pn('2024-11-25')))
      .events();
    expect(second).toMatchObject({
      data: { penalty: { sequence: 2, reducedAmount: null, amount: 160 } },
    });
    spec
      .given([...base, first!, second!])
      .when(step('pn-3', pn('2024-11-25')))
      .thenRejects('NAT-7', { field: 'data.step.parentId' });
  });

  it('NAT-6: a penalty notice below the threshold is rejected (policy: threshold required)', () => {
    spec
      .given([opened(), evidence])
      .when(step('pn-1', { kind: 'penalty-notice', issuedOn: '2024-11-25', parentId: 'parent-1' }))
      .thenRejects('NAT-6');
  });

  it('NAT-7: support comes first', () => {
    spec
      .given([opened(), unauthorised])
      .when(
        step('c-1', {
          kind: 'attendance-contract',
          agreedOn: '2024-11-25',
          parentIds: ['parent-1'],
        }),
      )
      .thenRejects('NAT-7');
  });

  it('NAT-7: prosecution only after the considerations (education supervision order)', () => {
    spec
      .given([...base, scheduled, letterSent, noEngagement, consulted, legalMeeting, request])
      .when(
        step(
          'p-1',
          {
            kind: 'prosecution',
            laidOn: '2024-12-02',
            parentIds: ['parent-1'],
            section: 's444(1)',
          },
          '2024-12-02T10:00:00Z',
        ),
      )
      .thenRejects('NAT-7');
  });
});

describe('NAT-8: legal steps end with compulsory school age', () => {
  it('NAT-8: a step after the last Friday in June of Year 11 is rejected; on that day it is recorded', () => {
    const given = [opened(year11Pupil), evidence];
    const contract = (agreedOn: string) =>
      cmd(
        'RecordLegalStep',
        {
          stepId: 'c-1',
          step: { kind: 'attendance-contract', agreedOn, parentIds: ['parent-1'] },
        } as never,
        '2025-07-01T09:00:00Z',
      );
    spec.given(given).when(contract('2025-06-30')).thenRejects('NAT-8', { field: 'data.step' });
    spec.given(given).when(contract('2025-06-27')).events();
  });
});
