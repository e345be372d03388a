/** The panel's guard catalogue: guards several sitting handlers share, each giving one `Check`. */
import { firstFailure, guard, type Check } from '@aimline/kernel';
import type { SittingState } from '../sitting/state.js';

/** Actions and minutes follow the sitting: it has been held. */
export const sittingHeld = (s: SittingState): Check =>
  guard('STATE', 'the sitting has not been held', () => s.held === null);

/** STATE: the sitting must be scheduled, not cancelled and not yet held. */
export const openForChange =
  (s: SittingState): Check =>
  () =>
    firstFailure(
      guard('STATE', 'the sitting is not scheduled', () => s.slot === null),
      guard('STATE', 'the sitting is cancelled', () => s.cancelled !== null),
      guard('STATE', 'the sitting has been held', () => s.held !== null),
    );
