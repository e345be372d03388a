/** The kernel DomainModule of an HSB case: stream `hsb-case-{caseId}`. */
import type { Calendar } from '@aimline/calendar';
import { configuredModule, type Decider, type DomainModule, type Rejection } from '@aimline/kernel';
import type { HsbCommand } from './commands.js';
import type { HsbEvent } from './events.js';
import * as hsbParts from './module-parts.js';
import type { HsbPolicy } from './policy.js';
import type { HsbState } from './state.js';

export type HsbCaseModule = DomainModule<HsbCommand, HsbEvent, HsbState, Rejection>;
export type HsbDecider = Decider<HsbCommand, HsbEvent, HsbState, Rejection>;

/** `hsbCaseModule(policy?, calendar?)`: England and Wales' calendar unless another is given. */
export const hsbCaseModule = configuredModule('hsb-case', 'caseId', hsbParts);

/**
 * The decider for one council's policy and calendar (the calendar is needed where a guard
 * counts working days, NAT-3). `decide` validates the command first: bad data is an `INPUT`
 * rejection naming the field, never an exception. A closed case can still be changed by a
 * documented reopening.
 */
export const makeHsbDecider: (policy?: HsbPolicy, calendar?: Calendar) => HsbDecider =
  hsbCaseModule.decider;

export const { prefix: HSB_STREAM_PREFIX, of: hsbCaseStream } = hsbCaseModule.streams;
