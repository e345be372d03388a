// NAT-7 (national framework, the penalty-notice ladder): "a second within 3 years is £160; no
// third within 3 years". The limits are the pupil's, whichever case issued the earlier notices:
// the command carries the notices of the pupil's other cases (priorPenaltyNoticesFor).
import { describe, expect, it } from 'vitest';
import { fold } from '@aimline/kernel';
import {
  makeAttendanceAimDecider,
  penaltyNoticesOf,
  priorPenaltyNoticesFor,
  type AttendanceAimEvent,
} from '../src/index.js';
import { cmd, ev, evidence, imported, marks, opened, spec } from './fixtures.js';

const unauthorised = imported('2024-09-02', '2024-11-22', marks('2024-09-02', '2024-11-22', 'O'));
const base = [opened(), evidence, unauthorised];
const notice = (stepId: string, issuedOn: string, caseId = 'case-7'): AttendanceAimEvent =>
  ({
    ...ev('LegalStepRecorded', {
      stepId,
      step: { kind: 'penalty-notice', issuedOn, parentId: 'parent-1' },
      at: `${issuedOn}T09:00:00Z`,
    }),
    data: {
      caseId,
      stepId,
      step: { kind: 'penalty-notice', issuedOn, parentId: 'parent-1' },
      at: `${issuedOn}T09:00:00Z`,
    },
  }) as AttendanceAimEvent;
/** The pupil's earlier case, at another school, which issued one notice to the same parent. */
const earlierCase = [
  { ...opened(), data: { ...opened().data, caseId: 'case-3' } } as AttendanceAimEvent,
  notice('pn-old', '2023-03-06', 'case-3'),
];
const issue = (priorPenaltyNotices: unknown[]) =>
  cmd(
    'RecordLegalStep',
    {
      stepId: 'pn-1',
      step: { kind: 'penalty-notice', issuedOn: '2024-11-25', parentId: 'parent-1' },
      priorPenaltyNotices,
    } as never,
    '2024-11-25T09:00:00Z',
  );
const decider = makeAttendanceAimDecider();

describe('NAT-7: penalty-notice limits count across the pupil’s cases', () => {
  const prior = priorPenaltyNoticesFor('pupil-1', 'case-7', [fold(decider)(earlierCase)]);

  it('NAT-7: the pupil’s notices from another case are the fact the command carries', () => {
    expect(prior).toEqual([
      {
        pupilId: 'pupil-1',
        caseId: 'case-3',
        stepId: 'pn-old',
        parentId: 'parent-1',
        issuedOn: '2023-03-06',
      },
    ]);
    expect(priorPenaltyNoticesFor('pupil-1', 'case-3', [fold(decider)(earlierCase)])).toEqual([]);
    expect(penaltyNoticesOf(decider.initialState)).toEqual([]);
  });

  it('NAT-7: "a second within 3 years is £160": a notice in another case makes this one the second', () => {
    const [second] = spec.given(base).when(issue(prior)).events();
    expect(second).toMatchObject({
      type: 'LegalStepRecorded',
      data: {
        penalty: { sequence: 2, reducedAmount: null, amount: 160 },
        countedFromOtherCases: prior,
      },
    });
  });

  it('NAT-7: "no third within 3 years": one notice here and one in another case refuse a third', () => {
    spec
      .given([...base, notice('pn-0', '2024-10-01')])
      .when(issue(prior))
      .thenRejects('NAT-7', { field: 'data.step.parentId' });
  });

  it('NAT-7: a notice from another case more than 3 years before does not count', () => {
    const old = [{ ...prior[0]!, issuedOn: '2021-11-25' }];
    const [first] = spec.given(base).when(issue(old)).events();
    expect(first).toMatchObject({ data: { penalty: { sequence: 1, reducedAmount: 80 } } });
    expect(first?.data).not.toHaveProperty('countedFromOtherCases');
  });

  it('NAT-7: another pupil’s notice is refused as input, naming it', () => {
    spec
      .given(base)
      .when(issue([{ ...prior[0]!, pupilId: 'pupil-2' }]))
      .thenRejects('INPUT', { field: 'data.priorPenaltyNotices.0.pupilId' });
  });

  it('NAT-7: the same notice named twice, or this case’s own notice named again, counts once', () => {
    const own = penaltyNoticesOf(fold(decider)([...base, notice('pn-0', '2024-10-01')]));
    const [second] = spec
      .given([...base, notice('pn-0', '2024-10-01')])
      .when(issue([...own]))
      .events();
    expect(second).toMatchObject({ data: { penalty: { sequence: 2 } } });
    const [again] = spec
      .given(base)
      .when(issue([...prior, ...prior]))
      .events();
    expect(again).toMatchObject({ data: { penalty: { sequence: 2 } } });
  });
});
