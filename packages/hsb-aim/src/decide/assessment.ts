/** Assessment: model (HSB-8), lead agency (HSB-9), assessors (HSB-10), home safety plan (HSB-12, HSB-13). */
import { ageOn, isAgeInBand } from '@aimline/calendar';
import {
  decideWhen,
  accept,
  guard,
  firstFailure,
  noneTwice,
  reject,
  type Check,
} from '@aimline/kernel';
import { criminalRoute, needsAllocation, knownSetting } from './guards.js';
import type { CommandOfType, Handler } from './handler.js';
import { deriveLeadAgency } from '../lead-agency.js';
import type { HsbPolicy } from '../policy.js';
import type { OpenCase } from '../state.js';
import { safetyPlanHeadings, type AssessmentModel, type Assessor } from '../values.js';

/** HSB-8: the model must be in use by the council and fit the child's age. */
const modelFits =
  (model: AssessmentModel, age: number, policy: HsbPolicy): Check =>
  () =>
    firstFailure(
      guard('HSB-8', `this council does not use the ${model} model`, 'data.model', () => {
        return !policy.modelsInUse.includes(model);
      }),
      guard('HSB-8', `the ${model} model does not fit a child aged ${age}`, 'data.model', () => {
        return !isAgeInBand(policy.modelAgeBands[model], age);
      }),
    );

/** HSB-10: criminal proceedings run until they end (no further action, not guilty, withdrawn: HSB-30). */
const criminalProceedings = (s: OpenCase): boolean =>
  s.criminal.ended === undefined &&
  (criminalRoute(s) ||
    s.criminal.chargedAt !== undefined ||
    s.assessment.commissioned?.by === 'police' ||
    s.assessment.commissioned?.by === 'court');

/** HSB-10: who may assess. */
const assessorChecks =
  (model: AssessmentModel, assessors: ReadonlyArray<Assessor>, s: OpenCase): Check =>
  () => {
    const victimWorker = s.victim?.socialWorkerId;
    const victimIdx =
      victimWorker === undefined ? -1 : assessors.findIndex((a) => a.id === victimWorker);
    const trained = assessors.some((a) => a.trainedIn.includes(model));
    if (victimIdx >= 0)
      return reject(
        'HSB-10',
        "the victim's social worker is never an assessor",
        `data.assessors.${victimIdx}.id`,
      );
    if (!trained)
      return reject(
        'HSB-10',
        `at least one assessor must be trained in ${model}`,
        'data.assessors',
      );
    if (model === 'AIM3') return undefined; // 002: one trained assessor leads an AIM3 assessment
    if (assessors.length < 2)
      return reject(
        'HSB-10',
        `an ${model} assessment is co-worked by two assessors`,
        'data.assessors',
      );
    if (!assessors.some((a) => a.qualification !== 'none'))
      return reject(
        'HSB-10',
        'at least one assessor must hold a social work or other suitable professional qualification',
        'data.assessors',
      );
    const agencies = new Set(assessors.map((a) => a.agency));
    if (agencies.size > 1) return undefined;
    const allCsc = agencies.has('childrens-social-care');
    if (!allCsc) return reject('HSB-10', 'the assessment must be multi-agency', 'data.assessors');
    if (criminalProceedings(s))
      return reject(
        'HSB-10',
        'two social care workers may assess only where there are no criminal proceedings',
        'data.assessors',
      );
    return undefined;
  };

/**
 * HSB-8, HSB-9, HSB-10: allocation after the assessment is commissioned (HSB-7, HSB-28,
 * HSB-29); never after a not-guilty plea unless later found guilty (HSB-29).
 */
export const allocateAssessors: Handler<'AllocateAssessors'> = ({ data: d, at }, s, ctx) => {
  const age = ageOn(s.child.dateOfBirth, at);
  return decideWhen(
    [
      guard(
        'HSB-29',
        'no AIM assessment after a not-guilty plea',
        'data.caseId',
        () =>
          s.criminal.plea === 'not-guilty' &&
          s.criminal.finding === undefined &&
          s.criminal.ended === undefined,
      ),
      guard(
        'STATE',
        'no assessment has been commissioned',
        'data.caseId',
        () => s.assessment.commissioned === undefined,
      ),
      guard(
        'STATE',
        'assessors are already allocated',
        'data.caseId',
        () => s.assessment.allocatedAt !== undefined,
      ),
      guard('INPUT', 'no assessors listed', 'data.assessors', () => d.assessors.length === 0),
      noneTwice(
        d.assessors,
        (a) => a.id,
        (_, i, twice) => [
          guard('INPUT', 'an assessor is listed twice', `data.assessors.${i}.id`, () => twice),
        ],
      ),
      modelFits(d.model, age, ctx.policy),
      assessorChecks(d.model, d.assessors, s),
    ],
    () => {
      const lead = deriveLeadAgency(s, at, ctx.policy);
      return accept({
        type: 'AssessorsAllocated',
        data: { ...d, at, leadAgency: lead.leadAgency, leadAgencyReason: lead.reason },
      });
    },
  );
};

/** HSB-12: the home visit with the family. */
export const recordHomeVisit: Handler<'RecordHomeVisit'> = (command, s) =>
  decideWhen([needsAllocation(s), knownSetting(s, command.data.setting)], () =>
    accept({ type: 'HomeVisitCompleted', data: { ...command.data, at: command.at } }),
  );

type HomeSafetyPlanData = CommandOfType<'AgreeHomeSafetyPlan'>['data'];

/** HSB-12: a home safety plan is typed, signed and agreed by managers, each shown by its field. */
const planFormalities = [
  ['typed', 'typed', (d) => d.typed],
  ['signed', 'signedBy', (d) => d.signedBy.length > 0],
  ['agreed by managers', 'agreedByManagers', (d) => d.agreedByManagers.length > 0],
] as const satisfies ReadonlyArray<
  readonly [string, keyof HomeSafetyPlanData, (d: HomeSafetyPlanData) => boolean]
>;

/** HSB-13 minimum contents; HSB-12 typed, signed and agreed by managers. */
export const agreeHomeSafetyPlan: Handler<'AgreeHomeSafetyPlan'> = ({ data: d, at }, s) => {
  const missing = safetyPlanHeadings.find((h) => d.plan[h] === undefined);
  return decideWhen(
    [
      needsAllocation(s),
      knownSetting(s, d.setting),
      guard(
        'HSB-13',
        `the home safety plan does not cover ${missing ?? ''}`,
        `data.plan.${missing ?? ''}`,
        () => missing !== undefined,
      ),
      ...planFormalities.map(([must, field, kept]) =>
        guard('HSB-12', `a home safety plan must be ${must}`, `data.${field}`, () => !kept(d)),
      ),
    ],
    () => accept({ type: 'HomeSafetyPlanAgreed', data: { ...d, at } }),
  );
};
