import { describe, expect, it } from 'vitest';
import {
  CASE,
  cmd,
  evidence,
  held,
  imported,
  letterSent,
  marks,
  MEETING,
  opened,
  outcome,
  scheduled,
  spec,
  targets,
} from './fixtures.js';

const given = [opened(), evidence, scheduled, letterSent, held()];
const record = (over: Record<string, unknown> = {}) =>
  cmd(
    'RecordAimOutcome',
    {
      meetingId: MEETING,
      whatWorked: ['Walking to school with a friend'],
      strategies: [{ description: 'Reduced timetable for two weeks', isNew: true }],
      targets,
      nextSteps: [{ party: 'school', action: 'Book the review meeting' }],
      ...over,
    } as never,
    '2024-10-15T10:30:00Z',
  );

describe('ATT-6: what worked, next steps and a target for every party', () => {
  it('ATT-6: the outcome is recorded with the review due 4 weeks after the AIM', () => {
    spec.given(given).when(record()).then([outcome]);
  });

  it('ATT-6: nothing noted as having worked is rejected', () => {
    spec
      .given(given)
      .when(record({ whatWorked: [] }))
      .thenRejects('ATT-6', { field: 'data.whatWorked' });
  });

  it('ATT-6: a party without a target is rejected', () => {
    spec
      .given(given)
      .when(record({ targets: targets.filter((t) => t.party !== 'parents') }))
      .thenRejects('ATT-6', { field: 'data.targets', reason: /parents/ });
  });

  it('ATT-6: an unreasonable measure is rejected, naming the field', () => {
    const bad = [
      { ...targets[0]!, measure: { kind: 'minAttendanceRate', value: 1.2 } },
      targets[1]!,
      targets[2]!,
    ];
    spec
      .given(given)
      .when(record({ targets: bad }))
      .thenRejects('ATT-6', { field: 'data.targets.0.measure.value' });
  });

  it('ATT-6: no outcome for an AIM that was not held', () => {
    spec
      .given([opened(), evidence, scheduled, letterSent])
      .when(record())
      .thenRejects('STATE', { field: 'data.meetingId' });
  });
});

describe('ATT-7: the review evaluates each target against the attendance recorded', () => {
  const reviewAt = '2024-11-12T16:00:00Z';
  const review = (
    evaluations: ReadonlyArray<Record<string, unknown>> = [
      { targetId: 't-3', met: true, note: 'Mentor met the pupil every Monday' },
    ],
  ) => cmd('ReviewTargets', { reviewOf: MEETING, evaluations } as never, reviewAt);

  it('ATT-7: two unauthorised sessions in 4 weeks: "no further unauthorised absences" not met; the 90% attendance target met', () => {
    const period = marks('2024-10-16', '2024-11-11', '/', {
      '2024-10-22|AM': 'O',
      '2024-11-05|PM': 'G',
    }).filter((m) => m.date < '2024-10-28' || m.date > '2024-11-01');
    // 14 school days (28 sessions) outside half term, 2 of them unauthorised: 26/28 = 92.9%
    const [e] = spec
      .given([...given, outcome, imported('2024-10-16', '2024-11-11', period)])
      .when(review())
      .events();
    expect(e).toMatchObject({
      type: 'TargetsReviewed',
      data: {
        caseId: CASE,
        period: { from: '2024-10-16', to: '2024-11-11' },
        attendance: { possibleSessions: 28, unauthorisedSessions: 2 },
        results: [
          { targetId: 't-1', outcome: 'not-met', measured: 2, evaluatedBy: 'attendance' },
          { targetId: 't-2', outcome: 'met', measured: 26 / 28, evaluatedBy: 'attendance' },
          { targetId: 't-3', outcome: 'met', evaluatedBy: 'reviewer' },
        ],
      },
    });
  });

  it('ATT-7: the review needs the attendance of the whole period', () => {
    spec
      .given([
        ...given,
        outcome,
        imported('2024-10-16', '2024-11-01', marks('2024-10-16', '2024-11-01', '/')),
      ])
      .when(review())
      .thenRejects('ATT-7', { field: 'data.reviewOf' });
  });

  it('ATT-7: a free-text target needs the reviewer; a measured one is not overridden', () => {
    const g = [
      ...given,
      outcome,
      imported('2024-10-16', '2024-11-11', marks('2024-10-16', '2024-11-11', '/')),
    ];
    spec.given(g).when(review([])).thenRejects('ATT-7', { field: 'data.evaluations' });
    spec
      .given(g)
      .when(review([{ targetId: 't-1', met: true, note: 'x' }]))
      .thenRejects('ATT-7', { field: 'data.evaluations.0.targetId' });
  });
});
