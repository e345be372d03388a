/**
 * A council's HSB AIM policy: timescales and tables as data (never constants in code). The
 * defaults are the values of the source documents (000 Rochdale, 001 Sefton, 002 Derby) and
 * of the national framework (NAT-1 … NAT-3). A council loads overrides from JSON with
 * `loadHsbPolicy`.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { AgeBandCodec } from '@aimline/calendar';
import { fieldProblems, type FieldProblem } from '@aimline/kernel';
import { AssessmentModel } from './values.js';

const Count = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0, 'NonNegativeInteger');
const Positive = t.refinement(t.number, (n) => Number.isInteger(n) && n > 0, 'PositiveInteger');

/** HSB-8: the ages (whole years at the time of allocation) each model fits. */
export const ModelAgeBands = t.record(AssessmentModel, AgeBandCodec);

export const HsbPolicyCodec = t.strict({
  /** HSB-2: strategy discussion within N elapsed hours of the disclosure. */
  strategyWithinHours: Positive,
  /** HSB-3: the YOS is expected when the child is older than this (001: "for the over 8 years"). */
  yosExpectedOverAge: Count,
  /** HSB-6: age of criminal responsibility at the time of the behaviour. */
  criminalResponsibilityAge: Count,
  /** HSB-8: the model / age table. */
  modelAgeBands: ModelAgeBands,
  /** HSB-8: the models this council uses (AIM3 only where the council has adopted it, 002). */
  modelsInUse: t.array(AssessmentModel),
  /** HSB-9: children's social care leads below this age (001: under 10). */
  cscLeadsUnderAge: Count,
  /** HSB-11: assessors allocated within N working days of the strategy discussion. */
  allocationWorkingDays: Positive,
  /** HSB-12: home visit and safety plan within N days of allocation; calendar days unless switched. */
  homeSafetyPlanDays: Positive,
  homeSafetyPlanUnit: t.keyof({ calendarDays: null, workingDays: null }),
  /** HSB-14: initial joint supervision within N working days of allocation. */
  initialSupervisionWorkingDays: Positive,
  /** HSB-15: the initial AIM meeting N weeks after the initial supervision. */
  initialMeetingWeeksAfterSupervision: Positive,
  /** HSB-16: second supervision N weeks after allocation. */
  secondSupervisionWeeks: Positive,
  /** HSB-17: final supervision N weeks after allocation. */
  finalSupervisionWeeks: Positive,
  /** HSB-18: report to the responsible manager N days before the initial AIM meeting. */
  reportToManagerDaysBefore: Count,
  /** HSB-19: report to the IRO N elapsed hours before the initial AIM meeting. */
  reportToIroHoursBefore: Count,
  /** MTG-5: reports reach the chair N days before the meeting. */
  reportToChairDaysBefore: Count,
  /** HSB-23: a multi-agency meeting "straight away": within N elapsed hours of the risk emerging. */
  emergingRiskMeetingHours: Positive,
  /** HSB-25: the longest gap between contacts, in calendar days: weekly, or twice weekly when intensive. */
  contactIntervalDays: Positive,
  intensiveContactIntervalDays: Positive,
  /** HSB-25: practitioners' supervision every N calendar months. */
  practitionerSupervisionMonths: Positive,
  /** HSB-26: review meetings every N weeks until the intervention ends. */
  reviewWeeks: Positive,
  /**
   * HSB-29: the assessment for the pre-sentence report is complete (final supervision, scores
   * agreed) by the end of the day N days before the adjourned hearing (previous working day).
   */
  preSentenceAssessmentDaysBeforeHearing: Count,
  /** HSB-18: "4 days prior": calendar days moved back to a working day, or working days. */
  reportToManagerUnit: t.keyof({ daysBefore: null, workingDaysBefore: null }),
  /** HSB-28: bail or release under investigation, default length in calendar days. */
  bailDays: Positive,
  /** NAT-1: initial child protection conference within N working days of the strategy discussion. */
  initialConferenceWorkingDays: Positive,
  /** NAT-2: first review conference within N months of the initial one, then every M months. */
  firstReviewConferenceMonths: Positive,
  reviewConferenceMonths: Positive,
  /** NAT-3: child and family assessment within N working days of the referral. */
  childAndFamilyAssessmentWorkingDays: Positive,
});
export type HsbPolicy = t.TypeOf<typeof HsbPolicyCodec>;

/** The source documents' values. */
export const defaultHsbPolicy: HsbPolicy = {
  strategyWithinHours: 24,
  yosExpectedOverAge: 8,
  criminalResponsibilityAge: 10,
  modelAgeBands: {
    AIM2: { from: 8, to: 18 },
    'under-12s': { from: 0, to: 11 },
    AIM3: { from: 8, to: 18 },
  },
  modelsInUse: ['AIM2', 'under-12s'],
  cscLeadsUnderAge: 10,
  allocationWorkingDays: 5,
  homeSafetyPlanDays: 5,
  homeSafetyPlanUnit: 'calendarDays',
  initialSupervisionWorkingDays: 5,
  initialMeetingWeeksAfterSupervision: 6,
  secondSupervisionWeeks: 3,
  finalSupervisionWeeks: 5,
  reportToManagerDaysBefore: 4,
  reportToIroHoursBefore: 24,
  reportToChairDaysBefore: 2,
  emergingRiskMeetingHours: 24,
  contactIntervalDays: 7,
  intensiveContactIntervalDays: 4,
  practitionerSupervisionMonths: 1,
  reviewWeeks: 6,
  preSentenceAssessmentDaysBeforeHearing: 1,
  reportToManagerUnit: 'daysBefore',
  bailDays: 28,
  initialConferenceWorkingDays: 15,
  firstReviewConferenceMonths: 3,
  reviewConferenceMonths: 6,
  childAndFamilyAssessmentWorkingDays: 45,
};

const PolicyOverrides = t.exact(t.partial(HsbPolicyCodec.type.props));

/** Loads a council's overrides (parsed JSON) on top of the defaults; a bad value names its field. */
export const loadHsbPolicy = (
  overrides: unknown,
  base: HsbPolicy = defaultHsbPolicy,
): E.Either<ReadonlyArray<FieldProblem>, HsbPolicy> => {
  const partial = PolicyOverrides.decode(overrides);
  if (E.isLeft(partial)) return E.left(fieldProblems(partial.left));
  const merged = HsbPolicyCodec.decode({ ...base, ...partial.right });
  return E.isLeft(merged) ? E.left(fieldProblems(merged.left)) : E.right(merged.right);
};
