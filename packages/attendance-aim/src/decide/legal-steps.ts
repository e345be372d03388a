/** NAT-7: the escalation ladder recorded as steps; NAT-6 threshold; NAT-8 age limit. */
import * as E from 'fp-ts/lib/Either.js';
import type { CommandData } from '../commands.js';
import { addDays, pad2, ymd } from '../dates.js';
import type { AttendancePolicy } from '../policy.js';
import { unauthorisedInRollingWindow } from '../rolling-window.js';
import { marksOf, type AttendanceAimState, type OpenCase } from '../state.js';
import type { LegalStep, PenaltyTerms } from '../values.js';
import {
  accept,
  compulsorySchoolAgeGuard,
  dayOf,
  event,
  fail,
  firstFailure,
  refuse,
  withCase,
  type Decision,
} from './support.js';

export const stepDate = (step: LegalStep): string => {
  switch (step.kind) {
    case 'attendance-contract':
      return step.agreedOn;
    case 'notice-to-improve':
    case 'penalty-notice':
      return step.issuedOn;
    case 'education-supervision-order':
      return step.appliedOn;
    case 'prosecution':
      return step.laidOn;
  }
};

const yearsBefore = (date: string, years: number): string => {
  const { year, month, day } = ymd(date);
  return `${year - years}-${pad2(month)}-${pad2(day)}`;
};

const parentsOf = (step: LegalStep): ReadonlyArray<string> =>
  step.kind === 'penalty-notice'
    ? [step.parentId]
    : step.kind === 'education-supervision-order'
      ? []
      : step.parentIds;

/** NAT-7: the terms of a penalty notice to this parent, or the rejection when no more may be issued. */
const penaltyTerms = (
  s: OpenCase,
  parentId: string,
  issuedOn: string,
  policy: AttendancePolicy,
): E.Either<ReturnType<typeof fail>, PenaltyTerms> => {
  const p = policy.penaltyNotice;
  const since = yearsBefore(issuedOn, p.limitYears);
  const earlier = Object.values(s.legalSteps).filter(
    (x) =>
      x.step.kind === 'penalty-notice' &&
      x.step.parentId === parentId &&
      x.step.issuedOn > since &&
      x.step.issuedOn <= issuedOn,
  ).length;
  if (earlier >= p.maxNoticesWithinLimit)
    return E.left(
      fail(
        'NAT-7',
        `parent ${parentId} has had ${earlier} penalty notices for this pupil within ${p.limitYears} years; no further notice may be issued`,
        'data.step.parentId',
      ),
    );
  const first = earlier === 0;
  return E.right({
    sequence: earlier + 1,
    reducedAmount: first ? p.reducedAmount : null,
    reducedDueOn: first ? addDays(issuedOn, p.reducedWithinDays) : null,
    amount: first ? p.fullAmount : p.secondNoticeAmount,
    dueOn: addDays(issuedOn, p.fullWithinDays),
  });
};

