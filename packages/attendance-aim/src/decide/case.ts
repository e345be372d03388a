/** Opening and closing a case; parents and carers (ATT-3, ATT-4). */
import { localDate } from '@aimline/calendar';
import { accept, decideWhen, guard, noneTwice, type CommandOfType } from '@aimline/kernel';
import type { Decision, Handler } from './handler.js';
import type { AttendanceAimCommand } from '../commands.js';
import type { AttendanceAimState } from '../state.js';

export const openAttendanceCase = (
  { data: d, at }: CommandOfType<AttendanceAimCommand, 'OpenAttendanceCase'>,
  state: AttendanceAimState,
): Decision => {
  return decideWhen(
    [
      guard('STATE', 'this attendance case is already open', 'data.caseId', () => {
        return state.status !== 'none';
      }),
      guard('INPUT', 'the date of birth is in the future', 'data.pupil.dateOfBirth', () => {
        return d.pupil.dateOfBirth > localDate(at);
      }),
      noneTwice(
        d.parents,
        (p) => p.parentId,
        (p, i, twice) => [
          guard(
            'INPUT',
            `parent ${p.parentId} is listed twice`,
            `data.parents.${i}.parentId`,
            () => {
              return twice;
            },
          ),
        ],
      ),
    ],
    () => accept({ type: 'AttendanceCaseOpened', data: { ...d, at } }),
  );
};

export const addParentCarer: Handler<'AddParentCarer'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      guard(
        'INPUT',
        `parent ${d.parent.parentId} is already recorded`,
        'data.parent.parentId',
        () => {
          return s.parents[d.parent.parentId] !== undefined;
        },
      ),
    ],
    () => accept({ type: 'ParentCarerAdded', data: { ...d, at } }),
  );

export const closeCase: Handler<'CloseCase'> = ({ data: d, at }) =>
  accept({ type: 'CaseClosed', data: { ...d, at } });
