/**
 * The parts of the HSB case module under the names the kernel's `configuredModule` reads: this
 * file is passed to it whole (`import * as hsbParts`).
 */
import { englandAndWales, type Calendar } from '@aimline/calendar';
import { makeDecide } from './decide/index.js';
import { defaultHsbPolicy, type HsbPolicy } from './policy.js';

export { hsbCommands as commands } from './commands.js';
export { hsbEvents as events } from './events.js';
export { initialState } from './state.js';
export { evolve } from './evolve.js';
export { hsbDeadlines as deadlines } from './deadlines.js';
export { hsbTimeline as timeline } from './timeline.js';

/** England and Wales' calendar unless another is given (it counts working days, NAT-3). */
export const defaults = [defaultHsbPolicy, englandAndWales] as const;

export const decide = (policy: HsbPolicy, calendar: Calendar) => makeDecide({ policy, calendar });
