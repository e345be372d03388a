/** ATT-3: interactions with parents (date, time, mode), the voice of parent and pupil, documents. */
import { isAfter, localDate } from '@aimline/calendar';
import { decideWhen, accept, guard, type Check } from '@aimline/kernel';
import type { Handler } from './handler.js';
import type { OpenCase } from '../state.js';

/** A parent who speaks is recorded on the case. */
const knownSpeaker = (
  s: OpenCase,
  speaker: { kind: 'pupil' } | { kind: 'parent'; parentId: string },
  field: string,
): Check =>
  speaker.kind === 'parent'
    ? guard(
        'INPUT',
        `parent ${speaker.parentId} is not recorded on the case`,
        `${field}.parentId`,
        () => {
          return s.parents[speaker.parentId] === undefined;
        },
      )
    : () => undefined;

export const recordInteraction: Handler<'RecordInteraction'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      knownSpeaker(s, d.with, 'data.with'),
      guard('INPUT', 'the interaction is in the future', 'data.occurredAt', () =>
        isAfter(d.occurredAt, at),
      ),
      guard(
        'INPUT',
        'only a parent answers the AIM letter',
        'data.response',
        () => d.response !== undefined && d.with.kind !== 'parent',
      ),
      guard(
        'INPUT',
        `meeting ${d.response?.meetingId ?? ''} is not scheduled`,
        'data.response.meetingId',
        () => d.response !== undefined && s.meetings[d.response.meetingId] === undefined,
      ),
    ],
    () => accept({ type: 'InteractionRecorded', data: { ...d, at } }),
  );

export const captureVoice: Handler<'CaptureVoice'> = ({ data: d, at }, s) =>
  decideWhen(
    [
      knownSpeaker(s, d.speaker, 'data.speaker'),
      guard(
        'INPUT',
        'the quote is dated in the future',
        'data.capturedOn',
        () => d.capturedOn > localDate(at),
      ),
      guard(
        'INPUT',
        `meeting ${d.meetingId} is not scheduled`,
        'data.meetingId',
        () => d.meetingId !== undefined && s.meetings[d.meetingId] === undefined,
      ),
    ],
    () => accept({ type: 'VoiceCaptured', data: { ...d, at } }),
  );

export const fileDocument: Handler<'FileDocument'> = ({ data: d, at }, s) => {
  const meeting = d.meetingId === undefined ? undefined : s.meetings[d.meetingId];
  return decideWhen(
    [
      guard(
        'INPUT',
        `meeting ${d.meetingId} is not scheduled`,
        'data.meetingId',
        () => d.meetingId !== undefined && meeting === undefined,
      ),
      guard(
        'ATT-3',
        'minutes are kept for an AIM that was held',
        'data.meetingId',
        () => d.kind === 'minutes' && meeting?.status !== 'held',
      ),
    ],
    () => accept({ type: 'DocumentFiled', data: { ...d, at } }),
  );
};
