import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { evolve, initialState, makeHsbDecider } from '../src/index.js';
import { cmd, people, report, route, s47, strategy, victim } from './fixtures.js';
import {
  concernReported,
  routeDecided,
  section47Decided,
  strategyDiscussionHeld,
} from './recorded.js';

const spec = deciderSpec(makeHsbDecider());
const given = spec.given;

describe('start and strategy', () => {
  it('HSB-1: a concern is recorded with both notifications', () => {
    const [e] = given([]).when(report()).events();
    expect(e?.type).toBe('ConcernReported');
    expect(e?.data).toMatchObject({
      notifications: {
        childrensSocialCare: '2026-06-01T08:30:00Z',
        police: '2026-06-01T08:40:00Z',
      },
    });
  });
  it('HSB-1: a concern without the police notification is rejected', () => {
    given([])
      .when(report(undefined, { notifications: { childrensSocialCare: '2026-06-01T08:30:00Z' } }))
      .thenRejects('HSB-1', { field: 'data.notifications.police' });
  });
  it('INPUT: a date of birth in the future is rejected naming the field', () => {
    given([])
      .when(report(undefined, { victim: { ...victim, dateOfBirth: '2027-01-01' } }))
      .thenRejects('INPUT', { field: 'data.victim.dateOfBirth' });
  });
  it('HSB-4: a case link holds only the other case id and the relationship', () => {
    const link = cmd('LinkCase', '2026-06-01T10:00:00Z', {
      linkedCaseId: 'case-0002',
      relationship: 'victim-case',
    });
    given([concernReported()])
      .when(link)
      .then([
        {
          type: 'CaseLinked',
          data: {
            caseId: 'case-0001',
            linkedCaseId: 'case-0002',
            relationship: 'victim-case',
            at: '2026-06-01T10:00:00Z',
          },
        },
      ]);
  });
  it("HSB-4: a case link that carries the other child's details is refused at the field (INPUT), so none is copied", () => {
    const link = cmd('LinkCase', '2026-06-01T10:00:00Z', {
      linkedCaseId: 'case-0002',
      relationship: 'victim-case',
      child: victim,
    } as never);
    given([concernReported()]).when(link).thenRejects('INPUT', { field: 'data.child' });
  });
  it("HSB-4: at the alleged child's separate discussion a participant from the victim's school is rejected", () => {
    given([concernReported()])
      .when(
        strategy(
          undefined,
          [people.police, people.csc, people.yos, people.birchwood],
          'alleged-child',
        ),
      )
      .thenRejects('HSB-4', { field: 'data.participants.3.school' });
  });
  it("HSB-4: each school attends its own pupil's discussion; the police and social worker attend both", () => {
    given([
      concernReported(),
      strategyDiscussionHeld(undefined, [people.police, people.csc, people.yos, people.oakfield]),
    ])
      .when(
        strategy(
          '2026-06-01T16:00:00Z',
          [people.police, people.csc, people.birchwood],
          'victim-child',
          'sd-2',
        ),
      )
      .events();
  });
  it('HSB-3: a missing YOS participant for a child over 8 is a recorded warning, not a rejection', () => {
    const [e] = given([concernReported()])
      .when(strategy(undefined, [people.police, people.csc]))
      .events();
    expect(e?.type === 'StrategyDiscussionHeld' && e.data.warnings.map((w) => w.ruleId)).toEqual([
      'HSB-3',
    ]);
  });
  it('HSB-3: no warning when police, CSC and YOS take part', () => {
    const [e] = given([concernReported()]).when(strategy()).events();
    expect(e?.type === 'StrategyDiscussionHeld' && e.data.warnings).toEqual([]);
  });
  it('HSB-5: no AIM intervention needs its reason', () => {
    given([concernReported(), strategyDiscussionHeld()])
      .when(route('no-aim-intervention'))
      .thenRejects('HSB-5', { field: 'data.noInterventionReason' });
    given([concernReported(), strategyDiscussionHeld()])
      .when(
        route('no-aim-intervention', undefined, {
          noInterventionReason: { kind: 'police-caution', detail: 'Invented.' },
        }),
      )
      .events();
  });
  it('HSB-5: the route is decided only after a strategy discussion', () => {
    given([concernReported()])
      .when(route('child-protection'))
      .thenRejects('STATE', { field: 'data.caseId' });
  });
  it('HSB-6: the criminal-justice route needs the child to be 10 or over at the time of the behaviour', () => {
    const youngReported = concernReported(undefined, {
      child: { childId: 'child-y', name: 'Kit Nobody', dateOfBirth: '2016-06-15' },
    });
    given([youngReported, strategyDiscussionHeld()])
      .when(route('criminal-justice'))
      .thenRejects('HSB-6', { field: 'data.route' });
    given([youngReported, strategyDiscussionHeld()]).when(route('both')).thenRejects('HSB-6');
    given([concernReported(), strategyDiscussionHeld()]).when(route('criminal-justice')).events();
  });
  it('HSB-7: the Section 47 decision records whether an assessment is commissioned', () => {
    const state = [
      concernReported(),
      strategyDiscussionHeld(),
      routeDecided('child-protection'),
      section47Decided(),
    ].reduce(evolve, initialState);
    expect(state.status !== 'none' && state.assessment.commissioned?.by).toBe('section-47');
  });
  it('HSB-7: no assessment can be commissioned after a no-AIM-intervention route', () => {
    given([
      concernReported(),
      strategyDiscussionHeld(),
      routeDecided('no-aim-intervention', undefined, {
        noInterventionReason: { kind: 'early-help', detail: 'Invented.' },
      }),
    ])
      .when(s47())
      .thenRejects('HSB-5', { field: 'data.assessmentCommissioned' });
  });
  it('NAT-3: a late child and family assessment records its reason', () => {
    const late = cmd('RecordChildAndFamilyAssessment', '2026-09-01T10:00:00Z', {});
    given([
      concernReported(),
      strategyDiscussionHeld(),
      routeDecided('child-protection'),
      section47Decided(),
    ])
      .when(late)
      .thenRejects('NAT-3', { field: 'data.lateReason' });
    given([
      concernReported(),
      strategyDiscussionHeld(),
      routeDecided('child-protection'),
      section47Decided(),
    ])
      .when(cmd('RecordChildAndFamilyAssessment', '2026-07-01T10:00:00Z', {}))
      .events();
  });
});
