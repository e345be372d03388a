import type { Scorecard } from '@aimline/panel';
import { table } from '../output.js';
import { londonDay, londonTime } from './human-time.js';
import type { AttendanceOverview } from './attendance-views.js';

const counts = (title: string, r: Readonly<Record<string, number>>): string =>
  `${title}: ${
    Object.entries(r)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ') || 'none'
  }`;

/** PNL-11 scorecard as text. */
export const scorecardText = (s: Scorecard): string =>
  [
    `Scorecard ${s.quarter} (PNL-11)`,
    `referrals: ${s.referrals} (repeat: ${s.repeatReferrals})`,
    counts('by age band', s.byAgeBand),
    counts('by gender', s.byGender),
    counts('by behaviour type', s.byBehaviourType),
    counts('by rating', s.byRating),
    counts('by route', s.byRoute),
    `escalations: ${s.escalations}, de-escalations: ${s.deEscalations}`,
    `papers on time: ${s.papers.onTime}, late: ${s.papers.late}`,
    `minutes on time: ${s.minutes.onTime}, late: ${s.minutes.late}`,
  ].join('\n');

export const attendanceText = (o: AttendanceOverview): string =>
  [
    `Attendance AIM cases as of ${londonTime(o.asOf)}`,
    counts('by stage', o.byStage),
    '',
    `Reviews due (ATT-7): ${o.reviewsDue.length}`,
    table(
      ['case', 'meeting', 'due on', 'overdue'],
      o.reviewsDue.map((r) => [r.caseId, r.meetingId, londonDay(r.dueOn), r.overdue ? 'yes' : '']),
    ),
    '',
    `Penalty-notice threshold met (NAT-6): ${o.penaltyThresholdMet.length}`,
    table(
      ['case', 'unauthorised sessions', 'school weeks'],
      o.penaltyThresholdMet.map((r) => [r.caseId, r.unauthorisedSessions, r.weeks]),
    ),
    '',
    `Near or past the end of compulsory school age (NAT-8): ${o.nearEndOfCompulsorySchoolAge.length}`,
    table(
      ['case', 'ends', 'note'],
      o.nearEndOfCompulsorySchoolAge.map((r) => [
        r.caseId,
        r.ends === '' ? '' : londonDay(r.ends),
        r.message,
      ]),
    ),
  ].join('\n');
