/**
 * ATT-5: whether an AIM may proceed, by the source's table. The pupil's age is policy: below
 * `pupilExpectedFromYearGroup` the pupil is too young to be expected, and parents alone may
 * proceed; a pupil alone may proceed only when of secondary school age.
 */
import type { SchoolPhase } from './school-year.js';

export type ProceedDecision =
  | { readonly proceed: true }
  | {
      readonly proceed: false;
      readonly reason: 'parents-without-pupil' | 'pupil-without-parents' | 'neither-present';
    };

export const mayProceed = (input: {
  readonly pupilPresent: boolean;
  readonly parentsPresent: boolean;
  readonly pupilExpected: boolean;
  readonly phase: SchoolPhase;
}): ProceedDecision => {
  const { pupilPresent, parentsPresent, pupilExpected, phase } = input;
  if (pupilPresent && parentsPresent) return { proceed: true };
  if (pupilPresent)
    return phase === 'secondary'
      ? { proceed: true }
      : { proceed: false, reason: 'pupil-without-parents' };
  if (parentsPresent)
    return pupilExpected ? { proceed: false, reason: 'parents-without-pupil' } : { proceed: true };
  return { proceed: false, reason: 'neither-present' };
};
