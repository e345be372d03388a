/**
 * How a correction folds (issue 13 item 7): the corrected date of birth and school replace the
 * recorded ones in the state of the child it names, so every rule that reads them (HSB-6's age
 * at the behaviour, the under-12s model) uses the corrected value from then on. Names are not
 * in the state; reads show them corrected from the events, with their history.
 */
import type { EventData } from './events.js';
import type { ChildFacts, OpenCase } from './state.js';

const applyTo = (c: ChildFacts, d: EventData<'ChildDetailsCorrected'>): ChildFacts => ({
  ...c,
  ...(d.dateOfBirth === undefined ? {} : { dateOfBirth: d.dateOfBirth }),
  ...(d.school === undefined ? {} : { school: d.school }),
});

export const withCorrectedDetails = (
  s: OpenCase,
  d: EventData<'ChildDetailsCorrected'>,
): OpenCase =>
  d.childId === s.child.childId
    ? { ...s, child: applyTo(s.child, d) }
    : s.victim !== undefined && d.childId === s.victim.childId
      ? { ...s, victim: applyTo(s.victim, d) }
      : s;
