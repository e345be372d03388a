/**
 * MTG-5: professionals' reports and the AIM report reach the chair before the meeting. A late
 * report is still recorded (the deadline shows it met late); after the meeting it is refused.
 */
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { MeetingCommandOf } from '../commands.js';
import type { MeetingState } from '../state.js';
import { accept, atOf, beforeMeeting, type Decision } from './guards.js';

export const submitReportToChair = (
  command: MeetingCommandOf<'SubmitReportToChair'>,
  state: MeetingState,
): Decision =>
  pipe(
    beforeMeeting(state, command),
    E.chain(() =>
      accept({
        type: 'ReportSubmittedToChair',
        data: {
          meetingId: command.data.meetingId,
          at: atOf(command),
          reportKind: command.data.reportKind,
          author: command.data.author,
        },
      }),
    ),
  );
