/** The kernel DomainModule of an HSB case: stream `hsb-case-{caseId}`. */
import type { DomainModule, Rejection } from '@aimline/kernel';
import { deadlinesAt, englandAndWales, type Calendar } from '@aimline/calendar';
import { hsbCommands, type HsbCommand } from './commands.js';
import { hsbDeadlines } from './deadlines.js';
import { makeHsbDecider } from './decider.js';
import { hsbEvents, type HsbEvent } from './events.js';
import { defaultHsbPolicy, type HsbPolicy } from './policy.js';
import type { HsbState } from './state.js';
import { hsbTimeline } from './timeline.js';

export const HSB_STREAM_PREFIX = 'hsb-case-';
export const hsbCaseStream = (caseId: string): string => `${HSB_STREAM_PREFIX}${caseId}`;

export type HsbCaseModule = DomainModule<HsbCommand, HsbEvent, HsbState, Rejection>;

export const hsbCaseModule = (
  policy: HsbPolicy = defaultHsbPolicy,
  calendar: Calendar = englandAndWales,
): HsbCaseModule => ({
  name: 'hsb-case',
  streamPrefix: HSB_STREAM_PREFIX,
  decider: makeHsbDecider(policy, calendar),
  commands: hsbCommands,
  events: hsbEvents,
  streamOf: (command) => hsbCaseStream(command.data.caseId),
  deadlines: (state, asOf) => deadlinesAt(hsbDeadlines(state, policy, calendar), asOf),
  timeline: hsbTimeline,
});
