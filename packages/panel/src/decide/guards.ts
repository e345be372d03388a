/** The panel's guard catalogue: guards several referral or sitting handlers share, each giving one `Check`. */
import { firstFailure, guard, type Check } from '@aimline/kernel';
import type { ReferralState } from '../referral/state.js';
import type { SittingState } from '../sitting/state.js';

/** Actions and minutes follow the sitting: it has been held. */
export const sittingHeld = (s: SittingState): Check =>
  guard('STATE', 'the sitting has not been held', () => s.held === null);

/**
 * STATE: a stream at the stage a command needs. Each row is the reason it is not, and whether
 * that holds; the first that holds refuses.
 */
export const atStage =
  (rows: ReadonlyArray<readonly [reason: string, notYet: boolean]>): Check =>
  () =>
    firstFailure(...rows.map(([reason, notYet]) => guard('STATE', reason, () => notYet)));

/** STATE: the sitting must be scheduled, not cancelled and not yet held. */
export const openForChange = (s: SittingState): Check =>
  atStage([
    ['the sitting is not scheduled', s.slot === null],
    ['the sitting is cancelled', s.cancelled !== null],
    ['the sitting has been held', s.held !== null],
  ]);

/** INPUT: a stream holds one referral or one sitting; a command naming another is refused. */
export const holds = (what: 'referral' | 'sitting', held: string | null, named: string): Check =>
  guard('INPUT', `this stream holds ${what} ${held ?? ''}`, `data.${what}Id`, () => {
    return held !== null && held !== named;
  });

/** STATE: the referral must exist, be open and not yet decided. */
export const openUndecided = (s: ReferralState): Check =>
  atStage([
    ['no referral has been received', s.referralId === null],
    ['the referral is closed', s.closed !== null],
    ['the panel has already decided on this referral', s.decision !== null],
  ]);
