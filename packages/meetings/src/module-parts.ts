/**
 * The parts of the meeting module under the names the kernel's `configuredModule` reads: this
 * file is passed to it whole (`import * as meetingParts`).
 */
import { englandAndWales } from '@aimline/calendar';
import { defaultMeetingPolicy } from './policy.js';

export { meetingCommands as commands } from './commands.js';
export { meetingEvents as events } from './events.js';
export { initialMeetingState as initialState } from './state.js';
export { evolve } from './evolve.js';
export { makeDecide as decide } from './decide/index.js';
export { meetingDeadlines as deadlines } from './deadlines.js';
export { meetingTimeline as timeline } from './timeline.js';

/** England and Wales' calendar unless another is given. */
export const defaults = [defaultMeetingPolicy, englandAndWales] as const;
