/** Which path each synthetic HSB case walks, what happens on top of it, and what a case is made of. */
import type { Child, HsbCommand, HsbPolicy } from '@aimline/hsb-aim';
import type { MeetingCommand } from '@aimline/meetings';
import type { CaseWriter, CommandWriter } from '../case-writer.js';
import type { Clock, Day } from '../london-time.js';
import type { Rng } from '../rng.js';
import type { Pro, Staff } from './staff.js';

/** The paths a case can walk (see `pathsFor`). */
export type HsbPath =
  | 'child-protection'
  | 'criminal-justice-assessment'
  | 'prosecution'
  | 'custody'
  | 'no-aim-intervention'
  | 'under-12s'
  | 'aim3'
  | 'referral-back';

/** What can happen on top of a path (each at least once when there are enough cases). */
export type HsbFeature =
  'consent-refused' | 'emerging-risk' | 'disagreement' | 'late-allocation' | 'late-home-visit';

export interface CasePlan {
  readonly caseId: string;
  readonly path: HsbPath;
  readonly features: ReadonlySet<HsbFeature>;
  /** The rule ids of the commands this case sends on purpose to be refused. */
  readonly showRejections: ReadonlySet<'HSB-6' | 'HSB-8' | 'HSB-22'>;
  readonly disclosureDay: Day;
  /** Steps after this instant are left out (a case still open at the end of the demo window). */
  readonly cutOff?: string;
  /**
   * The child's surname is first recorded misspelt, then corrected (rectification, issue 13);
   * the case's social worker also tries to allocate its assessors (FORBIDDEN, issue 13).
   */
  readonly correctName?: true;
}

export interface CaseFacts {
  readonly w: CaseWriter<HsbCommand>;
  /** The case's meetings in `@aimline/meetings` (MTG-1 … MTG-9). */
  readonly m: CommandWriter<MeetingCommand>;
  readonly plan: CasePlan;
  readonly child: Child;
  readonly victim?: Child;
  readonly age: number;
  readonly staff: Staff;
  readonly policy: HsbPolicy;
  readonly rng: Rng;
  readonly clock: Clock;
  /** The duty social worker who took the referral and is the case holder. */
  readonly caseHolder: Pro;
  readonly cscManager: Pro;
  readonly yosManager: Pro;
  readonly police: Pro;
}

/** Longest expected duration of a path, in days (to start cases early enough to finish). */
export const durationDays: Record<HsbPath, number> = {
  'child-protection': 280,
  'under-12s': 280,
  aim3: 280,
  'criminal-justice-assessment': 200,
  prosecution: 300,
  custody: 340,
  'no-aim-intervention': 14,
  'referral-back': 260,
};

/**
 * Which path each case walks: every path when there are 6 cases or more (with 6, the custody
 * case is also the prosecution with a guilty plea), then a realistic mix.
 */
export const pathsFor = (rng: Rng, cases: number): HsbPath[] => {
  const core: HsbPath[] =
    cases >= 7
      ? [
          'child-protection',
          'criminal-justice-assessment',
          'prosecution',
          'custody',
          'no-aim-intervention',
          'under-12s',
          'aim3',
        ]
      : [
          'child-protection',
          'criminal-justice-assessment',
          'custody',
          'no-aim-intervention',
          'under-12s',
          'aim3',
        ];
  const mix: HsbPath[] = [
    'child-protection',
    'child-protection',
    'child-protection',
    'no-aim-intervention',
    'no-aim-intervention',
    'criminal-justice-assessment',
    'prosecution',
    'under-12s',
    'referral-back',
  ];
  const extra: HsbPath[] = cases >= 8 ? ['referral-back'] : [];
  const chosen = [...core, ...extra].slice(0, cases);
  while (chosen.length < cases) chosen.push(rng.pick(mix));
  return chosen;
};

export const featureList: HsbFeature[] = [
  'consent-refused',
  'emerging-risk',
  'disagreement',
  'late-allocation',
  'late-home-visit',
];

export const assessmentPaths: ReadonlySet<HsbPath> = new Set<HsbPath>([
  'child-protection',
  'under-12s',
  'aim3',
  'prosecution',
  'custody',
  'referral-back',
]);
