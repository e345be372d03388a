import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { evolve, initialState, makeHsbDecider } from '../src/index.js';
import { allocate, cmd } from './fixtures.js';
import {
  assessorsAllocated,
  concernReported,
  recorded,
  routeDecided,
  strategyDiscussionHeld,
} from './recorded.js';

const spec = deciderSpec(makeHsbDecider());
const given = spec.given;
// Recorded: a concern, its strategy discussion and the criminal-justice route.
const crim = [concernReported(), strategyDiscussionHeld(), routeDecided('criminal-justice')];
const admitted = recorded('AdmissionRecorded', '2026-06-02T10:00:00Z', {});
const triggered = recorded('AssessmentTriggeredByPolice', '2026-06-03T10:00:00Z', {
  officerId: 'pc-1',
});
const charged = recorded('Charged', '2026-06-02T12:00:00Z', { offence: 'Invented offence.' });
const pleaEntered = (p: string) =>
  recorded('PleaEntered', '2026-06-20T10:00:00Z', { plea: p } as never);
const courtTimeRequested = recorded('CourtTimeRequested', '2026-06-20T11:00:00Z', {
  untilDate: '2026-08-01',
});
const allocatedToYos = (at: string, leadAgencyReason: string) =>
  assessorsAllocated(at, undefined, undefined, {
    leadAgency: 'youth-offending-service',
    leadAgencyReason,
  });
// Commands.
const bail = (extra: Record<string, unknown> = {}) =>
  cmd('RecordBail', '2026-06-02T11:00:00Z', {
    kind: 'released-under-investigation',
    ...extra,
  } as never);
const trigger = cmd('PoliceTriggerAssessment', '2026-06-03T10:00:00Z', { officerId: 'pc-1' });

describe('criminal justice', () => {
  it('HSB-28: bail or release under investigation runs 28 days unless a date is set', () => {
    const [e] = given([...crim, admitted])
      .when(bail())
      .events();
    expect(e?.type === 'BailRecorded' && e.data.until).toBe('2026-06-30');
    const [set] = given([...crim, admitted])
      .when(bail({ until: '2026-07-15' }))
      .events();
    expect(set?.type === 'BailRecorded' && set.data.until).toBe('2026-07-15');
  });
  it('HSB-28: the police trigger the assessment after an admission', () => {
    given(crim).when(trigger).thenRejects('HSB-28', { field: 'data.caseId' });
    given([...crim, admitted])
      .when(trigger)
      .events();
  });
  it('HSB-28: the report to the investigating officer recommends a disposal', () => {
    const h = [
      ...crim,
      admitted,
      triggered,
      allocatedToYos(
        '2026-06-04T10:00:00Z',
        'criminal-justice route; assessment triggered by the police',
      ),
    ];
    given(h)
      .when(
        cmd('SubmitReport', '2026-07-10T10:00:00Z', {
          recipient: 'investigating-officer',
        } as never),
      )
      .thenRejects('HSB-28', { field: 'data.disposalRecommendation' });
    given(h)
      .when(
        cmd('SubmitReport', '2026-07-10T10:00:00Z', {
          recipient: 'investigating-officer',
          disposalRecommendation: 'Invented: youth conditional caution.',
        } as never),
      )
      .events();
  });
  it('HSB-29: no AIM assessment after a not-guilty plea', () => {
    const h = [...crim, charged, pleaEntered('not-guilty')];
    given(h)
      .when(cmd('RequestCourtTime', '2026-06-20T11:00:00Z', { untilDate: '2026-08-01' }))
      .thenRejects('HSB-29', { field: 'data.caseId' });
    given([...h, recorded('FindingRecorded', '2026-07-20T10:00:00Z', { finding: 'guilty' })])
      .when(cmd('RequestCourtTime', '2026-07-20T11:00:00Z', { untilDate: '2026-09-01' }))
      .events();
  });
  it('HSB-29: after a guilty plea the court is asked for time, which commissions the assessment', () => {
    const state = [...crim, charged, pleaEntered('guilty'), courtTimeRequested].reduce(
      evolve,
      initialState,
    );
    expect(state.status !== 'none' && state.assessment.commissioned?.by).toBe('court');
  });
  it('HSB-29: allocation is rejected after a not-guilty plea', () => {
    const state = [...crim, admitted, triggered, charged, pleaEntered('not-guilty')].reduce(
      evolve,
      initialState,
    );
    expect(makeHsbDecider().decide(allocate('2026-06-21T10:00:00Z'), state)).toMatchObject({
      left: { ruleId: 'HSB-29' },
    });
  });
  it('HSB-30: no further action leads to a referral back through the child-protection route', () => {
    const refer = cmd('ReferBackToChildProtection', '2026-07-02T10:00:00Z', {
      reason: 'Invented: insufficient evidence.',
    });
    given([...crim, admitted])
      .when(refer)
      .thenRejects('HSB-30', { field: 'data.caseId' });
    given([
      ...crim,
      admitted,
      recorded('PoliceDecisionRecorded', '2026-07-01T10:00:00Z', {
        decision: 'no-further-action',
      }),
    ])
      .when(refer)
      .events();
  });
  it('HSB-30: on release, AIM work appears in the pre-release plan and licence conditions', () => {
    const h = [
      ...crim,
      charged,
      pleaEntered('guilty'),
      courtTimeRequested,
      allocatedToYos(
        '2026-06-22T10:00:00Z',
        'criminal-justice route; assessment for a pre-sentence report',
      ),
      recorded('CustodyStarted', '2026-08-01T10:00:00Z', { kind: 'sentence' }),
    ];
    given(h)
      .when(
        cmd('RecordRelease', '2027-02-01T10:00:00Z', {
          inPreReleasePlan: true,
          inLicenceConditions: false,
        }),
      )
      .thenRejects('HSB-30', { field: 'data.inLicenceConditions' });
    given(h)
      .when(
        cmd('RecordRelease', '2027-02-01T10:00:00Z', {
          inPreReleasePlan: true,
          inLicenceConditions: true,
        }),
      )
      .events();
  });
  it('HSB-31: a disagreement goes to the line managers before the professional-differences policy', () => {
    const esc = (stage: string) =>
      cmd('EscalateDisagreement', '2026-07-01T10:00:00Z', {
        disagreementId: 'dis-1',
        stage,
        subject: 'Invented: the recommendation.',
      } as never);
    given(crim)
      .when(esc('professional-differences'))
      .thenRejects('HSB-31', { field: 'data.stage' });
    given([
      ...crim,
      recorded('DisagreementEscalated', '2026-07-01T10:00:00Z', {
        disagreementId: 'dis-1',
        stage: 'line-managers',
        subject: 'Invented: the recommendation.',
      }),
    ])
      .when(esc('professional-differences'))
      .events();
  });
});
