/** Opening and closing a case; parents and carers (ATT-3, ATT-4). */
import type { CommandData } from '../commands.js';
import type { AttendanceAimState } from '../state.js';
import { accept, dayOf, event, refuse, withCase, type Decision } from './support.js';

export const openAttendanceCase = (
  d: CommandData<'OpenAttendanceCase'>,
  at: string,
  state: AttendanceAimState,
): Decision => {
  if (state.status !== 'none')
    return refuse('STATE', 'this attendance case is already open', 'data.caseId');
  if (d.pupil.dateOfBirth > dayOf(at))
    return refuse('INPUT', 'the date of birth is in the future', 'data.pupil.dateOfBirth');
  const seen = new Set<string>();
  for (const [i, p] of d.parents.entries()) {
    if (seen.has(p.parentId))
      return refuse('INPUT', `parent ${p.parentId} is listed twice`, `data.parents.${i}.parentId`);
    seen.add(p.parentId);
  }
  return accept(event('AttendanceCaseOpened', { ...d, at }));
};

export const addParentCarer = (
  d: CommandData<'AddParentCarer'>,
  at: string,
  state: AttendanceAimState,
): Decision =>
  withCase(state, (s) =>
    s.parents[d.parent.parentId] !== undefined
      ? refuse('INPUT', `parent ${d.parent.parentId} is already recorded`, 'data.parent.parentId')
      : accept(event('ParentCarerAdded', { ...d, at })),
  );

export const closeCase = (
  d: CommandData<'CloseCase'>,
  at: string,
  state: AttendanceAimState,
): Decision => withCase(state, () => accept(event('CaseClosed', { ...d, at })));
