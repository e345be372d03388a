/** ATT-3: interactions with parents (date, time, mode), the voice of parent and pupil, documents. */
import * as E from 'fp-ts/lib/Either.js';
import type { CommandData } from '../commands.js';
import type { AttendanceAimState, OpenCase } from '../state.js';
import {
  accept,
  dayOf,
  event,
  fail,
  firstFailure,
  refuse,
  withCase,
  type Decision,
} from './support.js';

const speakerProblem = (
  s: OpenCase,
  speaker: { kind: 'pupil' } | { kind: 'parent'; parentId: string },
  field: string,
) =>
  speaker.kind === 'parent' && s.parents[speaker.parentId] === undefined
    ? fail('INPUT', `parent ${speaker.parentId} is not recorded on the case`, `${field}.parentId`)
    : undefined;

export const recordInteraction = (
  d: CommandData<'RecordInteraction'>,
  at: string,
  state: AttendanceAimState,
): Decision =>
  withCase(state, (s) => {
    const problem = firstFailure(
      () => speakerProblem(s, d.with, 'data.with'),
      () =>
        Date.parse(d.occurredAt) > Date.parse(at)
          ? fail('INPUT', 'the interaction is in the future', 'data.occurredAt')
          : undefined,
      () =>
        d.response !== undefined && d.with.kind !== 'parent'
          ? fail('INPUT', 'only a parent answers the AIM letter', 'data.response')
          : undefined,
      () =>
        d.response !== undefined && s.meetings[d.response.meetingId] === undefined
          ? fail(
              'INPUT',
              `meeting ${d.response.meetingId} is not scheduled`,
              'data.response.meetingId',
            )
          : undefined,
    );
    return problem === undefined
      ? accept(event('InteractionRecorded', { ...d, at }))
      : E.left(problem);
  });

export const captureVoice = (
  d: CommandData<'CaptureVoice'>,
  at: string,
  state: AttendanceAimState,
): Decision =>
  withCase(state, (s) => {
    const problem = firstFailure(
      () => speakerProblem(s, d.speaker, 'data.speaker'),
      () =>
        d.capturedOn > dayOf(at)
          ? fail('INPUT', 'the quote is dated in the future', 'data.capturedOn')
          : undefined,
      () =>
        d.meetingId !== undefined && s.meetings[d.meetingId] === undefined
          ? fail('INPUT', `meeting ${d.meetingId} is not scheduled`, 'data.meetingId')
          : undefined,
    );
    return problem === undefined ? accept(event('VoiceCaptured', { ...d, at })) : E.left(problem);
  });

export const fileDocument = (
  d: CommandData<'FileDocument'>,
  at: string,
  state: AttendanceAimState,
): Decision =>
  withCase(state, (s) => {
    const meeting = d.meetingId === undefined ? undefined : s.meetings[d.meetingId];
    if (d.meetingId !== undefined && meeting === undefined)
      return refuse('INPUT', `meeting ${d.meetingId} is not scheduled`, 'data.meetingId');
    // ATT-3: the minutes of the meeting, if held.
    if (d.kind === 'minutes' && meeting?.status !== 'held')
      return refuse('ATT-3', 'minutes are kept for an AIM that was held', 'data.meetingId');
    return accept(event('DocumentFiled', { ...d, at }));
  });
