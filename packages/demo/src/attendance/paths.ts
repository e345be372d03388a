/** The attendance paths where the family engages, at least in part. */
import type { ParentCarer } from '@aimline/attendance-aim';
import { FIRST_NAMES, LAST_NAMES } from '../invented-people.js';
import { answerLetter, firstAim, type Presence, scheduleAim } from './aims.js';
import { carers, type Case, lead, stepId } from './case.js';
import { contactParent, interact, openCase, voice } from './records.js';
import { REGIMES } from './register.js';
import {
  closeCase,
  everyone,
  hold,
  nextStepSoon,
  reviewAim,
  reviewDay,
  reviewWhenDue,
} from './reviews.js';

export const engagedPath = (c: Case): void => {
  openCase(c, 'engaged');
  const aim1 = firstAim(c);
  answerLetter(c, aim1, c.rng.chance(0.3) ? 'requests-adjustment' : 'will-attend');
  const who = everyone(c, c.rng.chance(0.3) ? { agency: c.rng.pick(c.la.earlyHelp) } : {});
  hold(c, aim1, who);
  c.reg.setRegimeAfter(aim1.day, REGIMES.improving);
  const aim2 = reviewAim(c, aim1, { late: c.plan.lateReview });
  const r2 = hold(c, aim2, everyone(c), { stage: 'follow-up', reviewOf: aim1 });
  c.reg.setRegimeAfter(aim2.day, r2.met ? REGIMES.good : REGIMES.improving);
  const met2 = reviewWhenDue(c, aim2);
  if (r2.met && met2)
    closeCase(
      c,
      'Attendance has improved and been sustained; monitoring continues through the school’s usual processes.',
    );
};

export const primaryParentsPath = (c: Case): void => {
  openCase(c, 'engaged');
  const aim1 = firstAim(c);
  answerLetter(c, aim1, 'will-attend');
  // A primary pupil below the expected year group: the parents alone may proceed (ATT-5).
  const who: Presence = { pupil: false, parentIds: carers(c).map((p) => p.parentId) };
  const r1 = hold(c, aim1, who, {
    ifNot: { action: 'meet-pupil-separately', note: 'The class teacher will talk with the pupil.' },
  });
  if (r1.held)
    // NAT-7: support first, then a formal, voluntary attendance contract.
    c.w.emit('RecordLegalStep', c.cur.later(10, 30), lead(c), {
      stepId: stepId(c),
      step: {
        kind: 'attendance-contract',
        agreedOn: aim1.day,
        parentIds: carers(c).map((p) => p.parentId),
        reviewOn: reviewDay(c, aim1),
      },
    });
  c.reg.setRegimeAfter(aim1.day, REGIMES.improving);
  c.cur.after(c.rng.int(2, 5));
  interact(
    c,
    { kind: 'pupil' },
    'in-person',
    'Class teacher talked with the pupil about what makes mornings hard.',
  );
  voice(c, { kind: 'pupil' });
  const aim2 = reviewAim(c, aim1, { late: c.plan.lateReview });
  const r2 = hold(c, aim2, who, { stage: 'follow-up', reviewOf: aim1 });
  if (r2.met) closeCase(c, 'Attendance contract kept and attendance above 90%; case closed.');
};

export const pupilAlonePath = (c: Case): void => {
  openCase(c, 'mixed');
  const aim1 = firstAim(c);
  // The parents do not come; the secondary-age pupil does (ATT-5: proceed).
  // The senior leader is called away sometimes (ATT-4: the missing role is recorded).
  const who: Presence = {
    pupil: true,
    parentIds: [],
    seniorMissing: c.plan.lateReview || c.rng.chance(0.3),
  };
  hold(c, aim1, who);
  c.reg.setRegimeAfter(aim1.day, REGIMES.partial);
  const p = carers(c)[0] ?? c.parents[0]!;
  c.cur.after(c.rng.int(1, 3));
  contactParent(
    c,
    p,
    'home-visit',
    `Attendance lead visited; ${p.firstName} ${p.lastName} was at home and heard the outcome of the meeting.`,
  );
  voice(c, { kind: 'parent', parentId: p.parentId });
  // The review on its own (not at an AIM); late when the attendance lead was off sick.
  const met = reviewWhenDue(c, aim1, c.plan.lateReview ? c.rng.int(8, 15) : 0, {
    ...(c.plan.showRejections.has('NAT-4') ? { overlapOnPurpose: true } : {}),
  });
  const aim2 = scheduleAim(c, { setting: 'school' });
  const who2 = c.rng.chance(0.5) ? everyone(c) : who;
  hold(c, aim2, who2, { stage: 'follow-up' });
  c.reg.setRegimeAfter(aim2.day, met ? REGIMES.improving : REGIMES.partial);
  if (reviewWhenDue(c, aim2) && met) closeCase(c, 'Attendance above 90% for two review periods.');
};

export const parentsWithoutPupilPath = (c: Case): void => {
  openCase(c, 'mixed');
  // The family's dynamics looked into (ATT-4): a step-parent with day-to-day care is added.
  const step: ParentCarer = {
    parentId: `${c.w.caseId}-par-${c.parents.length + 1}`,
    firstName: c.rng.pick(FIRST_NAMES),
    lastName: c.rng.pick(LAST_NAMES),
    relationship: 'step-parent',
    dayToDayResponsibility: true,
    contact: { phone: `07700 900${String(c.rng.int(100, 999))}` },
  };
  c.w.emit('AddParentCarer', c.cur.later(20, 60), lead(c), { parent: step });
  c.parents.push(step);
  const aim1 = firstAim(c);
  answerLetter(c, aim1, 'will-attend');
  // The parents come; their secondary-age child does not (ATT-5: do not proceed).
  const parentsOnly: Presence = { pupil: false, parentIds: carers(c).map((p) => p.parentId) };
  hold(c, aim1, parentsOnly, {
    ifNot: {
      action: 'meet-pupil-separately',
      note: 'The learning mentor will meet the pupil at home with a parent present, then a new AIM at home.',
    },
  });
  nextStepSoon(c);
  interact(
    c,
    { kind: 'pupil' },
    'home-visit',
    'Learning mentor met the pupil at home; the pupil agreed to a meeting at home.',
    c.school.mentor.actor,
  );
  voice(c, { kind: 'pupil' });
  const aim2 = scheduleAim(c, { setting: 'home' });
  const who = everyone(c, { agency: c.rng.pick(c.la.camhs) });
  hold(c, aim2, who);
  c.reg.setRegimeAfter(aim2.day, REGIMES.partial);
  const aim3 = reviewAim(c, aim2, { setting: 'home', late: c.plan.lateReview });
  const r3 = hold(c, aim3, who, { stage: 'follow-up', reviewOf: aim2 });
  c.reg.setRegimeAfter(aim3.day, r3.met ? REGIMES.improving : REGIMES.partial);
  if (reviewWhenDue(c, aim3) && r3.met)
    closeCase(c, 'Back in school full time with support from the Mental Health Support Team.');
};
