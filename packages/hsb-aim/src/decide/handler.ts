/** The kernel's decide toolkit, specialised to the HSB case: its context, commands and handlers. */
import type { Calendar } from '@aimline/calendar';
import type {
  CommandOfType as CommandOfUnion,
  Decision as KernelDecision,
  Handlers,
} from '@aimline/kernel';
import type { HsbCommand, HsbCommandType } from '../commands.js';
import type { HsbEvent } from '../events.js';
import type { HsbPolicy } from '../policy.js';
import type { OpenCase } from '../state.js';

export type Decision = KernelDecision<HsbEvent>;
export type CommandOfType<K extends HsbCommandType> = CommandOfUnion<HsbCommand, K>;

export interface Context {
  readonly policy: HsbPolicy;
  readonly calendar: Calendar;
}

/** Every command but ReportConcern acts on an existing, open case. */
export type CaseCommand = Exclude<HsbCommand, { readonly type: 'ReportConcern' }>;

/** A handler for one command type on an existing, open case. */
export type Handler<K extends CaseCommand['type']> = CaseHandlers[K];
type CaseHandlers = Handlers<CaseCommand, OpenCase, Context, HsbEvent>;
