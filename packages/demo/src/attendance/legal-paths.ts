/** The attendance paths that go to legal intervention, with AIMs alongside (ATT-8). */
import {
  endOfCompulsorySchoolAge,
  type CommandData,
  type ParentCarer,
} from '@aimline/attendance-aim';
import { addDays } from '@aimline/calendar';
import { H } from '../london-time.js';
import { answerLetter, firstAim, type Presence, scheduleAim } from './aims.js';
import { carers, type Case, lead, stepId } from './case.js';
import {
  considerProsecution,
  consultInclusionOfficer,
  legalMeetingAndRequest,
  noEngagement,
  noticeToImprove,
  penaltyNotices,
} from './legal.js';
import { contactParent, importToYesterday, openCase, voice } from './records.js';
import { REGIMES } from './register.js';
import { closeCase, everyone, hold, nextStepSoon, reviewAim, reviewWhenDue } from './reviews.js';

/**
 * The case opens without engagement and nobody comes to the first AIM (ATT-5: not held); the
 * next step follows soon. Returns the parent the school then tries to reach.
 */
const nobodyAtFirstAim = (
  c: Case,
  ifNot: CommandData<'RecordAimAttendance'>['ifNotProceeding'],
): ParentCarer => {
  openCase(c, 'not-engaged');
  const aim1 = firstAim(c);
  hold(c, aim1, { pupil: false, parentIds: [] }, { ifNot });
  nextStepSoon(c);
  return carers(c)[0] ?? c.parents[0]!;
};

/** Nobody comes to the first AIM; the attendance lead visits the family home (`plan`), and finds `found`. */
const homeVisitAfterFirstAim = (
  c: Case,
  plan: string,
  found: (p: ParentCarer) => string,
): ParentCarer => {
  const p = nobodyAtFirstAim(c, { action: 'home-visit', note: plan });
  contactParent(c, p, 'home-visit', found(p));
  return p;
};

export const noEngagementLegalPath = (c: Case): void => {
  const p = homeVisitAfterFirstAim(
    c,
    'Attendance lead to visit the family home this week.',
    () => 'Home visit: no answer; a card was left asking the family to contact school.',
  );
  c.cur.after(c.rng.int(1, 2));
  contactParent(c, p, 'text-message', 'Text sent asking the family to ring school; no reply.');
  noEngagement(
    c,
    'No response to the AIM letter, two phone calls, a text message or the home visit.',
  );
  consultInclusionOfficer(c, true);
  legalMeetingAndRequest(c);
  const improvementEnds = noticeToImprove(c);
  c.cur.on(addDays(improvementEnds, 1));
  const notices = penaltyNotices(c);
  // Not paid within the full period: the considerations, then prosecution.
  c.cur.on(addDays(c.cur.day, c.policy.penaltyNotice.fullWithinDays + 3));
  considerProsecution(
    c,
    'not-appropriate',
    'prosecute',
    notices.length === 0
      ? 'The family has not engaged with any voluntary support; an ESO is unlikely to secure engagement.'
      : 'Penalty notices unpaid and no engagement with voluntary support; an ESO is unlikely to secure engagement.',
  );
  c.w.emit('RecordLegalStep', c.cur.after(c.rng.int(3, 8)), c.la.leadOfficer.actor, {
    stepId: stepId(c),
    step: {
      kind: 'prosecution',
      laidOn: c.cur.day,
      parentIds: carers(c).map((x) => x.parentId),
      section: c.rng.chance(0.7) ? 's444(1)' : 's444(1A)',
    },
  });
  // ATT-8: the AIMs carry on alongside the legal involvement; the summons brings the family in.
  c.reg.setRegimeAfter(c.cur.day, REGIMES.partial);
  const aim2 = scheduleAim(c, { setting: c.rng.chance(0.5) ? 'neutral' : 'school' });
  answerLetter(c, aim2, 'will-attend');
  const who = everyone(c, { agency: c.rng.pick(c.la.earlyHelp) });
  hold(c, aim2, who);
  const aim3 = reviewAim(c, aim2);
  hold(c, aim3, who, { stage: 'follow-up', reviewOf: aim2 });
};

