/**
 * What the assessors agreed (HSB-17, HSB-22, HSB-26). The library never computes a score the
 * licensed AIM manuals define: it records the practitioners' agreed levels or profile with
 * their evidence notes, so re-scoring over time can be graphed (`scoreHistory`).
 */
import * as t from 'io-ts';
import { FreeText, NonEmptyString } from './values.js';

export const Level = t.keyof({ low: null, medium: null, high: null });
export type Level = t.TypeOf<typeof Level>;

/** AIM2: practitioner-entered levels, no single computed score. */
export const Aim2Outcome = t.strict({
  model: t.literal('AIM2'),
  staticConcerns: Level,
  dynamicConcerns: Level,
  dynamicStrengths: Level,
  recommendedSupervision: Level,
  evidence: FreeText,
});

/** One AIM3 domain of the profile: what is known, the needs and the strengths. */
export const Aim3Domain = t.strict({ summary: FreeText, needs: FreeText, strengths: FreeText });

/** AIM3: a five-domain profile and a case formulation; deliberately no risk band (002). */
export const Aim3Outcome = t.strict({
  model: t.literal('AIM3'),
  domains: t.strict({
    sexualBehaviour: Aim3Domain,
    nonSexualBehaviour: Aim3Domain,
    developmental: Aim3Domain,
    family: Aim3Domain,
    environment: Aim3Domain,
  }),
  caseFormulation: FreeText,
  evidence: FreeText,
});

/** The under-12s model: the practitioners' summary and the level of supervision they agreed. */
export const Under12sOutcome = t.strict({
  model: t.literal('under-12s'),
  summary: FreeText,
  recommendedSupervision: Level,
  evidence: FreeText,
});

export const AssessmentOutcome = t.union([Aim2Outcome, Aim3Outcome, Under12sOutcome]);
export type AssessmentOutcome = t.TypeOf<typeof AssessmentOutcome>;

/**
 * The occasion a scoring was recorded at: the event that carried it (final supervision, initial
 * AIM meeting, review). Set by `evolve`, never decoded: a type, not a codec.
 */
export type ScoringOccasion = 'final-supervision' | 'initial-aim-meeting' | 'review';

/** A scoring as recorded in the case, with when and on what occasion. */
export interface ScoreRecord {
  readonly at: string;
  readonly occasion: ScoringOccasion;
  readonly outcome: AssessmentOutcome;
}

export const AgreedBy = t.array(NonEmptyString);
