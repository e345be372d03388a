import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { fold } from '@aimline/kernel';
import { makeAttendanceAimDecider, type AttendanceAimEvent } from '../src/index.js';
import {
  cmd,
  goodLetter,
  marks,
  mum,
  school,
  secondaryPupil,
  staff,
  targets,
  venue,
} from './fixtures.js';

const decider = makeAttendanceAimDecider();
const run = (
  events: AttendanceAimEvent[],
  command: ReturnType<typeof cmd>,
): AttendanceAimEvent[] => {
  const result = decider.decide(command, fold(decider)(events));
  if (E.isLeft(result)) throw new Error(`${result.left.ruleId}: ${result.left.reason}`);
  return [...events, ...result.right];
};

describe('the README scenario, end to end', () => {
  it('ATT-7: record attendance, hold the AIM, evaluate the review', () => {
    let h: AttendanceAimEvent[] = [];
    h = run(
      h,
      cmd(
        'OpenAttendanceCase',
        { pupil: secondaryPupil, school, parents: [mum] },
        '2024-09-02T08:00:00Z',
      ),
    );
    h = run(
      h,
      cmd(
        'AttachSupportEvidence',
        {
          documentRef: 'doc-steps',
          steps: [
            { description: 'Mentor check-in', startedOn: '2024-09-09', engagement: 'not-engaged' },
          ],
        },
        '2024-10-01T09:00:00Z',
      ),
    );
    h = run(
      h,
      cmd(
        'ScheduleAim',
        { meetingId: 'aim-1', start: '2024-10-15T09:00:00Z', venue },
        '2024-10-01T10:00:00Z',
      ),
    );
    h = run(
      h,
      cmd(
        'SendAimLetter',
        {
          meetingId: 'aim-1',
          parentId: 'parent-1',
          channel: 'post',
          documentRef: 'doc-letter',
          letter: goodLetter,
        },
        '2024-10-02T09:00:00Z',
      ),
    );
    h = run(
      h,
      cmd(
        'RecordAimAttendance',
        {
          meetingId: 'aim-1',
          attendees: [...staff, { role: 'pupil' }, { role: 'parent-carer', parentId: 'parent-1' }],
        },
        '2024-10-15T10:30:00Z',
      ),
    );
    h = run(
      h,
      cmd(
        'RecordAimOutcome',
        {
          meetingId: 'aim-1',
          whatWorked: ['Walking in with a friend'],
          strategies: [],
          nextSteps: [{ party: 'school', action: 'Book the review' }],
          targets,
        },
        '2024-10-15T10:45:00Z',
      ),
    );
    h = run(
      h,
      cmd(
        'ImportAttendance',
        {
          period: { from: '2024-10-16', to: '2024-11-11' },
          sessions: marks('2024-10-16', '2024-11-11', '/', { '2024-10-16|PM': 'O' }),
        },
        '2024-11-12T08:00:00Z',
      ),
    );
    h = run(
      h,
      cmd(
        'ReviewTargets',
        {
          reviewOf: 'aim-1',
          evaluations: [{ targetId: 't-3', met: true, note: 'Held every Monday' }],
        },
        '2024-11-12T16:00:00Z',
      ),
    );
    const last = h[h.length - 1];
    expect(last).toMatchObject({
      type: 'TargetsReviewed',
      data: {
        results: [
          { targetId: 't-1', outcome: 'not-met', measured: 1 },
          { targetId: 't-2', outcome: 'met' },
          { targetId: 't-3', outcome: 'met' },
        ],
      },
    });
  });
});