export const recordLegalStep = (
  d: CommandData<'RecordLegalStep'>,
  at: string,
  state: AttendanceAimState,
  policy: AttendancePolicy,
): Decision =>
  withCase(state, (s) => {
    const step = d.step;
    const on = stepDate(step);
    const problem = firstFailure(
      () =>
        s.legalSteps[d.stepId] !== undefined
          ? fail('STATE', `step ${d.stepId} is already recorded`, 'data.stepId')
          : undefined,
      () =>
        on > dayOf(at) ? fail('INPUT', 'the step is dated in the future', 'data.step') : undefined,
      () => {
        const i = parentsOf(step).findIndex((id) => s.parents[id] === undefined);
        const field =
          step.kind === 'penalty-notice' ? 'data.step.parentId' : `data.step.parentIds.${i}`;
        return i >= 0 ? fail('INPUT', 'the parent is not recorded on the case', field) : undefined;
      },
      () =>
        step.kind !== 'education-supervision-order' && parentsOf(step).length === 0
          ? fail('INPUT', 'the step names no parent', 'data.step.parentIds')
          : undefined,
      // NAT-7: support first.
      () =>
        s.supportEvidence.length === 0
          ? fail(
              'NAT-7',
              'support comes first: attach the evidence of the support steps taken',
              'data.step',
            )
          : undefined,
      () => compulsorySchoolAgeGuard(s, on, policy, 'data.step'),
      () => {
        if (step.kind !== 'notice-to-improve') return undefined;
        const { minWeeks, maxWeeks } = policy.noticeToImprove;
        const w = step.improvementPeriodWeeks;
        return Number.isInteger(w) && w >= minWeeks && w <= maxWeeks
          ? undefined
          : fail(
              'NAT-7',
              `a notice to improve gives an improvement period of ${minWeeks} to ${maxWeeks} weeks`,
              'data.step.improvementPeriodWeeks',
            );
      },
      () => {
        if (step.kind !== 'prosecution') return undefined;
        if (s.legalRequests.length === 0)
          return fail(
            'ATT-9',
            'no request to initiate legal proceedings has been made',
            'data.step',
          );
        return s.prosecutionConsideredAt === undefined
          ? fail(
              'NAT-7',
              'an education supervision order and the other considerations come before prosecution',
              'data.step',
            )
          : undefined;
      },
    );
    if (problem !== undefined) return E.left(problem);

    const base = { caseId: d.caseId, stepId: d.stepId, step, at };
    if (step.kind === 'notice-to-improve')
      return accept(
        event('LegalStepRecorded', {
          ...base,
          improvementPeriodEnds: addDays(step.issuedOn, 7 * step.improvementPeriodWeeks),
        }),
      );
    if (step.kind !== 'penalty-notice') return accept(event('LegalStepRecorded', base));

    // NAT-6: the national threshold, counted on the day of issue.
    const window = unauthorisedInRollingWindow(
      marksOf(s),
      step.issuedOn,
      policy.penaltyNoticeThreshold,
    );
    if (policy.penaltyNoticeRequiresThreshold && !window.thresholdMet)
      return refuse(
        'NAT-6',
        `${window.unauthorisedSessions} unauthorised sessions in the last ${policy.penaltyNoticeThreshold.schoolWeeks} school weeks; the threshold is ${window.thresholdSessions}`,
        'data.step',
      );
    const terms = penaltyTerms(s, step.parentId, step.issuedOn, policy);
    if (E.isLeft(terms)) return terms;
    return accept(
      event('LegalStepRecorded', {
        ...base,
        penalty: terms.right,
        thresholdCount: window.unauthorisedSessions,
      }),
    );
  });

export const recordPenaltyPayment = (
  d: CommandData<'RecordPenaltyPayment'>,
  at: string,
  state: AttendanceAimState,
): Decision =>
  withCase(state, (s) => {
    const step = s.legalSteps[d.stepId];
    if (step?.penalty === undefined)
      return refuse('STATE', `step ${d.stepId} is not a penalty notice`, 'data.stepId');
    if (step.paidOn !== undefined)
      return refuse('STATE', `penalty notice ${d.stepId} is already paid`, 'data.stepId');
    if (d.paidOn > dayOf(at))
      return refuse('INPUT', 'the payment is dated in the future', 'data.paidOn');
    const t = step.penalty;
    // NAT-7: the reduced amount within its days, the full amount within the full period.
    const expected =
      t.reducedDueOn !== null && t.reducedAmount !== null && d.paidOn <= t.reducedDueOn
        ? t.reducedAmount
        : t.amount;
    if (d.amount < expected)
      return refuse('NAT-7', `the amount due on ${d.paidOn} is ${expected}`, 'data.amount');
    return accept(
      event('PenaltyPaid', {
        caseId: d.caseId,
        stepId: d.stepId,
        paidOn: d.paidOn,
        amount: d.amount,
        onTime: d.paidOn <= t.dueOn,
        at,
      }),
    );
  });
