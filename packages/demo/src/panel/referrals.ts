/** The panel's referrals: who is referred, booking and rebooking (PNL-4), papers, previous contacts, decisions and reviews. */
import { instantMs, ageOn, nextWorkingDay, addDays } from '@aimline/calendar';
import { type Booking, type Child, type Rating, rebookingFor } from '@aimline/panel';
import { dateOfBirthFor, inventName } from '../invented-people.js';
import { H, instant, londonDayOf, plusMinutes, tod, wd } from '../london-time.js';
import { shuffle } from '../rng.js';
import {
  AGES,
  BEHAVIOURS,
  CONCERNS,
  CONTACTS,
  DEESCALATE,
  ESCALATE,
  GENDERS,
  RATINGS,
  ROUTES_FOR,
  UNCHANGED,
} from './content.js';
import {
  bookAt,
  dayTime,
  nextReferralId,
  type PanelRun,
  type ReferralPlan,
  scheduleAt,
  type SittingPlan,
  workingDayBetween,
} from './run.js';

/** The referrals: children (some referred again), behaviours, ratings and routes; a sitting without a chair. */
export const planReferrals = (
  run: PanelRun,
  receiveTimes: ReadonlyArray<string>,
  middle: ReadonlyArray<SittingPlan>,
): ReferralPlan[] => {
  const { rng, policy, people } = run;
  const total = receiveTimes.length;
  const book = (at: string): Booking | undefined => bookAt(run, at);

  const ratings = shuffle(rng, RATINGS);
  const refs: ReferralPlan[] = [];
  const repeats = Math.max(1, Math.round(total / 8));
  const repeatAt = new Set(
    shuffle(
      rng,
      receiveTimes.map((_, i) => i).filter((i) => i >= Math.floor(total / 3)),
    ).slice(0, repeats),
  );
  receiveTimes.forEach((receivedAt, k) => {
    const day = londonDayOf(receivedAt);
    let child: Child | undefined;
    if (repeatAt.has(k)) {
      const earlier = refs.filter(
        (r) =>
          instantMs(r.receivedAt) < instantMs(receivedAt) - 90 * 86_400_000 &&
          ageOn(r.child.dateOfBirth, day) <= policy.ageRange.to &&
          !refs.some((o) => o !== r && o.child.childId === r.child.childId),
      );
      if (earlier.length > 0) child = rng.pick(earlier).child;
    }
    if (child === undefined) {
      const age = Math.max(policy.ageRange.from, Math.min(policy.ageRange.to, rng.pick(AGES)));
      child = {
        childId: `pnl-ch-${String(++run.seq.child).padStart(4, '0')}`,
        name: inventName(rng),
        dateOfBirth: dateOfBirthFor(rng, day, age),
        gender: rng.pick(GENDERS),
      };
    }
    const first = rng.pick(BEHAVIOURS);
    const second = rng.chance(0.3) ? rng.pick(BEHAVIOURS) : first;
    const behaviours = second === first ? [first] : [first, second];
    const rating = ratings[k % ratings.length]!;
    const routes = ROUTES_FOR[rating].filter((id) => policy.routes.some((r) => r.id === id));
    refs.push({
      id: '',
      child,
      receivedAt,
      referrer: rng.pick(people.referrers),
      behaviours,
      concern: rng.pick(CONCERNS[first]),
      rating,
      route: rng.pick(routes.length > 0 ? routes : policy.routes.map((r) => r.id)),
      booking: null,
      decidedAt: null,
    });
  });
  // A sitting where neither the chair nor the co-chair can attend: one with a referral booked.
  const initial = refs.map((r) => book(r.receivedAt)?.sittingId);
  const noChair = shuffle(
    rng,
    middle.filter((p) => p.special === null && initial.includes(p.id)),
  )[0];
  if (noChair !== undefined) noChair.special = 'no-chair';
  return refs;
};

/**
 * What the referral records of the concern (disclosed two days before the referral, the
 * behaviour the day before that, both notifications made on the day): what an HSB AIM case
 * opened from the panel's decision needs (HSB-1, HSB-6).
 */
