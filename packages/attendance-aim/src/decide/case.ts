/** Opening and closing a case; parents and carers (ATT-3, ATT-4). */
import { localDate } from '@aimline/calendar';
import { accept, refuse, firstDuplicate, type CommandOfType } from '@aimline/kernel';
import type { Decision, Handler } from './handler.js';
import type { AttendanceAimCommand } from '../commands.js';
import type { AttendanceAimState } from '../state.js';

export const openAttendanceCase = (
  { data: d, at }: CommandOfType<AttendanceAimCommand, 'OpenAttendanceCase'>,
  state: AttendanceAimState,
): Decision => {
  if (state.status !== 'none')
    return refuse('STATE', 'this attendance case is already open', 'data.caseId');
  if (d.pupil.dateOfBirth > localDate(at))
    return refuse('INPUT', 'the date of birth is in the future', 'data.pupil.dateOfBirth');
  const dup = firstDuplicate(d.parents, (p) => p.parentId);
  if (dup !== undefined)
    return refuse(
      'INPUT',
      `parent ${d.parents[dup]?.parentId ?? ''} is listed twice`,
      `data.parents.${dup}.parentId`,
    );
  return accept({ type: 'AttendanceCaseOpened', data: { ...d, at } });
};

export const addParentCarer: Handler<'AddParentCarer'> = ({ data: d, at }, s) =>
  s.parents[d.parent.parentId] !== undefined
    ? refuse('INPUT', `parent ${d.parent.parentId} is already recorded`, 'data.parent.parentId')
    : accept({ type: 'ParentCarerAdded', data: { ...d, at } });

export const closeCase: Handler<'CloseCase'> = ({ data: d, at }) =>
  accept({ type: 'CaseClosed', data: { ...d, at } });
