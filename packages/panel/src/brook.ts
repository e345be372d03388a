/**
 * NAT-9: the Brook traffic light tool's age bands (0-5, 5-9, 9-13, 13-17, the last guiding work
 * up to 25). Ages are whole years; a band covers `from` to `to` inclusive, so the bands overlap
 * at 5, 9 and 13. At such an edge age the policy's `edgeAgeBand` picks the default ('older' by
 * default: a child who has turned 9 is banded 9-13); a decision may name the other band that
 * contains the age (a practitioner's judgement of development), and records the band used.
 */
import { isAgeInBand } from '@aimline/calendar';
import type { BrookBand, PanelPolicy } from './policy.js';

/** The bands containing an age (one, or two at an edge), youngest first. */
export const bandsForAge = (policy: PanelPolicy, age: number): BrookBand[] =>
  policy.brookBands.filter((b) => isAgeInBand(b, age));

/** The default band for an age, or undefined when no band covers it. */
export const defaultBandForAge = (policy: PanelPolicy, age: number): BrookBand | undefined => {
  const bands = bandsForAge(policy, age);
  return policy.edgeAgeBand === 'older' ? bands[bands.length - 1] : bands[0];
};
