/**
 * Council policy for the attendance AIM process: the source documents' values (004) and the
 * national framework (NAT-5 … NAT-8) as data a council may override from JSON.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { orderedRange } from '@aimline/calendar';
import { fieldProblems, type FieldProblem } from '@aimline/kernel';

const NonNegativeInt = t.refinement(
  t.number,
  (n) => Number.isInteger(n) && n >= 0,
  'NonNegativeInt',
);
const Fraction = t.refinement(t.number, (n) => n >= 0 && n <= 1, 'Fraction');

/**
 * The policy's ordered pairs are refused written backwards, naming the upper field: the
 * persistent-absence rate is at most the severe-absence rate (NAT-5: 10% and 50%), and a
 * penalty notice's reduced amount and period are at most its full ones (NAT-7: £80 within 21
 * days, £160 within 28).
 */
export const AttendancePolicyCodec = orderedRange(
  t.type(
    {
      /** NAT-5: absence rate at which a pupil is persistently absent (10%). */
      persistentAbsenceRate: Fraction,
      /** NAT-5: absence rate at which a pupil is severely absent (50%). */
      severeAbsenceRate: Fraction,
      /** NAT-6: the penalty-notice threshold: sessions of unauthorised absence in a rolling window of school weeks. */
      penaltyNoticeThreshold: t.type({
        thresholdSessions: NonNegativeInt,
        schoolWeeks: NonNegativeInt,
      }),
      /** NAT-6: whether a penalty notice may only be issued once the threshold is met (the national "must consider" point). */
      penaltyNoticeRequiresThreshold: t.boolean,
      /** NAT-7: penalty amounts (pounds) and time limits. */
      penaltyNotice: orderedRange(
        orderedRange(
          t.type({
            reducedAmount: NonNegativeInt,
            reducedWithinDays: NonNegativeInt,
            fullAmount: NonNegativeInt,
            fullWithinDays: NonNegativeInt,
            /** A second notice to the same parent for the same child within the limit is at the full amount. */
            secondNoticeAmount: NonNegativeInt,
            limitYears: NonNegativeInt,
            /** Notices allowed to one parent for one child within `limitYears` (2: no third). */
            maxNoticesWithinLimit: NonNegativeInt,
          }),
          'reducedAmount',
          'fullAmount',
          'PenaltyAmounts',
        ),
        'reducedWithinDays',
        'fullWithinDays',
        'PenaltyNotice',
      ),
      /** NAT-7: a notice to improve gives an improvement period of 3 to 6 weeks. */
      noticeToImprove: orderedRange(
        t.type({ minWeeks: NonNegativeInt, maxWeeks: NonNegativeInt }),
        'minWeeks',
        'maxWeeks',
        'ImprovementPeriod',
      ),
      /** ATT-7: a review meeting this many weeks after each AIM (4). */
      reviewAfterWeeks: NonNegativeInt,
      /**
       * ATT-4, ATT-5: the year group from which the pupil is expected at the AIM ("age-dependent",
       * the source's example: secondary school age). Below it, parents alone may proceed.
       */
      pupilExpectedFromYearGroup: t.number,
      /** The first secondary year group (Year 7 in England). */
      secondaryFromYearGroup: t.number,
      /** NAT-8: the final year group of compulsory school age (Year 11). */
      finalCompulsoryYearGroup: t.number,
      /** NAT-8: a case says it is nearing the end of compulsory school age this many weeks before it. */
      compulsorySchoolAgeWarningWeeks: NonNegativeInt,
      /** ATT-2: the letter reaches each parent at least this many school days before the AIM (not in the source: a council choice). */
      letterNoticeSchoolDays: NonNegativeInt,
      /** ATT-5: after an AIM that did not proceed, the next step is due within this many school days. */
      nextStepAfterNotHeldSchoolDays: NonNegativeInt,
      /** ATT-9: after no engagement is recorded, the inclusion officer is consulted within this many school days. */
      inclusionOfficerConsultationSchoolDays: NonNegativeInt,
    },
    'AttendancePolicyFields',
  ),
  'persistentAbsenceRate',
  'severeAbsenceRate',
  'AttendancePolicy',
);
export type AttendancePolicy = t.TypeOf<typeof AttendancePolicyCodec>;

/** The values of source 004 and the national framework in England (2024). */
export const defaultAttendancePolicy: AttendancePolicy = {
  persistentAbsenceRate: 0.1,
  severeAbsenceRate: 0.5,
  penaltyNoticeThreshold: { thresholdSessions: 10, schoolWeeks: 10 },
  penaltyNoticeRequiresThreshold: true,
  penaltyNotice: {
    reducedAmount: 80,
    reducedWithinDays: 21,
    fullAmount: 160,
    fullWithinDays: 28,
    secondNoticeAmount: 160,
    limitYears: 3,
    maxNoticesWithinLimit: 2,
  },
  noticeToImprove: { minWeeks: 3, maxWeeks: 6 },
  reviewAfterWeeks: 4,
  pupilExpectedFromYearGroup: 7,
  secondaryFromYearGroup: 7,
  finalCompulsoryYearGroup: 11,
  compulsorySchoolAgeWarningWeeks: 26,
  letterNoticeSchoolDays: 5,
  nextStepAfterNotHeldSchoolDays: 10,
  inclusionOfficerConsultationSchoolDays: 10,
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

const merge = (base: unknown, override: unknown): unknown => {
  if (
    typeof base !== 'object' ||
    base === null ||
    typeof override !== 'object' ||
    override === null ||
    Array.isArray(override)
  )
    return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(override)) out[k] = merge(out[k], v);
  return out;
};

/** A council's overrides (parsed JSON, any subset) on top of `base`, validated as a whole. */
export const attendancePolicyFrom = (
  overrides: unknown,
  base: AttendancePolicy = defaultAttendancePolicy,
): E.Either<ReadonlyArray<FieldProblem>, AttendancePolicy> => {
  const result = AttendancePolicyCodec.decode(merge(base, overrides));
  return E.isLeft(result) ? E.left(fieldProblems(result.left)) : E.right(result.right);
};

/** Overrides in code, typed. */
export const withPolicy = (
  overrides: DeepPartial<AttendancePolicy>,
  base: AttendancePolicy = defaultAttendancePolicy,
): AttendancePolicy => merge(base, overrides) as AttendancePolicy;
