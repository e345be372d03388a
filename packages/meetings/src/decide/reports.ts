/**
 * MTG-5: professionals' reports and the AIM report reach the chair before the meeting. A late
 * report is still recorded (the deadline shows it met late); after the meeting it is refused.
 */
import { accept, refuse } from '@aimline/kernel';
import { beforeMeeting, type Handler } from './handler.js';

export const submitReportToChair: Handler<'SubmitReportToChair'> = (command, m) => {
  const held = beforeMeeting(m);
  if (held) return refuse(held);
  return accept({
    type: 'ReportSubmittedToChair',
    data: {
      meetingId: command.data.meetingId,
      at: command.at,
      reportKind: command.data.reportKind,
      author: command.data.author,
    },
  });
};
