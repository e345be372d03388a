/**
 * The parts of the panel's sitting module under the names the kernel's `configuredModule` reads:
 * this file is passed to it whole (`import * as sittingParts`).
 */
import { englandAndWales, type Calendar } from '@aimline/calendar';
import { decideSitting } from '../decide/sitting.js';
import { defaultPanelPolicy, type PanelPolicy } from '../policy.js';

export { sittingCommands as commands } from './commands.js';
export { sittingEvents as events } from './events.js';
export { initialSittingState as initialState } from './state.js';
export { evolveSitting as evolve } from './evolve.js';
export { sittingDeadlines as deadlines } from './deadlines.js';
export { sittingTimeline as timeline } from '../timeline.js';

/** England and Wales' calendar unless another is given. */
export const defaults = [defaultPanelPolicy, englandAndWales] as const;

export const decide = (policy: PanelPolicy, calendar: Calendar) =>
  decideSitting({ policy, calendar });
