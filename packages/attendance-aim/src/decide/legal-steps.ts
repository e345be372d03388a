/** NAT-7: the escalation ladder recorded as steps; NAT-6 threshold; NAT-8 age limit. */
import { addDays, addMonthsToDate, localDate } from '@aimline/calendar';
import { decideWhen, decideWith, accept, eachItem, found, guard } from '@aimline/kernel';
import { compulsorySchoolAgeGuard } from './compulsory-school-age.js';
import type { Handler } from './handler.js';
import type { AttendancePolicy } from '../policy.js';
import { unauthorisedInRollingWindow } from '../rolling-window.js';
import { marksOf, type OpenCase } from '../state.js';
import type { LegalStep, PenaltyTerms, PriorPenaltyNotice } from '../values.js';

/** The date a legal step was taken: agreed, issued, applied for or laid. */
const stepDate = (step: LegalStep): string => {
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

/** The same day `years` earlier (29 February falls back to 28 February). */
const yearsBefore = (date: string, years: number): string => addMonthsToDate(date, -12 * years);

const parentsOf = (step: LegalStep): ReadonlyArray<string> =>
  step.kind === 'penalty-notice'
    ? [step.parentId]
    : step.kind === 'education-supervision-order'
      ? []
      : step.parentIds;

/**
 * NAT-7: the penalty notices this parent had for this pupil within the limit years, up to
 * `issuedOn`: this case's own and those of the pupil's other cases (`prior`, given with the
 * command). Returns the other cases' notices that counted, as evidence.
 */
const earlierPenaltyNotices = (
  s: OpenCase,
  parentId: string,
  issuedOn: string,
  prior: ReadonlyArray<PriorPenaltyNotice>,
  policy: AttendancePolicy,
): { count: number; fromOtherCases: PriorPenaltyNotice[] } => {
  const since = yearsBefore(issuedOn, policy.penaltyNotice.limitYears);
  const within = (p: string, on: string): boolean => p === parentId && on > since && on <= issuedOn;
  const own = Object.values(s.legalSteps).filter(
    (x) => x.step.kind === 'penalty-notice' && within(x.step.parentId, x.step.issuedOn),
  ).length;
  const fromOtherCases = prior.filter(
    (n, i) =>
      n.caseId !== s.caseId &&
      within(n.parentId, n.issuedOn) &&
      prior.findIndex((m) => m.caseId === n.caseId && m.stepId === n.stepId) === i,
  );
  return { count: own + fromOtherCases.length, fromOtherCases };
};

/** NAT-7: the terms of a penalty notice after `earlier` notices to the same parent. */
const penaltyTerms = (
  earlier: number,
  issuedOn: string,
  policy: AttendancePolicy,
): PenaltyTerms => {
  const p = policy.penaltyNotice;
  const first = earlier === 0;
  return {
    sequence: earlier + 1,
    reducedAmount: first ? p.reducedAmount : null,
    reducedDueOn: first ? addDays(issuedOn, p.reducedWithinDays) : null,
    amount: first ? p.fullAmount : p.secondNoticeAmount,
    dueOn: addDays(issuedOn, p.fullWithinDays),
  };
};

export const recordLegalStep: Handler<'RecordLegalStep'> = ({ data: d, at }, s, policy) => {
  const step = d.step;
  const on = stepDate(step);
  const unknownParent = parentsOf(step).findIndex((id) => s.parents[id] === undefined);
  const { minWeeks, maxWeeks } = policy.noticeToImprove;
  return decideWhen(
    [
      guard(
        'STATE',
        `step ${d.stepId} is already recorded`,
        'data.stepId',
        () => s.legalSteps[d.stepId] !== undefined,
      ),
      guard('INPUT', 'the step is dated in the future', 'data.step', () => on > localDate(at)),
      guard(
        'INPUT',
        'the parent is not recorded on the case',
        step.kind === 'penalty-notice'
          ? 'data.step.parentId'
          : `data.step.parentIds.${unknownParent}`,
        () => unknownParent >= 0,
      ),
      guard(
        'INPUT',
        'the step names no parent',
        'data.step.parentIds',
        () => step.kind !== 'education-supervision-order' && parentsOf(step).length === 0,
      ),
      // NAT-7: support first.
      guard(
        'NAT-7',
        'support comes first: attach the evidence of the support steps taken',
        'data.step',
        () => s.supportEvidence.length === 0,
      ),
      compulsorySchoolAgeGuard(s, on, policy, 'data.step'),
      guard(
        'NAT-7',
        `a notice to improve gives an improvement period of ${minWeeks} to ${maxWeeks} weeks`,
        'data.step.improvementPeriodWeeks',
        () => {
          if (step.kind !== 'notice-to-improve') return false;
          const w = step.improvementPeriodWeeks;
          return !(Number.isInteger(w) && w >= minWeeks && w <= maxWeeks);
        },
      ),
      guard(
        'ATT-9',
        'no request to initiate legal proceedings has been made',
        'data.step',
        () => step.kind === 'prosecution' && s.legalRequests.length === 0,
      ),
      guard(
        'NAT-7',
        'an education supervision order and the other considerations come before prosecution',
        'data.step',
        () => step.kind === 'prosecution' && s.prosecutionConsideredAt === undefined,
      ),
    ],
    () => {
      const base = { caseId: d.caseId, stepId: d.stepId, step, at };
      if (step.kind === 'notice-to-improve')
        return accept({
          type: 'LegalStepRecorded',
          data: {
            ...base,
            improvementPeriodEnds: addDays(step.issuedOn, 7 * step.improvementPeriodWeeks),
          },
        });
      if (step.kind !== 'penalty-notice') return accept({ type: 'LegalStepRecorded', data: base });

      // NAT-6: the national threshold, counted on the day of issue.
      const window = unauthorisedInRollingWindow(
        marksOf(s),
        step.issuedOn,
        policy.penaltyNoticeThreshold,
      );
      const prior = d.priorPenaltyNotices ?? [];
      return decideWhen(
        [
          guard(
            'NAT-6',
            `${window.unauthorisedSessions} unauthorised sessions in the last ${policy.penaltyNoticeThreshold.schoolWeeks} school weeks; the threshold is ${window.thresholdSessions}`,
            'data.step',
            () => policy.penaltyNoticeRequiresThreshold && !window.thresholdMet,
          ),
          eachItem(prior, (notice, i) => [
            guard(
              'INPUT',
              "not a penalty notice for this case's pupil",
              `data.priorPenaltyNotices.${i}.pupilId`,
              () => notice.pupilId !== s.pupil.pupilId,
            ),
          ]),
        ],
        () => {
          const earlier = earlierPenaltyNotices(s, step.parentId, step.issuedOn, prior, policy);
          const { limitYears, maxNoticesWithinLimit } = policy.penaltyNotice;
          return decideWhen(
            [
              guard(
                'NAT-7',
                `parent ${step.parentId} has had ${earlier.count} penalty notices for this pupil within ${limitYears} years; no further notice may be issued`,
                'data.step.parentId',
                () => earlier.count >= maxNoticesWithinLimit,
              ),
            ],
            () =>
              accept({
                type: 'LegalStepRecorded',
                data: {
                  ...base,
                  penalty: penaltyTerms(earlier.count, step.issuedOn, policy),
                  thresholdCount: window.unauthorisedSessions,
                  ...(earlier.fromOtherCases.length === 0
                    ? {}
                    : { countedFromOtherCases: earlier.fromOtherCases }),
                },
              }),
          );
        },
      );
    },
  );
};

/** NAT-7: the reduced amount within its days, the full amount within the full period. */
const amountDue = (t: PenaltyTerms, paidOn: string): number =>
  t.reducedDueOn !== null && t.reducedAmount !== null && paidOn <= t.reducedDueOn
    ? t.reducedAmount
    : t.amount;

export const recordPenaltyPayment: Handler<'RecordPenaltyPayment'> = ({ data: d, at }, s) => {
  const step = s.legalSteps[d.stepId];
  return decideWith(
    found(step?.penalty, 'STATE', `step ${d.stepId} is not a penalty notice`, 'data.stepId'),
    (terms) => {
      const expected = amountDue(terms, d.paidOn);
      return decideWhen(
        [
          guard('STATE', `penalty notice ${d.stepId} is already paid`, 'data.stepId', () => {
            return step?.paidOn !== undefined;
          }),
          guard('INPUT', 'the payment is dated in the future', 'data.paidOn', () => {
            return d.paidOn > localDate(at);
          }),
          guard('NAT-7', `the amount due on ${d.paidOn} is ${expected}`, 'data.amount', () => {
            return d.amount < expected;
          }),
        ],
        () =>
          accept({
            type: 'PenaltyPaid',
            data: {
              caseId: d.caseId,
              stepId: d.stepId,
              paidOn: d.paidOn,
              amount: d.amount,
              onTime: d.paidOn <= terms.dueOn,
              at,
            },
          }),
      );
    },
  );
};