export const penaltyPaidPath = (c: Case): void => {
  // A week's holiday in term time shortly before the case opens: 10 sessions of G.
  let d = c.terms.onOrAfter(addDays(c.plan.openDay, -21));
  for (let i = 0; i < 5; i++) {
    c.reg.force(d, ['G', 'G']);
    d = c.terms.add(d, 1);
  }
  openCase(c, 'mixed');
  const aim1 = firstAim(c);
  answerLetter(c, aim1, 'will-attend');
  const who = everyone(c);
  hold(c, aim1, who);
  // Then the family stops engaging: nobody comes to the review AIM (ATT-5: not held).
  const aim2 = reviewAim(c, aim1);
  hold(
    c,
    aim2,
    { pupil: false, parentIds: [] },
    {
      reviewOf: aim1,
      ifNot: {
        action: 'consult-inclusion-officer',
        note: 'No contact since the first AIM; speak with the inclusion officer about legal action.',
      },
    },
  );
  const p = carers(c)[0] ?? c.parents[0]!;
  c.cur.later(20, 60);
  contactParent(c, p, 'phone', 'Rang after the meeting to ask why nobody came; no answer.');
  noEngagement(
    c,
    'Did not attend the review AIM; calls and emails since the first AIM unanswered.',
  );
  consultInclusionOfficer(c, false);
  legalMeetingAndRequest(c);
  c.cur.after(c.rng.int(2, 5));
  const notices = penaltyNotices(c);
  if (notices.length === 0) noticeToImprove(c);
  c.reg.setRegimeAfter(c.cur.day, REGIMES.improving);
  for (const n of notices) {
    const paidOn = c.terms.onOrBefore(
      addDays(n.issuedOn, c.rng.int(7, Math.max(7, c.policy.penaltyNotice.reducedWithinDays - 3))),
    );
    c.cur.on(addDays(paidOn, c.rng.int(1, 3)));
    c.w.emit('RecordPenaltyPayment', c.cur.at, c.enforcement.actor, {
      stepId: n.stepId,
      paidOn: paidOn < n.issuedOn ? n.issuedOn : paidOn,
      amount: c.policy.penaltyNotice.reducedAmount,
    });
  }
  // ATT-8: the AIMs continue after the legal involvement, to monitor the improvement.
  const aim3 = scheduleAim(c);
  answerLetter(c, aim3, 'will-attend');
  hold(c, aim3, who, { stage: 'follow-up' });
  if (reviewWhenDue(c, aim3))
    closeCase(c, 'Penalty notices paid and attendance improved; AIMs no longer needed.');
};

export const esoPath = (c: Case): void => {
  const p = homeVisitAfterFirstAim(
    c,
    'Home visit to understand what is stopping the family engaging.',
    (parent) =>
      `${parent.firstName} ${parent.lastName} answered; said the pupil is anxious about school and the family feel overwhelmed.`,
  );
  voice(c, { kind: 'parent', parentId: p.parentId });
  const aim2 = scheduleAim(c, { setting: 'neutral' });
  const pupilOnly: Presence = {
    pupil: true,
    parentIds: [],
    agency: c.rng.pick(c.la.socialWorkers),
  };
  hold(c, aim2, pupilOnly);
  reviewWhenDue(c, aim2);
  noEngagement(
    c,
    'Parents have not responded since the home visit; the pupil’s attendance has not improved.',
  );
  consultInclusionOfficer(c, c.rng.chance(0.3));
  legalMeetingAndRequest(c);
  considerProsecution(
    c,
    'apply',
    'defer',
    'The family needs structured support more than a penalty; an ESO gives a supervisor to advise and direct.',
  );
  c.w.emit('RecordLegalStep', c.cur.after(c.rng.int(3, 8)), c.la.leadOfficer.actor, {
    stepId: stepId(c),
    step: { kind: 'education-supervision-order', appliedOn: c.cur.day },
  });
  c.reg.setRegimeAfter(c.cur.day, REGIMES.partial);
  // ATT-8: AIMs alongside the order, with the supervising officer.
  const aim3 = scheduleAim(c);
  answerLetter(c, aim3, 'will-attend');
  const who = everyone(c, { agency: c.la.esoOfficer });
  hold(c, aim3, who);
  c.reg.setRegimeAfter(aim3.day, REGIMES.improving);
  reviewWhenDue(c, aim3);
};

export const year11Path = (c: Case): void => {
  const ends = endOfCompulsorySchoolAge(c.pupil.dateOfBirth, c.policy.finalCompulsoryYearGroup);
  const p = nobodyAtFirstAim(c, {
    action: 'consult-inclusion-officer',
    note: 'Year 11: time is short; speak with the inclusion officer this week.',
  });
  contactParent(c, p, 'phone', 'Rang twice; no answer. Email sent.');
  noEngagement(c, 'No response to the AIM letter, calls or email.');
  consultInclusionOfficer(c, false);
  legalMeetingAndRequest(c);
  // ATT-10: the pupil is in the final academic year: a court case is unlikely.
  considerProsecution(
    c,
    'not-appropriate',
    'do-not-prosecute',
    'The pupil is in Year 11 with months of compulsory school age left; an order could not run its course.',
  );
  // ATT-8: an AIM continues with the pupil, who comes on their own (secondary: proceeds).
  const aim2 = scheduleAim(c);
  const pupilOnly: Presence = { pupil: true, parentIds: [], agency: c.rng.pick(c.la.earlyHelp) };
  hold(c, aim2, pupilOnly);
  c.reg.setRegimeAfter(aim2.day, REGIMES.partial);
  reviewWhenDue(c, aim2);
  // After the last Friday in June of Year 11 (NAT-8): a penalty notice is refused.
  const after = c.terms.onOrAfter(addDays(ends, 3));
  if (c.plan.showRejections.has('NAT-8') && after < `${ends.slice(0, 4)}-07-23`) {
    c.cur.on(after, H(9, 30), H(11));
    importToYesterday(c);
    c.w.emit(
      'RecordLegalStep',
      c.cur.later(10, 30),
      c.enforcement.actor,
      {
        stepId: stepId(c),
        step: { kind: 'penalty-notice', issuedOn: c.cur.day, parentId: p.parentId },
      },
      'NAT-8',
    );
    c.w.emit('CloseCase', c.cur.later(30, 60), lead(c), {
      reason: `Compulsory school age ended on ${ends}; referred to the post-16 participation team.`,
    });
  }
};
