/**
 * Checks every phase of `decide` shares: the meeting exists, is not cancelled, is (not yet)
 * held; the command is for this meeting; no id is listed twice.
 */
import * as E from 'fp-ts/lib/Either.js';
import { reject, type Rejection } from '@aimline/kernel';
import type { MeetingCommand } from '../commands.js';
import type { MeetingEvent } from '../events.js';
import type { MeetingState, Schedule } from '../state.js';

export type Decision = E.Either<Rejection, ReadonlyArray<MeetingEvent>>;

export const accept = (...events: MeetingEvent[]): Decision => E.right(events);
export const nothing: Decision = E.right([]);

/** The command's `at`: the catalogue validated it as an ISO instant with an offset (T-1, T-7). */
export const atOf = (command: MeetingCommand): string => command.at;

/** The meeting is scheduled, not cancelled, and the command names this meeting. */
export const scheduled = (
  state: MeetingState,
  command: MeetingCommand,
): E.Either<Rejection, Schedule> => {
  if (state.phase === 'cancelled')
    return E.left(reject('STATE', `meeting ${state.meetingId ?? ''} is cancelled`));
  if (state.schedule === null)
    return E.left(reject('STATE', `meeting ${command.data.meetingId} is not scheduled`));
  if (command.data.meetingId !== state.meetingId)
    return E.left(
      reject('INPUT', `this stream holds meeting ${state.meetingId ?? ''}`, 'data.meetingId'),
    );
  return E.right(state.schedule);
};

/** As `scheduled`, and the attendance sheet is not yet recorded (the meeting is still ahead). */
export const beforeMeeting = (
  state: MeetingState,
  command: MeetingCommand,
): E.Either<Rejection, Schedule> =>
  E.chain((schedule: Schedule) =>
    state.attendance === null
      ? E.right(schedule)
      : E.left(reject('STATE', `meeting ${state.meetingId ?? ''} has already been held`)),
  )(scheduled(state, command));

/** As `scheduled`, and the meeting has been held (MTG-6). */
export const afterMeeting = (
  state: MeetingState,
  command: MeetingCommand,
): E.Either<Rejection, Schedule> =>
  E.chain((schedule: Schedule) =>
    state.attendance !== null
      ? E.right(schedule)
      : E.left(
          reject(
            'STATE',
            `meeting ${state.meetingId ?? ''} has not been held (no attendance recorded)`,
          ),
        ),
  )(scheduled(state, command));

/** The index of the first id that appears earlier in the list (or in `existing`), if any. */
export const firstDuplicate = (
  ids: ReadonlyArray<string>,
  existing: ReadonlyArray<string> = [],
): number | undefined => {
  const seen = new Set(existing);
  for (const [i, id] of ids.entries()) {
    if (seen.has(id)) return i;
    seen.add(id);
  }
  return undefined;
};
