/** Invented content of HSB cases: concerns, charges, safety plans, assessment scores, intervention plans. */
import {
  type AssessmentModel,
  type AssessmentOutcome,
  type CommandData,
  type Level,
  type PlanHeadingName,
  planHeadings,
} from '@aimline/hsb-aim';
import type { Rng } from '../rng.js';

export const SUMMARIES = [
  'A younger pupil told a teaching assistant about unwanted touching during break time.',
  'A parent reported sexualised messages sent to a younger child on a gaming platform.',
  'A sibling disclosed to a foster carer repeated touching at bedtime.',
  'Staff at an after-school club observed sexualised behaviour towards a younger child.',
  'A child told a school nurse about being made to watch explicit videos by an older child.',
  'A neighbour reported an older child exposing himself to younger children in the park.',
] as const;

export const OFFENCES = [
  'Sexual assault of a child under 13 (invented demo charge).',
  'Causing a child to watch a sexual act (invented demo charge).',
  'Sexual activity with a child (invented demo charge).',
] as const;

export const safetyPlan = {
  supervisionLevel: 'Line-of-sight supervision whenever younger children are present.',
  livingEnvironment: 'No unsupervised internet access; devices kept downstairs overnight.',
  sleepingArrangements: 'Own bedroom; younger siblings do not share a room.',
  privacyRules:
    'Knock before entering bedrooms and the bathroom; one person in the bathroom at a time.',
  stateOfDress: 'Everyone fully dressed in shared rooms.',
  playFighting: 'No play fighting or tickling games.',
};

const levels: ReadonlyArray<Level> = ['low', 'medium', 'high'];

const lvl = (i: number): Level => levels[Math.max(0, Math.min(2, i))] ?? 'medium';

/** Scores that improve over time: `step` 0 is the initial scoring, then each review. */
export const outcome = (
  model: AssessmentModel,
  start: number,
  step: number,
  rng: Rng,
): AssessmentOutcome => {
  const concern = Math.max(0, start - Math.floor((step + rng.int(0, 1)) / 2));
  switch (model) {
    case 'AIM2':
      return {
        model: 'AIM2',
        staticConcerns: lvl(start),
        dynamicConcerns: lvl(concern),
        dynamicStrengths: lvl(Math.min(2, step === 0 ? 0 : 1 + Math.floor(step / 2))),
        recommendedSupervision: lvl(concern),
        evidence: `Practitioners' evidence notes, scoring ${step === 0 ? 'at assessment' : `at review ${step}`} (synthetic).`,
      };
    case 'under-12s':
      return {
        model: 'under-12s',
        summary:
          'Behaviour understood in the context of the home; carers engaging with the plan (synthetic).',
        recommendedSupervision: lvl(concern),
        evidence: `Practitioners' evidence notes (synthetic), occasion ${step}.`,
      };
    case 'AIM3': {
      const domain = (what: string) => ({
        summary: `${what}: what is known (synthetic).`,
        needs: `${what}: needs identified (synthetic).`,
        strengths: `${what}: strengths identified (synthetic).`,
      });
      return {
        model: 'AIM3',
        domains: {
          sexualBehaviour: domain('Sexual behaviour'),
          nonSexualBehaviour: domain('Non-sexual behaviour'),
          developmental: domain('Developmental'),
          family: domain('Family'),
          environment: domain('Environment'),
        },
        caseFormulation: `Case formulation agreed by the assessors (synthetic), occasion ${step}.`,
        evidence: 'Evidence notes (synthetic).',
      };
    }
  }
};

type InterventionPlan = CommandData<'HoldInitialAimMeeting'>['plan'];

type PlanHeading = NonNullable<InterventionPlan[PlanHeadingName]>;

/** HSB-22: every heading addressed, or marked not applicable with a reason. */
export const interventionPlan = (young: boolean, rng: Rng): InterventionPlan => {
  const plan: Partial<Record<PlanHeadingName, PlanHeading>> = {};
  for (const h of planHeadings)
    plan[h] =
      h === 'barredListConsideration' && young
        ? { status: 'not-applicable', reason: 'Not in employment or volunteering (a child).' }
        : h === 'victimIssues' && rng.chance(0.2)
          ? {
              status: 'not-applicable',
              reason: 'Victim support is planned in the victim’s own case.',
            }
          : { status: 'addressed', text: `Agreed actions for ${h} (synthetic).` };
  return plan;
};