const concernFacts = (receivedAt: string) => {
  const disclosedAt = plusMinutes(receivedAt, -2 * 24 * 60);
  return {
    disclosedAt,
    behaviourDate: addDays(londonDayOf(disclosedAt), -1),
    notifications: {
      childrensSocialCare: plusMinutes(disclosedAt, 30),
      police: plusMinutes(disclosedAt, 60),
    },
  };
};

/** Each referral received, booked, rebooked when its sitting moves or is cancelled, papers sent, previous contacts shared. */
export const bookReferrals = (run: PanelRun, refs: ReadonlyArray<ReferralPlan>): void => {
  const { rng, policy, cal, clock, people, bs, referrals, byId, chairRoles } = run;
  const book = (at: string): Booking | undefined => bookAt(run, at);

  const recipients = people.seats
    .filter((s) => s.role !== 'business-support')
    .map((s) => s.rep.member.memberId);
  const contactSeats = people.seats.filter(
    (s) => !chairRoles.has(s.role) && s.role !== 'business-support',
  );
  /** When the papers go out for a booking made at `bookedAt` (some late, PNL-4). */
  const papersTime = (b: Booking, bookedAt: string): string => {
    const dueDay = londonDayOf(b.papersDue);
    const bookedDay = londonDayOf(bookedAt);
    if (rng.chance(0.15)) return dayTime(run, wd(clock, dueDay, rng.int(1, 2)));
    const from = wd(clock, dueDay, -4);
    const day = workingDayBetween(clock, from > bookedDay ? from : bookedDay, dueDay);
    return day === bookedDay ? plusMinutes(bookedAt, 15 + 5 * rng.int(0, 9)) : dayTime(run, day);
  };

  const rejectedAgeAt = refs[Math.floor(refs.length / 2)]?.receivedAt;
  for (const r of refs) {
    const b0 = book(r.receivedAt);
    if (b0 === undefined) continue;
    r.id = nextReferralId(run, londonDayOf(r.receivedAt));
    if (r.receivedAt === rejectedAgeAt) {
      // On purpose: a young adult of 19 is outside the panel's age range (PNL-3).
      const at = plusMinutes(r.receivedAt, -10);
      const b = book(at);
      if (b !== undefined)
        referrals.write(
          'ReceiveReferral',
          at,
          bs.actor,
          {
            referralId: nextReferralId(run, londonDayOf(at)),
            child: {
              childId: `pnl-ch-${String(++run.seq.child).padStart(4, '0')}`,
              name: inventName(rng),
              dateOfBirth: dateOfBirthFor(rng, londonDayOf(at), policy.ageRange.to + 1),
              gender: rng.pick(GENDERS),
            },
            referrer: rng.pick(people.referrers),
            concernSummary: rng.pick(CONCERNS.contact),
            behaviourTypes: ['contact'],
            booking: b,
          },
          'PNL-3',
        );
    }
    referrals.write('ReceiveReferral', r.receivedAt, bs.actor, {
      referralId: r.id,
      child: r.child,
      referrer: r.referrer,
      concernSummary: r.concern,
      behaviourTypes: r.behaviours,
      booking: b0,
      concern: concernFacts(r.receivedAt),
    });
    let booking: Booking = b0;
    let bookedAt = r.receivedAt;
    let papers = null as { sittingId: string; at: string } | null;
    for (let round = 0; round < 6; round++) {
      const plan = byId.get(booking.sittingId);
      const planned: string | null =
        papers?.sittingId === booking.sittingId ? null : papersTime(booking, bookedAt);
      const change =
        plan === undefined
          ? undefined
          : plan.special === 'no-chair'
            ? plusMinutes(plan.start, 4 * 60)
            : plan.changeAt !== null && instantMs(plan.changeAt) > instantMs(bookedAt)
              ? plan.changeAt
              : undefined;
      if (planned !== null && (change === undefined || instantMs(planned) < instantMs(change))) {
        referrals.write('SendPapers', planned, bs.actor, { referralId: r.id, recipients });
        papers = { sittingId: booking.sittingId, at: planned };
      }
      if (plan === undefined || change === undefined) break;
      let next: Booking | undefined;
      let reason: string;
      let at: string;
      if (plan.special === 'no-chair') {
        plan.items.push({ kind: 'not-reached', ref: r });
        at = instant(nextWorkingDay(cal, plan.date), tod(clock.rng, H(9, 30), H(10, 30)));
        next = book(at);
        reason = `Not reached at the sitting on ${plan.date}: neither the chair nor the co-chair could attend, so the panel could not decide (PNL-2).`;
      } else {
        at = plusMinutes(change, 20 + 5 * rng.int(0, 8));
        const rb = rebookingFor(
          booking,
          scheduleAt(run, at),
          at,
          policy,
          cal,
          papers?.sittingId === booking.sittingId ? papers.at : undefined,
        );
        next = rb.kind === 'rebook' ? rb.booking : undefined;
        reason = rb.kind === 'unchanged' ? '' : rb.reason;
      }
      if (next === undefined) break;
      referrals.write('RebookReferral', at, bs.actor, { referralId: r.id, booking: next, reason });
      booking = next;
      bookedAt = at;
    }
    r.booking = booking;
    // Members research the referral and share previous contacts before the sitting.
    const sent = papers?.sittingId === booking.sittingId ? papers.at : bookedAt;
    const before = wd(clock, booking.sittingDate, -1);
    for (const seat of shuffle(rng, contactSeats).slice(0, rng.int(1, 3))) {
      const day = workingDayBetween(clock, nextWorkingDay(cal, londonDayOf(sent)), before);
      if (day >= booking.sittingDate) continue;
      const at = dayTime(run, day);
      referrals.write('SharePreviousContacts', at, seat.rep.actor, {
        referralId: r.id,
        member: seat.rep.member,
        contacts: rng.pick(CONTACTS),
      });
    }
  }
};

