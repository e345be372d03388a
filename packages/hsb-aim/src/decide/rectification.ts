/**
 * Rectification (UK GDPR Article 16; issue 13 item 7): a child's details recorded wrongly are
 * corrected by a new event, on an open or a closed case (the right to rectification outlives
 * the work). The correction names the child (the case's child or its victim), at least one
 * corrected field, and why.
 */
import { decideWhen, accept, check } from '@aimline/kernel';
import type { CommandOfType, Decision } from './handler.js';
import type { OpenCase } from '../state.js';

export const correctChildDetails = (
  command: CommandOfType<'CorrectChildDetails'>,
  s: OpenCase,
): Decision => {
  const d = command.data;
  return decideWhen(
    [
      () =>
        check(
          d.childId !== s.child.childId && d.childId !== s.victim?.childId,
          'RECT-1',
          `child ${d.childId} is neither the child nor the victim of this case`,
          'data.childId',
        ),
      () =>
        check(
          d.name === undefined && d.dateOfBirth === undefined && d.school === undefined,
          'RECT-2',
          'a correction gives at least one corrected field (name, dateOfBirth, school)',
          'data',
        ),
    ],
    () => accept({ type: 'ChildDetailsCorrected', data: { ...d, at: command.at } }),
  );
};
