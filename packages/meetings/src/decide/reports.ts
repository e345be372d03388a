/**
 * MTG-5: professionals' reports and the AIM report reach the chair before the meeting. A late
 * report is still recorded (the deadline shows it met late); after the meeting it is refused.
 */
import { accept, decideWhen } from '@aimline/kernel';
import { beforeMeeting, type Handler } from './handler.js';

export const submitReportToChair: Handler<'SubmitReportToChair'> = ({ data: d, at }, m) =>
  decideWhen([beforeMeeting(m)], () =>
    accept({
      type: 'ReportSubmittedToChair',
      data: { meetingId: d.meetingId, at, reportKind: d.reportKind, author: d.author },
    }),
  );
