/** Which path each synthetic attendance case walks, and what a case's plan holds. */
import type { Day } from '../london-time.js';
import type { Rng } from '../rng.js';
import { type Regime, REGIMES } from './register.js';

/** The paths a case can walk (see `attendancePathsFor`). */
export type AttendancePath =
  /** Pupil and parents attend (ATT-5: proceed); targets met at the review AIM; closed. */
  | 'engaged'
  /** Primary pupil, parents attend alone (proceeds below the expected year group); attendance contract. */
  | 'primary-parents'
  /** Secondary pupil attends alone (ATT-5: proceeds); parents unreachable. */
  | 'pupil-alone'
  /** Parents attend without their secondary-age child (ATT-5: not held, next step), then a home AIM. */
  | 'parents-without-pupil'
  /** Nobody attends (ATT-5: not held); no engagement; notice to improve, penalty notices, prosecution. */
  | 'no-engagement-legal'
  /** Engages, then stops; legal request; penalty notices paid; AIMs continue (ATT-8); closed. */
  | 'penalty-paid'
  /** Legal request ending in an education supervision order; AIMs continue (ATT-8). */
  | 'eso'
  /** Year 11: the legal road meets the end of compulsory school age (NAT-8, ATT-10). */
  | 'year11';

export type Rejectable = 'ATT-2' | 'NAT-4' | 'NAT-8';

export interface CasePlan {
  readonly caseId: string;
  readonly path: AttendancePath;
  readonly openDay: Day;
  readonly yearGroup: number;
  readonly showRejections: ReadonlySet<Rejectable>;
  /** The review of the first AIM is late (ATT-7 breached). */
  readonly lateReview: boolean;
}

/** Calendar days a path takes (roughly), so required cases end inside the demo window. */
export const DURATION: Record<AttendancePath, number> = {
  engaged: 130,
  'primary-parents': 110,
  'pupil-alone': 140,
  'parents-without-pupil': 160,
  'no-engagement-legal': 270,
  'penalty-paid': 230,
  eso: 250,
  year11: 200,
};

export const BASELINE: Record<AttendancePath, Regime> = {
  engaged: REGIMES.persistent,
  'primary-parents': REGIMES.illness,
  'pupil-alone': REGIMES.persistentUnauthorised,
  'parents-without-pupil': REGIMES.severe,
  'no-engagement-legal': REGIMES.persistentUnauthorised,
  'penalty-paid': REGIMES.persistentUnauthorised,
  eso: REGIMES.severe,
  year11: REGIMES.severe,
};

/** Every path once (Year 11 among them) when there are at least 8 cases, then a realistic mix. */
export const attendancePathsFor = (rng: Rng, cases: number): AttendancePath[] => {
  const core: AttendancePath[] = [
    'engaged',
    'no-engagement-legal',
    'pupil-alone',
    'parents-without-pupil',
    'primary-parents',
    'year11',
    'penalty-paid',
    'eso',
  ];
  const mix: AttendancePath[] = [
    'engaged',
    'engaged',
    'primary-parents',
    'pupil-alone',
    'parents-without-pupil',
    'penalty-paid',
    'no-engagement-legal',
  ];
  const chosen = core.slice(0, Math.max(0, cases));
  while (chosen.length < cases) chosen.push(rng.pick(mix));
  return chosen;
};
