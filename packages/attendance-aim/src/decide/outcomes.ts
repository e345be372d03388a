/** Outcomes and review (ATT-6, ATT-7). */
import { addDays, datesBetween, isDateWithin, isWeekend, localDate } from '@aimline/calendar';
import { accept, decideWhen, decideWith, eachItem, found, guard, noneTwice } from '@aimline/kernel';
import { aimIn } from './aim-meeting.js';
import type { Handler } from './handler.js';
import { summariseAttendance } from '../attendance.js';
import type { TargetResult } from '../events.js';
import { marksOf } from '../state.js';
import { evaluateMeasure, measureProblem } from '../targets.js';
import type { Party } from '../values.js';

/** ATT-6: what the outcome notes, each with the reason when it notes nothing. */
const outcomeNotes = [
  ['whatWorked', 'note what has worked well or had a positive influence'],
  ['nextSteps', 'the documentation evidences the next steps for all parties'],
] as const;

/** ATT-6: every party has a target: the pupil, the parents and the school. */
const partiesNeedingTargets: ReadonlyArray<Party> = ['pupil', 'parents', 'school'];

export const recordAimOutcome: Handler<'RecordAimOutcome'> = ({ data: d, at }, s, policy) => {
  return decideWith(aimIn(s, d.meetingId, 'held', 'was not held'), (meeting) =>
    decideWhen(
      [
        guard(
          'STATE',
          `the outcome of meeting ${d.meetingId} is already recorded`,
          'data.meetingId',
          () => meeting.outcome !== undefined,
        ),
        ...outcomeNotes.map(([field, missing]) =>
          guard('ATT-6', missing, `data.${field}`, () => d[field].length === 0),
        ),
        eachItem(partiesNeedingTargets, (party) => [
          guard('ATT-6', `no target is set for the ${party}`, 'data.targets', () => {
            return !d.targets.some((x) => x.party === party);
          }),
        ]),
        noneTwice(
          d.targets,
          (target) => target.targetId,
          (target, i, twice) => {
            const problem =
              target.measure === undefined ? undefined : measureProblem(target.measure);
            return [
              guard(
                'INPUT',
                `target ${target.targetId} is listed twice`,
                `data.targets.${i}.targetId`,
                () => twice,
              ),
              guard(
                'ATT-6',
                `target ${target.targetId}: ${problem ?? ''}`,
                `data.targets.${i}.measure.value`,
                () => problem !== undefined,
              ),
            ];
          },
        ),
      ],
      () => {
        // ATT-7: the review falls the policy's weeks after the AIM.
        const reviewDueOn = addDays(localDate(meeting.start), 7 * policy.reviewAfterWeeks);
        return accept({ type: 'AimOutcomeRecorded', data: { ...d, reviewDueOn, at } });
      },
    ),
  );
};

export const reviewTargets: Handler<'ReviewTargets'> = ({ data: d, at }, s, policy) => {
  const reviewed = s.meetings[d.reviewOf];
  const review = d.atMeetingId === undefined ? undefined : s.meetings[d.atMeetingId];
  return decideWith(
    found(
      reviewed?.outcome === undefined ? undefined : reviewed,
      'STATE',
      `meeting ${d.reviewOf} has no recorded targets`,
      'data.reviewOf',
    ),
    (meeting) =>
      decideWhen(
        [
          guard(
            'STATE',
            `the targets of meeting ${d.reviewOf} are already reviewed`,
            'data.reviewOf',
            () => meeting.reviewedAt !== undefined,
          ),
          guard(
            'STATE',
            `meeting ${d.atMeetingId ?? ''} is not a later AIM that was held`,
            'data.atMeetingId',
            () =>
              d.atMeetingId !== undefined &&
              (review?.status !== 'held' || d.atMeetingId === d.reviewOf),
          ),
        ],
        // ATT-7: the review over the days strictly between the AIM and the review: at the later AIM
        // named, otherwise on the day it is recorded.
        () => {
          const targets = meeting.outcome?.targets ?? [];
          const reviewDay = localDate(review === undefined ? at : review.start);
          const period = { from: addDays(localDate(meeting.start), 1), to: addDays(reviewDay, -1) };
          const uncovered =
            period.to < period.from
              ? undefined
              : datesBetween(period.from, period.to).find(
                  (day) =>
                    !isWeekend(day) &&
                    !s.importedPeriods.some((p) => isDateWithin(day, p.from, p.to)),
                );
          const byId = new Map(targets.map((x) => [x.targetId, x]));
          const evaluationOf = (targetId: string) =>
            d.evaluations.find((e) => e.targetId === targetId);
          return decideWhen(
            [
              guard(
                'ATT-7',
                'there is no attendance period between the AIM and its review',
                'data.reviewOf',
                () => period.to < period.from,
              ),
              guard(
                'ATT-7',
                `attendance is not imported for ${uncovered ?? ''}; import the review period first`,
                'data.reviewOf',
                () => uncovered !== undefined,
              ),
              eachItem(d.evaluations, (e, i) => [
                guard(
                  'INPUT',
                  `target ${e.targetId} is not a target of meeting ${d.reviewOf}`,
                  `data.evaluations.${i}.targetId`,
                  () => !byId.has(e.targetId),
                ),
                guard(
                  'ATT-7',
                  `target ${e.targetId} is evaluated from the attendance recorded`,
                  `data.evaluations.${i}.targetId`,
                  () => byId.get(e.targetId)?.measure !== undefined,
                ),
              ]),
              eachItem(targets, (target) => [
                guard(
                  'ATT-7',
                  `target ${target.targetId} (${target.party}) needs the reviewer's evaluation`,
                  'data.evaluations',
                  () => target.measure === undefined && evaluationOf(target.targetId) === undefined,
                ),
              ]),
            ],
            () => {
              const summary = summariseAttendance(marksOf(s), period, policy);
              const results = targets.map((target): TargetResult => {
                if (target.measure !== undefined) {
                  const r = evaluateMeasure(target.measure, summary);
                  return {
                    targetId: target.targetId,
                    party: target.party,
                    outcome: r.met ? 'met' : 'not-met',
                    evaluatedBy: 'attendance',
                    ...(r.measured === undefined ? {} : { measured: r.measured }),
                  };
                }
                const e = evaluationOf(target.targetId)!;
                return {
                  targetId: target.targetId,
                  party: target.party,
                  outcome: e.met ? 'met' : 'not-met',
                  evaluatedBy: 'reviewer',
                  note: e.note,
                };
              });
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
            },
          );
        },
      ),
  );
};
