/** A sitting's business: referrers, decisions, reviews, actions and their updates, closures, minutes. */
import { ageOn, addDays } from '@aimline/calendar';
import { bandsForAge } from '@aimline/panel';
import { H, instant, onOrAfter, onOrBefore, plusMinutes, tod, wd } from '../london-time.js';
import { ABSENT_REASONS, ACTIONS, RATIONALE, UPDATES_DONE, UPDATES_PARTIAL } from './content.js';
import type { Person } from './people.js';
import {
  addSitting,
  dayTime,
  type PanelRun,
  type ReferralPlan,
  type SittingPlan,
  workingDayBetween,
} from './run.js';

/** An action agreed at sitting `p` for referral `r`, and its owner's updates (some late, some in two steps). */
const agreeAction = (
  run: PanelRun,
  p: SittingPlan,
  r: ReferralPlan,
  at: string,
  description: string,
  owner: Person,
): void => {
  const { rng, clock, bs, sittings } = run;

  const dueBy = onOrAfter(clock, addDays(p.date, rng.int(10, 35)));
  const actionId = `act-${p.id}-${String(++p.actionSeq).padStart(2, '0')}`;
  addSitting(
    p,
    sittings.write('AgreeAction', at, bs.actor, {
      sittingId: p.id,
      actionId,
      referralId: r.id,
      owner: owner.member,
      description,
      dueBy,
    }),
  );
  const lateUpdate = rng.chance(0.2);
  const stepwise = rng.chance(0.35);
  const finalDay = lateUpdate
    ? wd(clock, dueBy, rng.int(1, 8))
    : workingDayBetween(clock, wd(clock, p.date, 2), dueBy);
  if (stepwise) {
    const firstDay = workingDayBetween(clock, wd(clock, p.date, 1), onOrBefore(clock, dueBy));
    const first = dayTime(run, firstDay);
    addSitting(
      p,
      sittings.write('RecordActionUpdate', first, owner.actor, {
        sittingId: p.id,
        actionId,
        update: rng.pick(UPDATES_PARTIAL),
        complete: false,
      }),
    );
    const doneDay = wd(clock, firstDay > finalDay ? firstDay : finalDay, rng.int(1, 4));
    addSitting(
      p,
      sittings.write('RecordActionUpdate', dayTime(run, doneDay), owner.actor, {
        sittingId: p.id,
        actionId,
        update: rng.pick(UPDATES_DONE),
        complete: true,
      }),
    );
  } else
    addSitting(
      p,
      sittings.write('RecordActionUpdate', dayTime(run, finalDay), owner.actor, {
        sittingId: p.id,
        actionId,
        update: rng.pick(UPDATES_DONE),
        complete: true,
      }),
    );
};

