/**
 * The HSB guard catalogue: the guards several handlers share, each a function of the case giving
 * one `Check` that handlers list by name (`decideWhen([needsAllocation(s), guard(…)], …)`).
 */
import { firstFailure, guard, type Check } from '@aimline/kernel';
import type { AssessmentOutcome } from '../outcomes.js';
import { currentStay, type OpenCase } from '../state.js';

/** The case is on the criminal-justice route (HSB-6), alone or with the welfare route. */
export const criminalRoute = (s: OpenCase): boolean =>
  s.route?.route === 'criminal-justice' || s.route?.route === 'both';

/** HSB-5, HSB-7: the route and the Section 47 decision follow a strategy discussion. */
export const afterStrategyDiscussion = (s: OpenCase, decision: string): Check =>
  guard(
    'STATE',
    `${decision} after a strategy discussion`,
    'data.caseId',
    () => s.strategy.length === 0,
  );

/** HSB-10: assessment work waits for the allocation of assessors. */
export const needsAllocation = (s: OpenCase): Check =>
  guard(
    'STATE',
    'assessors are not yet allocated',
    'data.caseId',
    () => s.assessment.allocatedAt === undefined,
  );

/** The booked initial AIM meeting, tracked in its own stream, is `meetingId`. */
export const trackedMeeting =
  (s: OpenCase, meetingId: string): Check =>
  () =>
    firstFailure(
      guard('STATE', 'the initial AIM meeting was not booked', 'data.meetingId', () => {
        return s.assessment.meeting === undefined;
      }),
      guard('INPUT', 'not the booked meeting', 'data.meetingId', () => {
        return s.assessment.meeting?.meetingId !== meetingId;
      }),
      guard(
        'STATE',
        'the meeting was booked without its arrangements: it has no meeting stream',
        'data.meetingId',
        () => s.assessment.meeting?.tracked !== true,
      ),
    );

/**
 * HSB-12: once the case records where the child lives, a home visit or safety plan is for one of
 * those settings. A case that records no setting keeps one plan for the home (as before).
 */
export const knownSetting = (s: OpenCase, setting: string): Check =>
  guard(
    'HSB-12',
    `${setting} is not a setting where the child lives; record it first`,
    'data.setting',
    () => s.settings.length > 0 && currentStay(s.settings, setting) === undefined,
  );

/** Scores must be of the allocated model (HSB-8: the model that fits the child). */
export const outcomeFitsModel = (outcome: AssessmentOutcome, s: OpenCase, field: string): Check =>
  guard(
    'HSB-8',
    `the assessment uses the ${s.assessment.model ?? ''} model, not ${outcome.model}`,
    `${field}.model`,
    () => s.assessment.model !== undefined && outcome.model !== s.assessment.model,
  );

/**
 * Fields that go with one choice: the reason for no intervention with that route (HSB-5), scores
 * with the final supervision (HSB-17). The rule refuses the choice without its field; INPUT
 * refuses the field with another choice.
 */
const choiceFields = {
  noInterventionReason: {
    ruleId: 'HSB-5',
    needed: 'no AIM intervention needs its reason',
    elsewhere: 'a reason for no intervention only fits the no-AIM-intervention route',
  },
  scores: {
    ruleId: 'HSB-17',
    needed: 'the final supervision agrees scores and evidence',
    elsewhere: 'scores are agreed at the final supervision',
  },
} as const;

/** The guards of a field that goes with one choice (see `choiceFields`), in that order. */
export const goesWith = (
  name: keyof typeof choiceFields,
  chosen: boolean,
  given: boolean,
): ReadonlyArray<Check> => {
  const { ruleId, needed, elsewhere } = choiceFields[name];
  return [
    guard(ruleId, needed, `data.${name}`, () => chosen && !given),
    guard('INPUT', elsewhere, `data.${name}`, () => !chosen && given),
  ];
};
