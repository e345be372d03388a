/** scoreHistory(state): the recorded scorings over time, for the graph HSB-26 asks for. Pure. */
import type { ScoreRecord } from './outcomes.js';
import { isCase, type HsbState } from './state.js';

export interface ScorePoint {
  readonly at: string;
  readonly occasion: ScoreRecord['occasion'];
  readonly model: ScoreRecord['outcome']['model'];
  /** AIM2 levels; absent for AIM3 (a profile, no band). */
  readonly staticConcerns?: 'low' | 'medium' | 'high';
  readonly dynamicConcerns?: 'low' | 'medium' | 'high';
  readonly dynamicStrengths?: 'low' | 'medium' | 'high';
  readonly recommendedSupervision?: 'low' | 'medium' | 'high';
  readonly outcome: ScoreRecord['outcome'];
}

export const scoreHistory = (state: HsbState): ReadonlyArray<ScorePoint> => {
  if (!isCase(state)) return [];
  return state.scores.map(({ at, occasion, outcome }) => {
    const base = { at, occasion, model: outcome.model, outcome };
    switch (outcome.model) {
      case 'AIM2':
        return {
          ...base,
          staticConcerns: outcome.staticConcerns,
          dynamicConcerns: outcome.dynamicConcerns,
          dynamicStrengths: outcome.dynamicStrengths,
          recommendedSupervision: outcome.recommendedSupervision,
        };
      case 'under-12s':
        return { ...base, recommendedSupervision: outcome.recommendedSupervision };
      case 'AIM3':
        return base;
    }
  });
};