/** One sitting's business: referrers present, decisions, reviews, actions, closures, minutes. */
export const sittingBusiness = (
  run: PanelRun,
  p: SittingPlan,
  lateMinutes: ReadonlySet<string>,
): void => {
  const { rng, policy, clock, people, bs, sittings, referrals, chairRoles } = run;
  const closeLater = (r: ReferralPlan, reason: string): void => {
    referrals.write('CloseReferral', dayTime(run, wd(clock, p.date, rng.int(1, 3))), bs.actor, {
      referralId: r.id,
      reason,
    });
  };

  const facts = p.facts;
  if (facts === null) return;
  const chairing =
    facts.chairedBy === 'chair'
      ? people.chair.rep
      : facts.chairedBy === 'co-chair'
        ? people.coChair.rep
        : null;
  const owners = p.attendees.filter(
    (a) =>
      a.status !== 'apologies' &&
      !chairRoles.has(a.seat.role) &&
      a.seat.role !== 'business-support',
  );
  const order = { decision: 0, 'not-reached': 1, review: 2 };
  const items = [...p.items].sort((a, b) => order[a.kind] - order[b.kind]);
  const gap = Math.max(5, Math.min(30, Math.floor(225 / Math.max(1, items.length))));
  let attempted = false;
  items.forEach((item, i) => {
    const t = plusMinutes(p.start, 15 + i * gap);
    const r = item.ref;
    const half = Math.max(1, Math.floor(gap / 2));
    switch (item.kind) {
      case 'decision':
      case 'not-reached': {
        const roll = rng.next();
        const colleague = people.referrers.find(
          (x) => x.agency === r.referrer.agency && x.id !== r.referrer.id,
        );
        referrals.write(
          'RecordReferrerAttendance',
          t,
          bs.actor,
          roll < 0.85
            ? { referralId: r.id, sittingId: p.id, present: true, presenter: r.referrer }
            : roll < 0.93 && colleague !== undefined
              ? {
                  referralId: r.id,
                  sittingId: p.id,
                  present: true,
                  presenter: colleague,
                  reason: 'The referrer was on leave; a colleague from the same team presented.',
                }
              : {
                  referralId: r.id,
                  sittingId: p.id,
                  present: false,
                  reason: rng.pick(ABSENT_REASONS),
                },
        );
        const decision = {
          referralId: r.id,
          sitting: facts,
          route: r.route,
          rating: r.rating,
          rationale: RATIONALE[r.rating],
          informationKnown:
            'The referral, the school and police chronologies and the previous contacts shared by members (synthetic).',
        };
        if (item.kind === 'not-reached') {
          if (!attempted && chairing === null) {
            // On purpose: a decision at a sitting with neither chair nor co-chair (PNL-2).
            referrals.write('RecordDecision', plusMinutes(t, half), bs.actor, decision, 'PNL-2');
            attempted = true;
          }
          break;
        }
        const age = ageOn(r.child.dateOfBirth, p.date);
        const bands = bandsForAge(policy, age);
        const younger = bands.length > 1 && rng.chance(0.5) ? bands[0] : undefined;
        const decidedAt = plusMinutes(t, half);
        referrals.write(
          'RecordDecision',
          decidedAt,
          chairing?.actor ?? bs.actor,
          younger === undefined ? decision : { ...decision, ageBand: younger.id },
        );
        const opens = policy.routes.find((x) => x.id === r.route)?.opensHsbAimCase === true;
        const team = owners.find((a) => a.seat.role === 'safeguarding-team-manager');
        if (opens && team !== undefined)
          agreeAction(
            run,
            p,
            r,
            plusMinutes(decidedAt, 1),
            'Open the HSB AIM case and allocate assessors (hand-off from panel).',
            team.person,
          );
        if (owners.length > 0)
          agreeAction(
            run,
            p,
            r,
            plusMinutes(decidedAt, 2),
            rng.pick(ACTIONS),
            rng.pick(owners).person,
          );
        if (!policy.reviewedRatings.includes(r.rating))
          closeLater(
            r,
            opens
              ? 'Green: the HSB AIM case carries the intervention; no panel review needed.'
              : 'Green: advice and signposting given; no further panel action.',
          );
        break;
      }
      case 'review': {
        referrals.write('RecordReview', t, chairing?.actor ?? bs.actor, {
          referralId: r.id,
          rating: item.rating,
          reason: item.reason,
          sitting: facts,
        });
        if (item.rating === 'red' && owners.length > 0 && rng.chance(0.7))
          agreeAction(run, p, r, plusMinutes(t, 2), rng.pick(ACTIONS), rng.pick(owners).person);
        if (item.close)
          closeLater(
            r,
            'De-escalated to green: panel oversight ends; the case continues with its worker.',
          );
        break;
      }
    }
  });
  // Minutes of key actions: approved by the chair (or co-chair), distributed within 7 working days.
  const approver = chairing ?? people.coChair.rep;
  const late = lateMinutes.has(p.id);
  const approveDay = late
    ? wd(clock, p.date, rng.int(6, 7))
    : wd(clock, p.date, rng.int(2, Math.max(2, policy.minutesWorkingDays - 2)));
  const distributeDay = late
    ? wd(clock, p.date, policy.minutesWorkingDays + rng.int(1, 4))
    : wd(clock, approveDay, rng.int(0, 1));
  addSitting(
    p,
    sittings.write(
      'ApproveMinutes',
      instant(approveDay, tod(clock.rng, H(9, 30), H(12))),
      approver.actor,
      {
        sittingId: p.id,
      },
    ),
  );
  addSitting(
    p,
    sittings.write(
      'DistributeMinutes',
      instant(distributeDay, tod(clock.rng, H(13, 30), H(16, 30))),
      bs.actor,
      {
        sittingId: p.id,
      },
    ),
  );
};