/** Which sitting decides each referral, and the 12-weekly reviews of red and amber ones (escalations, de-escalations). */
export const planDecisions = (run: PanelRun, refs: ReadonlyArray<ReferralPlan>): void => {
  const { rng, policy, plans, byId } = run;

  for (const r of refs) {
    const p = r.booking === null ? undefined : byId.get(r.booking.sittingId);
    if (r.id === '' || p === undefined || p.special === 'cancelled' || p.special === 'no-chair')
      continue;
    p.items.push({ kind: 'decision', ref: r });
    r.decidedAt = p;
  }
  const reviewable = plans.filter((p) => p.facts !== null && p.facts.chairedBy !== null);
  let escalated = false;
  let deEscalated = false;
  for (const r of refs) {
    if (r.decidedAt === null) continue;
    let rating = r.rating;
    let lastDay = r.decidedAt.date;
    for (let k = 0; k < 8 && policy.reviewedRatings.includes(rating); k++) {
      const due = addDays(lastDay, 7 * policy.reviewWeeks);
      const later = reviewable.filter((p) => p.date > addDays(lastDay, 14));
      const onTime = later.filter((p) => p.date < due);
      const late = later.find((p) => p.date >= due);
      const at = rng.chance(0.15) || onTime.length === 0 ? late : onTime[onTime.length - 1];
      if (at === undefined) break;
      let next: Rating;
      if (rating === 'amber' && !escalated) next = 'red';
      else if (rating === 'red' && !deEscalated) next = 'amber';
      else {
        const roll = rng.next();
        next =
          rating === 'red'
            ? roll < 0.35
              ? 'red'
              : roll < 0.9
                ? 'amber'
                : 'green'
            : roll < 0.15
              ? 'red'
              : roll < 0.55
                ? 'amber'
                : 'green';
      }
      const order = { green: 0, amber: 1, red: 2 };
      if (order[next] > order[rating]) escalated = true;
      if (order[next] < order[rating]) deEscalated = true;
      const reason =
        order[next] > order[rating]
          ? rng.pick(ESCALATE)
          : order[next] < order[rating]
            ? rng.pick(DEESCALATE)
            : rng.pick(UNCHANGED);
      at.items.push({
        kind: 'review',
        ref: r,
        rating: next,
        reason,
        close: !policy.reviewedRatings.includes(next),
      });
      rating = next;
      lastDay = at.date;
    }
  }
};
