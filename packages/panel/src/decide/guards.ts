/** The panel's guard catalogue: guards several sitting handlers share, each giving one `Check`. */
import { guard, type Check } from '@aimline/kernel';
import type { SittingState } from '../sitting/state.js';

/** Actions and minutes follow the sitting: it has been held. */
export const sittingHeld = (s: SittingState): Check =>
  guard('STATE', 'the sitting has not been held', () => s.held === null);
