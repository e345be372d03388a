/** The process managers between the AIM processes, and the one call that runs them. */
import type { CommandHandler, EventStore } from '@aimline/kernel';
import { hsbToMeetings } from './flows/hsb-to-meetings.js';
import { meetingsToHsb } from './flows/meetings-to-hsb.js';
import { attendanceToLegal } from './flows/attendance-to-legal.js';
import { panelToHsb } from './flows/panel-to-hsb.js';
import { panelToLocality } from './flows/panel-to-locality.js';
import type { ProcessModules } from './modules.js';
import type { ProcessManager } from './process-manager.js';
import type { ReactionOutcome } from './react-once.js';
import { processRunner, type ProcessRunner } from './runner.js';

/** Every process manager of Aimline, bound to the council's modules. */
export const aimlineProcessManagers = (modules: ProcessModules): ReadonlyArray<ProcessManager> => [
  panelToHsb(modules),
  hsbToMeetings(modules),
  meetingsToHsb(modules),
  panelToLocality(modules),
  attendanceToLegal(modules),
];

export interface ProcessManagersOptions {
  readonly store: EventStore;
  /** The application's command handler (the one its services use). */
  readonly handler: CommandHandler;
  readonly modules: ProcessModules;
  readonly onOutcome?: (outcome: ReactionOutcome) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Aimline's process managers over a store: `start()` runs them live (from their durable
 * checkpoints), `stop()` stops them, `settled()` waits until they have handled what is
 * stored, `catchUp()` runs them once over what is stored (scripts, tests, the demo).
 */
export const processManagers = (options: ProcessManagersOptions): ProcessRunner =>
  processRunner({
    store: options.store,
    handler: options.handler,
    managers: aimlineProcessManagers(options.modules),
    ...(options.onOutcome === undefined ? {} : { onOutcome: options.onOutcome }),
    ...(options.onError === undefined ? {} : { onError: options.onError }),
  });
