/** The kernel DomainModule of an HSB case: stream `hsb-case-{caseId}`. */
import { domainModule, prefixedStream, type DomainModule, type Rejection } from '@aimline/kernel';
import { englandAndWales, type Calendar } from '@aimline/calendar';
import { hsbCommands, type HsbCommand } from './commands.js';
import { hsbDeadlines } from './deadlines.js';
import { makeHsbDecider } from './decider.js';
import { hsbEvents, type HsbEvent } from './events.js';
import { defaultHsbPolicy, type HsbPolicy } from './policy.js';
import type { HsbState } from './state.js';
import { hsbTimeline } from './timeline.js';

export const HSB_STREAM_PREFIX = 'hsb-case-';
export const hsbCaseStream = prefixedStream(HSB_STREAM_PREFIX);

export type HsbCaseModule = DomainModule<HsbCommand, HsbEvent, HsbState, Rejection>;

export const hsbCaseModule = (
  policy: HsbPolicy = defaultHsbPolicy,
  calendar: Calendar = englandAndWales,
): HsbCaseModule =>
  domainModule('hsb-case', 'caseId', {
    decider: makeHsbDecider(policy, calendar),
    commands: hsbCommands,
    events: hsbEvents,
    deadlines: (state) => hsbDeadlines(state, policy, calendar),
    timeline: hsbTimeline,
  });
