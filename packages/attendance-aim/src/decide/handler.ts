/** The kernel's decide toolkit, specialised to the attendance AIM case: its commands and handlers. */
import type { Decision as KernelDecision, Handlers } from '@aimline/kernel';
import type { AttendanceAimCommand } from '../commands.js';
import type { AttendanceAimEvent } from '../events.js';
import type { AttendancePolicy } from '../policy.js';
import type { OpenCase } from '../state.js';

export type Decision = KernelDecision<AttendanceAimEvent>;

/** Every command but OpenAttendanceCase acts on an open case. */
export type CaseCommand = Exclude<AttendanceAimCommand, { readonly type: 'OpenAttendanceCase' }>;

/** A handler for one command type on an open case, under the council's attendance policy. */
export type Handler<K extends CaseCommand['type']> = CaseHandlers[K];
type CaseHandlers = Handlers<CaseCommand, OpenCase, AttendancePolicy, AttendanceAimEvent>;
