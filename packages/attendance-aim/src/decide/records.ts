/** ATT-3: interactions with parents (date, time, mode), the voice of parent and pupil, documents. */
import { isAfter, localDate } from '@aimline/calendar';
import { decideWhen, accept, refuse, check } from '@aimline/kernel';
import type { Handler } from './handler.js';
import type { OpenCase } from '../state.js';

const speakerProblem = (
  s: OpenCase,
  speaker: { kind: 'pupil' } | { kind: 'parent'; parentId: string },
  field: string,
) =>
  speaker.kind === 'parent'
    ? check(
        s.parents[speaker.parentId] === undefined,
        'INPUT',
        `parent ${speaker.parentId} is not recorded on the case`,
        `${field}.parentId`,
      )
    : undefined;

export const recordInteraction: Handler<'RecordInteraction'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      () => speakerProblem(s, d.with, 'data.with'),
      () =>
        check(
          isAfter(d.occurredAt, at),
          'INPUT',
          'the interaction is in the future',
          'data.occurredAt',
        ),
      () =>
        check(
          d.response !== undefined && d.with.kind !== 'parent',
          'INPUT',
          'only a parent answers the AIM letter',
          'data.response',
        ),
      () =>
        check(
          d.response !== undefined && s.meetings[d.response.meetingId] === undefined,
          'INPUT',
          `meeting ${d.response?.meetingId ?? ''} is not scheduled`,
          'data.response.meetingId',
        ),
    ],
    () => accept({ type: 'InteractionRecorded', data: { ...d, at } }),
  );

export const captureVoice: Handler<'CaptureVoice'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      () => speakerProblem(s, d.speaker, 'data.speaker'),
      () =>
        check(
          d.capturedOn > localDate(at),
          'INPUT',
          'the quote is dated in the future',
          'data.capturedOn',
        ),
      () =>
        check(
          d.meetingId !== undefined && s.meetings[d.meetingId] === undefined,
          'INPUT',
          `meeting ${d.meetingId} is not scheduled`,
          'data.meetingId',
        ),
    ],
    () => accept({ type: 'VoiceCaptured', data: { ...d, at } }),
  );

export const fileDocument: Handler<'FileDocument'> = ({ data: d, at }, s) => {
  const meeting = d.meetingId === undefined ? undefined : s.meetings[d.meetingId];
  if (d.meetingId !== undefined && meeting === undefined)
    return refuse('INPUT', `meeting ${d.meetingId} is not scheduled`, 'data.meetingId');
  // ATT-3: the minutes of the meeting, if held.
  if (d.kind === 'minutes' && meeting?.status !== 'held')
    return refuse('ATT-3', 'minutes are kept for an AIM that was held', 'data.meetingId');
  return accept({ type: 'DocumentFiled', data: { ...d, at } });
};
