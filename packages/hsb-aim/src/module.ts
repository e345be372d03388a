/** The kernel DomainModule of an HSB case: stream `hsb-case-{caseId}`. */
import { configuredModule, type DomainModule, type Rejection } from '@aimline/kernel';
import { englandAndWales } from '@aimline/calendar';
import { hsbCommands, type HsbCommand } from './commands.js';
import { hsbDeadlines } from './deadlines.js';
import { makeHsbDecider } from './decider.js';
import { hsbEvents, type HsbEvent } from './events.js';
import { defaultHsbPolicy } from './policy.js';
import type { HsbState } from './state.js';
import { hsbTimeline } from './timeline.js';

export type HsbCaseModule = DomainModule<HsbCommand, HsbEvent, HsbState, Rejection>;

/** `hsbCaseModule(policy?, calendar?)`: England and Wales' calendar unless another is given. */
export const hsbCaseModule = configuredModule('hsb-case', 'caseId', {
  defaults: [defaultHsbPolicy, englandAndWales],
  decider: makeHsbDecider,
  deadlines: hsbDeadlines,
  commands: hsbCommands,
  events: hsbEvents,
  timeline: hsbTimeline,
});

export const { prefix: HSB_STREAM_PREFIX, of: hsbCaseStream } = hsbCaseModule.streams;
