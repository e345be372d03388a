import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { makeHsbDecider, scoreHistory } from '../src/index.js';
import {
  aim2Scores,
  alleged,
  cmd,
  fullPlan,
  holdMeeting,
  review,
  run,
  upToIntervention,
} from './fixtures.js';
import {
  caseClosed,
  concernReported,
  exitPlanAgreed,
  interventionEvents,
  readyForMeetingEvents,
} from './recorded.js';

const spec = deciderSpec(makeHsbDecider());
const given = spec.given;
const at = '2026-07-17T12:00:00Z';

describe('initial AIM meeting', () => {
  it('HSB-21: excluding parents without a reason is rejected; with a minuted reason it is accepted', () => {
    given(readyForMeetingEvents())
      .when(holdMeeting(at, { parentsCarers: { invited: false } }))
      .thenRejects('HSB-21', { field: 'data.parentsCarers.exclusionReason' });
    given(readyForMeetingEvents())
      .when(
        holdMeeting(at, {
          parentsCarers: { invited: false, exclusionReason: 'Invented exceptional reason.' },
        }),
      )
      .events();
  });
  it('HSB-21: the IRO attends when the child is looked after', () => {
    const la = concernReported(undefined, { child: { ...alleged, lookedAfter: true } });
    const history = [la, ...readyForMeetingEvents().slice(1)];
    given(history)
      .when(holdMeeting(at, { iroPresent: false }))
      .thenRejects('HSB-21', { field: 'data.iroPresent' });
  });
  it('HSB-22: a plan missing a heading is rejected; marked not applicable with a reason it is accepted', () => {
    const { barredListConsideration: _omit, ...missing } = fullPlan;
    given(readyForMeetingEvents())
      .when(holdMeeting(at, { plan: missing }))
      .thenRejects('HSB-22', { field: 'data.plan.barredListConsideration' });
    const na = {
      ...missing,
      barredListConsideration: {
        status: 'not-applicable',
        reason: 'Invented: considered, not met.',
      },
    };
    given(readyForMeetingEvents())
      .when(holdMeeting(at, { plan: na }))
      .events();
  });
  it('HSB-22: the meeting agrees scores of the allocated model', () => {
    const aim3 = {
      model: 'under-12s',
      summary: 'Invented.',
      recommendedSupervision: 'low',
      evidence: 'Invented.',
    };
    given(readyForMeetingEvents())
      .when(holdMeeting(at, { scores: aim3 }))
      .thenRejects('HSB-8', { field: 'data.scores.model' });
  });
});

describe('intervention', () => {
  const contact = (when: string) =>
    cmd('RecordContact', when, { contactId: `c-${when}`, practitionerId: 'as-1' });
  it('HSB-25: no intervention work before an agreed plan', () => {
    given(readyForMeetingEvents())
      .when(contact('2026-07-16T10:00:00Z'))
      .thenRejects('HSB-25', { field: 'data.caseId' });
    given(interventionEvents()).when(contact('2026-07-20T10:00:00Z')).events();
  });
  it('HSB-25: practitioners supervision is recorded only during the intervention', () => {
    const sup = cmd('RecordPractitionerSupervision', '2026-08-10T10:00:00Z', {
      practitionerIds: ['as-1', 'as-2'],
      managerId: 'mgr-csc',
    });
    given(readyForMeetingEvents()).when(sup).thenRejects('HSB-25', { field: 'data.caseId' });
    given(interventionEvents()).when(sup).events();
  });
  it('HSB-26: a review is re-scored and signed off by managers', () => {
    given(interventionEvents())
      .when(review('2026-08-28T10:00:00Z', { signedOffBy: [] }))
      .thenRejects('HSB-26', { field: 'data.signedOffBy' });
    given(readyForMeetingEvents())
      .when(review('2026-08-28T10:00:00Z'))
      .thenRejects('HSB-26', { field: 'data.caseId' });
  });
  it('HSB-26: scoreHistory graphs every scoring over time; no score is computed', () => {
    const { state } = run([
      ...upToIntervention(),
      review('2026-08-28T10:00:00Z'),
      review('2026-10-09T10:00:00Z', { rescored: aim2Scores('low') }),
    ]);
    expect(scoreHistory(state).map((p) => [p.occasion, p.staticConcerns])).toEqual([
      ['final-supervision', 'medium'],
      ['initial-aim-meeting', 'medium'],
      ['review', 'low'],
      ['review', 'low'],
    ]);
  });
  it('HSB-26: AIM3 scorings keep the profile and carry no risk band', () => {
    const domain = { summary: 'Invented.', needs: 'Invented.', strengths: 'Invented.' };
    const outcome = {
      model: 'AIM3',
      domains: {
        sexualBehaviour: domain,
        nonSexualBehaviour: domain,
        developmental: domain,
        family: domain,
        environment: domain,
      },
      caseFormulation: 'Invented formulation.',
      evidence: 'Invented.',
    };
    const { state } = run([...upToIntervention()]);
    const history = scoreHistory({
      ...state,
      scores: [{ at, occasion: 'review', outcome: outcome as never }],
    } as never);
    expect(history[0]).not.toHaveProperty('staticConcerns');
    expect(history[0]?.model).toBe('AIM3');
  });
});

describe('exit and closure', () => {
  const close = cmd('CloseCase', '2026-12-01T10:00:00Z', { reason: 'intervention complete' });
  const exitPlan = (concerns: unknown[]) =>
    cmd('AgreeExitPlan', '2026-11-30T10:00:00Z', {
      remainingConcerns: concerns,
      signposting: ['early-help'],
    } as never);
  it('HSB-27: closing after an intervention needs an exit plan', () => {
    given(interventionEvents()).when(close).thenRejects('HSB-27', { field: 'data.caseId' });
  });
  it('HSB-27: the exit plan says how each remaining concern is addressed', () => {
    given(interventionEvents())
      .when(exitPlan([{ concern: 'Invented concern.' }]))
      .thenRejects('HSB-27', { field: 'data.remainingConcerns.0.howAddressed' });
    given([
      ...interventionEvents(),
      exitPlanAgreed([{ concern: 'Invented concern.', howAddressed: 'Invented: school mentor.' }]),
    ])
      .when(close)
      .events();
  });
  it('STATE: a closed case rejects further work except a documented reopening', () => {
    const closed = [...interventionEvents(), exitPlanAgreed([]), caseClosed()];
    given(closed)
      .when(review('2026-12-02T10:00:00Z'))
      .thenRejects('STATE', { field: 'data.caseId' });
    const reopen = cmd('ReopenCase', '2026-12-05T10:00:00Z', { reason: 'Invented: new concern.' });
    const [e] = given(closed).when(reopen).events();
    expect(e?.type).toBe('CaseReopened');
  });
});
