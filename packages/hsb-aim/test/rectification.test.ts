import { describe, expect, it } from 'vitest';
import { deciderSpec } from '@aimline/kernel/testing';
import { evolve, initialState, makeHsbDecider, type HsbEvent } from '../src/index.js';
import { allocate, alleged, assessors, cmd, victim } from './fixtures.js';
import { caseClosed, commissionedEvents, recorded } from './recorded.js';

const { given } = deciderSpec(makeHsbDecider());
const at = '2026-06-02T10:00:00Z';
const correct = (data: Record<string, unknown>) => cmd('CorrectChildDetails', at, data as never);
const corrected = (data: Record<string, unknown>) =>
  recorded('ChildDetailsCorrected', at, data as never);
const fold = (events: ReadonlyArray<HsbEvent>) => events.reduce(evolve, initialState);

describe('rectification: a correction is a new event, and the state folds the corrected value', () => {
  it("a child's wrongly recorded date of birth is corrected with the reason; the original stays in the history", () => {
    const data = {
      childId: alleged.childId,
      dateOfBirth: '2016-01-01',
      reason: 'mistyped on the referral',
    };
    given(commissionedEvents())
      .when(correct(data))
      .then([corrected(data)]);
  });

  it('HSB-8 judges the corrected age: the under-12s model fits once the date of birth is corrected', () => {
    const u12 = { ...assessors.cscAim2, trainedIn: ['under-12s'] };
    const allocateU12 = allocate(undefined, [u12, assessors.yosAim2], 'under-12s');
    given(commissionedEvents()).when(allocateU12).thenRejects('HSB-8');
    const fixed = corrected({
      childId: alleged.childId,
      dateOfBirth: '2016-01-01',
      reason: 'mistyped',
    });
    expect(
      given([...commissionedEvents(), fixed])
        .when(allocateU12)
        .events()[0]?.type,
    ).toBe('AssessorsAllocated');
  });

  it("the victim's details are corrected in the victim's facts, not the child's", () => {
    const state = fold([
      ...commissionedEvents(),
      corrected({
        childId: victim.childId,
        school: 'Invented Grange School',
        reason: 'moved school before the referral',
      }),
    ]);
    expect(state.status !== 'none' && [state.child.school, state.victim?.school]).toEqual([
      alleged.school,
      'Invented Grange School',
    ]);
  });

  it('a closed case can still be corrected (the right outlives the work)', () => {
    const data = { childId: alleged.childId, name: 'Alexa Testchild', reason: 'name misspelt' };
    given([...commissionedEvents(), caseClosed()])
      .when(correct(data))
      .then([corrected(data)]);
  });

  it('RECT-1: the correction names the case child or its victim', () => {
    given(commissionedEvents())
      .when(correct({ childId: 'child-x', name: 'Someone Else', reason: 'wrong case' }))
      .thenRejects('RECT-1', { field: 'data.childId' });
  });

  it('RECT-2: a correction corrects at least one field', () => {
    given(commissionedEvents())
      .when(correct({ childId: alleged.childId, reason: 'nothing' }))
      .thenRejects('RECT-2', { field: 'data' });
  });
});
