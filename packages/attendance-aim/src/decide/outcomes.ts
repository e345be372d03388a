/** Outcomes and review (ATT-6, ATT-7). */
import { addDays, datesBetween, isDateWithin, isWeekend, localDate } from '@aimline/calendar';
import { accept, refuse } from '@aimline/kernel';
import * as E from 'fp-ts/lib/Either.js';
import { aimMeetingIn } from './aim-meeting.js';
import type { Handler } from './handler.js';
import { summariseAttendance } from '../attendance.js';
import type { TargetResult } from '../events.js';
import { marksOf } from '../state.js';
import { evaluateMeasure, measureProblem } from '../targets.js';
import type { Party } from '../values.js';

/** ATT-6: every party has a target: the pupil, the parents and the school. */
const partiesNeedingTargets: ReadonlyArray<Party> = ['pupil', 'parents', 'school'];

export const recordAimOutcome: Handler<'RecordAimOutcome'> = ({ data: d, at }, s, policy) => {
  const found = aimMeetingIn(s, d.meetingId, 'held', 'was not held');
  if (E.isLeft(found)) return found;
  const meeting = found.right;
  if (meeting.outcome !== undefined)
    return refuse(
      'STATE',
      `the outcome of meeting ${d.meetingId} is already recorded`,
      'data.meetingId',
    );
  if (d.whatWorked.length === 0)
    return refuse(
      'ATT-6',
      'note what has worked well or had a positive influence',
      'data.whatWorked',
    );
  if (d.nextSteps.length === 0)
    return refuse(
      'ATT-6',
      'the documentation evidences the next steps for all parties',
      'data.nextSteps',
    );
  for (const party of partiesNeedingTargets)
    if (!d.targets.some((x) => x.party === party))
      return refuse('ATT-6', `no target is set for the ${party}`, 'data.targets');
  const ids = new Set<string>();
  for (const [i, target] of d.targets.entries()) {
    if (ids.has(target.targetId))
      return refuse(
        'INPUT',
        `target ${target.targetId} is listed twice`,
        `data.targets.${i}.targetId`,
      );
    ids.add(target.targetId);
    const problem = target.measure === undefined ? undefined : measureProblem(target.measure);
    if (problem !== undefined)
      return refuse(
        'ATT-6',
        `target ${target.targetId}: ${problem}`,
        `data.targets.${i}.measure.value`,
      );
  }
  // ATT-7: the review falls the policy's weeks after the AIM.
  const reviewDueOn = addDays(localDate(meeting.start), 7 * policy.reviewAfterWeeks);
  return accept({ type: 'AimOutcomeRecorded', data: { ...d, reviewDueOn, at } });
};

export const reviewTargets: Handler<'ReviewTargets'> = ({ data: d, at }, s, policy) => {
  const meeting = s.meetings[d.reviewOf];
  if (meeting?.outcome === undefined)
    return refuse('STATE', `meeting ${d.reviewOf} has no recorded targets`, 'data.reviewOf');
  if (meeting.reviewedAt !== undefined)
    return refuse(
      'STATE',
      `the targets of meeting ${d.reviewOf} are already reviewed`,
      'data.reviewOf',
    );
  let reviewDay = localDate(at);
  if (d.atMeetingId !== undefined) {
    const review = s.meetings[d.atMeetingId];
    if (review === undefined || review.status !== 'held' || d.atMeetingId === d.reviewOf)
      return refuse(
        'STATE',
        `meeting ${d.atMeetingId} is not a later AIM that was held`,
        'data.atMeetingId',
      );
    reviewDay = localDate(review.start);
  }
  // ATT-7: the period between the AIM and the review (the days strictly between them).
  const period = { from: addDays(localDate(meeting.start), 1), to: addDays(reviewDay, -1) };
  if (period.to < period.from)
    return refuse(
      'ATT-7',
      'there is no attendance period between the AIM and its review',
      'data.reviewOf',
    );
  const uncovered = datesBetween(period.from, period.to).find(
    (day) => !isWeekend(day) && !s.importedPeriods.some((p) => isDateWithin(day, p.from, p.to)),
  );
  if (uncovered !== undefined)
    return refuse(
      'ATT-7',
      `attendance is not imported for ${uncovered}; import the review period first`,
      'data.reviewOf',
    );

  const summary = summariseAttendance(marksOf(s), period, policy);
  const byId = new Map(meeting.outcome.targets.map((x) => [x.targetId, x]));
  for (const [i, e] of d.evaluations.entries()) {
    const target = byId.get(e.targetId);
    if (target === undefined)
      return refuse(
        'INPUT',
        `target ${e.targetId} is not a target of meeting ${d.reviewOf}`,
        `data.evaluations.${i}.targetId`,
      );
    if (target.measure !== undefined)
      return refuse(
        'ATT-7',
        `target ${e.targetId} is evaluated from the attendance recorded`,
        `data.evaluations.${i}.targetId`,
      );
  }
  const results: TargetResult[] = [];
  for (const target of meeting.outcome.targets) {
    if (target.measure !== undefined) {
      const r = evaluateMeasure(target.measure, summary);
      results.push({
        targetId: target.targetId,
        party: target.party,
        outcome: r.met ? 'met' : 'not-met',
        evaluatedBy: 'attendance',
        ...(r.measured === undefined ? {} : { measured: r.measured }),
      });
      continue;
    }
    const e = d.evaluations.find((x) => x.targetId === target.targetId);
    if (e === undefined)
      return refuse(
        'ATT-7',
        `target ${target.targetId} (${target.party}) needs the reviewer's evaluation`,
        'data.evaluations',
      );
    results.push({
      targetId: target.targetId,
      party: target.party,
      outcome: e.met ? 'met' : 'not-met',
      evaluatedBy: 'reviewer',
      note: e.note,
    });
  }
  return accept({
    type: 'TargetsReviewed',
    data: {
      caseId: d.caseId,
      reviewOf: d.reviewOf,
      ...(d.atMeetingId === undefined ? {} : { atMeetingId: d.atMeetingId }),
      period,
      attendance: {
        possibleSessions: summary.possibleSessions,
        absenceSessions: summary.authorisedAbsence + summary.unauthorisedAbsence,
        unauthorisedSessions: summary.unauthorisedAbsence,
        attendanceRate: summary.attendanceRate ?? null,
      },
      results,
      at,
    },
  });
};
