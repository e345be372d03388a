/**
 * An age band of a policy: ages in whole years (as `ageOn` gives them), from `from` to `to`
 * inclusive, e.g. `{ from: 8, to: 18 }`. The one shape every domain's policy writes an age range
 * in (HSB-8's model ages, PNL-3's age range, NAT-9's Brook bands). A band written backwards
 * (`from` above `to`) is refused, naming `to` (`orderedRange`).
 */
import * as t from 'io-ts';
import { orderedRange } from './ordered-range.js';

const WholeYears = t.refinement(t.number, (n) => Number.isInteger(n) && n >= 0, 'WholeYears');

export const AgeBandCodec = orderedRange(
  t.type({ from: WholeYears, to: WholeYears }),
  'from',
  'to',
  'AgeBand',
);
export type AgeBand = t.TypeOf<typeof AgeBandCodec>;

/** Whether an age in whole years lies in the band (both ends included). */
export const isAgeInBand = (band: AgeBand, age: number): boolean =>
  age >= band.from && age <= band.to;
