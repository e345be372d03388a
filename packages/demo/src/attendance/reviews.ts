/** After an AIM: minutes, reviews of the targets (ATT-7), holding the next AIM, next steps, closing. */
import { type CommandData, evaluateMeasure, summariseAttendance } from '@aimline/attendance-aim';
import { addDays } from '@aimline/calendar';
import { type Day, H, instant } from '../london-time.js';
import {
  answerLetter,
  type Presence,
  recordAim,
  recordOutcome,
  scheduleAim,
  sendLetters,
} from './aims.js';
import { type Aim, carers, type Case, doc, lead } from './case.js';
import { DEFAULT_NEXT } from './content.js';
import { importToYesterday } from './records.js';

/** The minutes of a held AIM (ATT-3), filed the next school day. */
const fileMinutes = (c: Case, aim: Aim): void => {
  c.w.emit('FileDocument', c.cur.after(1, H(9, 15), H(12)), lead(c), {
    documentRef: doc(c, `minutes-${aim.meetingId}.pdf`),
    kind: 'minutes',
    meetingId: aim.meetingId,
  });
};

/** ATT-7: the targets of `of` evaluated against the attendance between it and the review. */
export const review = (
  c: Case,
  of: Aim,
  atMeeting?: Aim,
  opts: { overlapOnPurpose?: boolean } = {},
): boolean => {
  const targets = c.targets.get(of.meetingId);
  if (targets === undefined) return false;
  if (atMeeting === undefined) {
    // Late in the day: the review waits for the morning, after that day's register import.
    if (c.cur.min > H(16, 15)) c.cur.after(1, H(9), H(10));
    importToYesterday(c, opts);
  }
  const reviewDay = atMeeting?.day ?? c.cur.day;
  const period = { from: addDays(of.day, 1), to: addDays(reviewDay, -1) };
  const summary = summariseAttendance(c.reg.all(), period, c.policy);
  const measured = targets
    .filter((x) => x.measure !== undefined)
    .map((x) => evaluateMeasure(x.measure!, summary).met);
  const allMet = measured.every((m) => m);
  c.w.emit('ReviewTargets', c.cur.later(10, 30), lead(c), {
    reviewOf: of.meetingId,
    evaluations: targets
      .filter((x) => x.measure === undefined)
      .map((x) => ({
        targetId: x.targetId,
        met: allMet || c.rng.chance(0.6),
        note:
          x.party === 'school'
            ? 'Check-ins logged on most mornings; two missed during staff training.'
            : 'Visits took place weekly; the family found them helpful.',
      })),
    ...(atMeeting === undefined ? {} : { atMeetingId: atMeeting.meetingId }),
  });
  return allMet;
};

/** The day of the review of `aim`: `reviewAfterWeeks` later, or the last pupil day before it. */
export const reviewDay = (c: Case, aim: Aim, extraDays = 0): Day => {
  const due = addDays(aim.day, 7 * c.policy.reviewAfterWeeks + extraDays);
  const d = c.terms.onOrBefore(due);
  // ATT-7: some attendance must lie between the AIM and its review (else after the holiday).
  return d >= addDays(aim.day, 2) ? d : c.terms.onOrAfter(due);
};

/**
 * The targets of `aim` reviewed on their review day (`extraDays` late), in the afternoon:
 * whether they were met.
 */
export const reviewWhenDue = (
  c: Case,
  aim: Aim,
  extraDays = 0,
  opts: { overlapOnPurpose?: boolean } = {},
): boolean => {
  c.cur.on(reviewDay(c, aim, extraDays), H(13), H(15, 30));
  return review(c, aim, undefined, opts);
};

/** An AIM held to review the last one: scheduled, letters sent, maybe rearranged (late on purpose). */
export const reviewAim = (
  c: Case,
  last: Aim,
  opts: { late?: boolean; setting?: 'school' | 'home' | 'neutral' } = {},
): Aim => {
  c.cur.after(c.rng.int(3, 6));
  let aim = scheduleAim(c, {
    onDay: reviewDay(c, last),
    ...(opts.setting === undefined ? {} : { setting: opts.setting }),
  });
  if (opts.late === true) {
    answerLetter(c, aim, 'cannot-attend');
    // Rearranged a week or two later: the review falls after its due date (ATT-7 breached).
    const notice = c.policy.letterNoticeSchoolDays + 2;
    const wanted = reviewDay(c, last, c.rng.int(8, 14));
    const earliest = c.terms.add(c.cur.day, notice);
    const day = c.terms.onOrAfter(wanted > earliest ? wanted : earliest);
    const min = c.rng.pick([H(9, 30), H(13, 30), H(15, 30)]);
    aim = { ...aim, day, min, start: instant(day, min) };
    c.w.emit('RearrangeAim', c.cur.later(20, 60), lead(c), {
      meetingId: aim.meetingId,
      start: aim.start,
      venue: aim.venue,
      reason: 'Parent cannot attend at the original time (hospital appointment).',
    });
    sendLetters(c, aim, false);
  } else if (c.rng.chance(0.5)) answerLetter(c, aim, 'will-attend');
  return aim;
};

export const everyone = (c: Case, extra: Partial<Presence> = {}): Presence => ({
  pupil: true,
  parentIds: carers(c).map((p) => p.parentId),
  ...extra,
});

export const closeCase = (c: Case, reason: string): void => {
  c.w.emit('CloseCase', c.cur.after(c.rng.int(1, 4)), lead(c), { reason });
};

/**
 * The AIM on the day: who came (ATT-4, ATT-5); when it proceeds, the review of the last AIM's
 * targets at it (ATT-7), the outcome (ATT-6) and the minutes the next school day (ATT-3). When it
 * does not proceed, the last AIM's targets are still reviewed that day, on their own.
 */
export const hold = (
  c: Case,
  aim: Aim,
  who: Presence,
  opts: {
    readonly stage?: 'first' | 'follow-up';
    readonly reviewOf?: Aim;
    readonly ifNot?: CommandData<'RecordAimAttendance'>['ifNotProceeding'];
  } = {},
): { readonly held: boolean; readonly met: boolean } => {
  const held = recordAim(c, aim, who, opts.ifNot ?? DEFAULT_NEXT);
  let met = false;
  if (opts.reviewOf !== undefined) {
    if (!held) c.cur.later(20, 40);
    met = review(c, opts.reviewOf, held ? aim : undefined);
  }
  if (held) {
    recordOutcome(c, aim, who, opts.stage ?? 'first');
    fileMinutes(c, aim);
  }
  return { held, met };
};

/** ATT-5: the next step after an AIM that did not proceed, well inside the policy's school days. */
export const nextStepSoon = (c: Case): void => {
  const within = Math.max(
    1,
    Math.min(c.rng.int(1, 4), c.policy.nextStepAfterNotHeldSchoolDays - 2),
  );
  c.cur.on(c.terms.withinWorkingDays(c.cur.day, within));
};
