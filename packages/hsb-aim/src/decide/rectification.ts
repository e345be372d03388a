/**
 * Rectification (UK GDPR Article 16; issue 13 item 7): a child's details recorded wrongly are
 * corrected by a new event, on an open or a closed case (the right to rectification outlives
 * the work). The correction names the child (the case's child or its victim), at least one
 * corrected field, and why.
 */
import { decideWhen, accept, guard } from '@aimline/kernel';
import type { Handler } from './handler.js';

export const correctChildDetails: Handler<'CorrectChildDetails'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      guard(
        'RECT-1',
        `child ${d.childId} is neither the child nor the victim of this case`,
        'data.childId',
        () => d.childId !== s.child.childId && d.childId !== s.victim?.childId,
      ),
      guard(
        'RECT-2',
        'a correction gives at least one corrected field (name, dateOfBirth, school)',
        'data',
        () => d.name === undefined && d.dateOfBirth === undefined && d.school === undefined,
      ),
    ],
    () => accept({ type: 'ChildDetailsCorrected', data: { ...d, at } }),
  );
