import { describe, expect, it } from 'vitest';
import {
  alleged,
  allocate,
  cmd,
  report,
  route,
  run,
  s47,
  strategy,
  upToAllocation,
  upToIntervention,
} from './fixtures.js';
import {
  assessorsAllocated,
  caseClosed,
  commissionedEvents,
  concernReported,
  consentRefused,
  emergingRiskRaised,
  exitPlanAgreed,
  interventionEvents,
  riskManagementMeetingHeld,
  routeDecided,
  section47Decided,
  strategyDiscussionHeld,
} from './recorded.js';

describe('the recorded events the specifications are given', () => {
  it('are exactly what the commands of fixtures.ts record (HSB-1 … HSB-10 accepted path)', () => {
    expect(
      run([report(), strategy(), route('child-protection'), s47(), allocate()]).events,
    ).toEqual([
      concernReported(),
      strategyDiscussionHeld(),
      routeDecided('child-protection'),
      section47Decided(),
      assessorsAllocated(),
    ]);
  });
  it('are exactly what upToIntervention() records (HSB-11 … HSB-22 accepted path)', () => {
    expect(run(upToIntervention()).events).toEqual(interventionEvents());
  });
  it('record a looked-after child as reported', () => {
    const child = { ...alleged, lookedAfter: true };
    expect(run([report(undefined, { child })]).events).toEqual([
      concernReported(undefined, { child }),
    ]);
  });
  it('are exactly what an emerging risk, its meeting and a refused consent record (HSB-23, HSB-24)', () => {
    const risk = cmd('RaiseEmergingRisk', '2026-06-10T10:00:00Z', {
      riskId: 'risk-1',
      description: 'Invented: a cousin may be at risk.',
    });
    const meeting = cmd('HoldRiskManagementMeeting', '2026-06-10T15:00:00Z', {
      riskId: 'risk-1',
      writtenPlan: 'Invented written plan.',
    });
    expect(run([...upToAllocation(), risk, meeting]).events.slice(-2)).toEqual([
      emergingRiskRaised(),
      riskManagementMeetingHeld(),
    ]);
    const refused = cmd('RecordConsentRefused', '2026-06-02T10:00:00Z', {
      refusedBy: 'parents-carers',
      concernRemains: true,
    });
    expect(run([...upToAllocation().slice(0, 4), refused]).events).toEqual([
      ...commissionedEvents(),
      consentRefused(),
    ]);
  });
  it('are exactly what an exit plan and a closure record (HSB-27)', () => {
    const concerns = [{ concern: 'Invented concern.', howAddressed: 'Invented: school mentor.' }];
    const exitPlan = cmd('AgreeExitPlan', '2026-11-30T10:00:00Z', {
      remainingConcerns: concerns,
      signposting: ['early-help'],
    } as never);
    const close = cmd('CloseCase', '2026-12-01T10:00:00Z', { reason: 'intervention complete' });
    expect(run([...upToIntervention(), exitPlan, close]).events.slice(-2)).toEqual([
      exitPlanAgreed(concerns),
      caseClosed(),
    ]);
    expect(
      run([
        ...upToIntervention(),
        cmd('AgreeExitPlan', '2026-11-30T10:00:00Z', {
          remainingConcerns: [],
          signposting: ['early-help'],
        } as never),
      ]).events.at(-1),
    ).toEqual(exitPlanAgreed([]));
  });
});
