/** The AIM intervention of an HSB case and its close (HSB-21 … HSB-27). */
import { addDays, addMonthsToDate } from '@aimline/calendar';
import {
  type Day,
  H,
  instant,
  minutesOf,
  onOrAfter,
  onOrBefore,
  plusWeeks,
  tod,
  wd,
} from '../london-time.js';
import type { AssessmentResult } from './assessment.js';
import { interventionPlan, outcome } from './content.js';
import { minutesOfMeeting } from './meeting.js';
import type { CaseFacts } from './plan.js';

interface InterventionOptions {
  readonly minReviews: number;
  /** Keep reviewing until after this day (e.g. release from custody). */
  readonly reviewUntil?: Day;
}

/** HSB-21, HSB-22 the initial AIM meeting; HSB-25 contacts and supervision; HSB-26 reviews; HSB-27 exit. */
export const intervention = (f: CaseFacts, r: AssessmentResult, o: InterventionOptions): Day => {
  const { w, rng, clock, plan, policy } = f;
  if (
    r.meetingDay === undefined ||
    r.meetingStart === undefined ||
    r.initialScores === undefined ||
    r.meeting === undefined
  )
    throw new Error('demo: intervention without a booked meeting');
  const { chair } = r.meeting.people;
  const heldMin = minutesOf(r.meetingStart) + 90;
  const intensive = rng.chance(0.25);
  const young = f.age < 12;
  const meeting = {
    meetingId: `aim-${plan.caseId}`,
    parentsCarers: { invited: true },
    youngPerson: { invited: true },
    // HSB-21 as the meeting's attendance sheet recorded it (MTG-6)
    iroPresent: r.meeting.people.iro !== undefined,
    scores: r.initialScores,
    intensive,
  };
  if (plan.showRejections.has('HSB-22')) {
    // On purpose: an intervention plan with a heading neither addressed nor marked not applicable.
    const { barredListConsideration: _b, ...incomplete } = interventionPlan(young, rng);
    w.emit(
      'HoldInitialAimMeeting',
      instant(r.meetingDay, heldMin - 10),
      chair.actor,
      { ...meeting, plan: incomplete },
      'HSB-22',
    );
  }
  w.emit('HoldInitialAimMeeting', instant(r.meetingDay, heldMin), chair.actor, {
    ...meeting,
    plan: interventionPlan(young, rng),
  });
  minutesOfMeeting(f, r.meeting, r.meetingDay);

  // Reviews every `reviewWeeks` (HSB-26), re-scored so the score graph has points.
  const reviewDays: Day[] = [];
  let prev = r.meetingDay;
  for (let i = 1; i <= 8; i++) {
    const day = onOrBefore(clock, addDays(plusWeeks(prev, policy.reviewWeeks), -rng.int(0, 3)));
    reviewDays.push(day);
    prev = day;
    const enough =
      i >= o.minReviews && (o.reviewUntil === undefined || day > plusWeeks(o.reviewUntil, 3));
    if (enough) break;
  }
  const lastReview = reviewDays[reviewDays.length - 1] ?? r.meetingDay;
  const practitioners = r.a.assessors;
  const reviewer = r.a.overseer;
  let intensiveNow = intensive;
  reviewDays.forEach((day, i) => {
    const ends = i === reviewDays.length - 1;
    w.emit('HoldReview', instant(day, H(10)), reviewer.actor, {
      meetingId: `rev-${plan.caseId}-${i + 1}`,
      rescored: outcome(r.a.model, r.startLevel, i + 1, rng),
      workDone: `Sessions delivered on the plan's goals since the last review (synthetic, review ${i + 1}).`,
      remainingConcerns: ends ? [] : ['Consistency of supervision at weekends.'],
      nextPlan: ends ? 'Move to the exit plan.' : 'Continue the agreed sessions.',
      signedOffBy: [
        { id: f.cscManager.id, agency: 'childrens-social-care' },
        { id: f.yosManager.id, agency: 'youth-offending-service' },
      ],
      interventionEnds: ends,
    });
    if (i === 0 && intensiveNow && !ends) {
      intensiveNow = false;
      w.emit('ChangeIntensity', instant(day, H(10, 45)), reviewer.actor, { intensive: false });
    }
  });

  // Contacts: twice weekly while intensive, then weekly (HSB-25); a rare gap shows a breach.
  const firstReview = reviewDays[0] ?? lastReview;
  let contactDay = r.meetingDay;
  let n = 0;
  for (;;) {
    const stillIntensive = intensive && contactDay < firstReview;
    const gap = stillIntensive
      ? rng.int(2, policy.intensiveContactIntervalDays)
      : rng.int(4, policy.contactIntervalDays);
    const missed = rng.chance(0.015) ? rng.int(3, 6) : 0;
    let next = onOrBefore(clock, addDays(contactDay, gap + missed));
    if (next <= contactDay) next = onOrAfter(clock, addDays(contactDay, 1));
    if (next >= lastReview) break;
    contactDay = next;
    const who = practitioners[n % practitioners.length] ?? f.caseHolder;
    w.emit('RecordContact', instant(contactDay, tod(clock.rng, H(13), H(16))), who.actor, {
      contactId: `con-${plan.caseId}-${++n}`,
      practitionerId: who.id,
    });
  }
  // Practitioners' supervision, monthly (HSB-25).
  let supDay = r.meetingDay;
  for (;;) {
    supDay = onOrBefore(
      clock,
      addDays(addMonthsToDate(supDay, policy.practitionerSupervisionMonths), -rng.int(0, 3)),
    );
    if (supDay >= lastReview) break;
    w.emit('RecordPractitionerSupervision', instant(supDay, H(9, 10)), reviewer.actor, {
      practitionerIds: practitioners.map((p) => p.id),
      managerId: reviewer.id,
    });
  }

  // HSB-27: the exit plan says how every remaining concern is addressed.
  const exitDay = wd(clock, lastReview, rng.int(1, 3));
  w.emit(
    'AgreeExitPlan',
    instant(exitDay, tod(clock.rng, H(10), H(15))),
    (practitioners[0] ?? f.caseHolder).actor,
    {
      remainingConcerns: [
        {
          concern: 'Online safety.',
          howAddressed: 'School e-safety mentor and parental controls.',
        },
        ...(rng.chance(0.5)
          ? [
              {
                concern: 'Peer relationships.',
                howAddressed: 'Youth club key worker (early help).',
              },
            ]
          : []),
      ],
      signposting: rng.chance(0.5) ? ['early-help', 'camhs'] : ['early-help'],
    },
  );
  return exitDay;
};

export const closeCase = (f: CaseFacts, day: Day, reason: string): void =>
  f.w.emit('CloseCase', instant(day, tod(f.clock.rng, H(10), H(16))), f.cscManager.actor, {
    reason,
  });
