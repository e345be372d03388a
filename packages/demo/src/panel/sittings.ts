/** The panel's sittings: referral arrival times, the special sittings, scheduling, attendance and holding. */
import { instantMs, nextWorkingDay, addDays, daysBetween } from '@aimline/calendar';
import { type Attendee, bookingFor, currentSchedule, sittingFacts } from '@aimline/panel';
import {
  type Day,
  H,
  instant,
  londonDayOf,
  onOrAfter,
  onOrBefore,
  plusMinutes,
  tod,
  wd,
} from '../london-time.js';
import { shuffle } from '../rng.js';
import { CANCEL_REASONS, EMERGENCIES, MOVE_REASONS, VENUE_REASONS, VENUES } from './content.js';
import { addSitting, fold, type PanelRun, type SittingPlan, type Special } from './run.js';

/** When the referrals arrive: spread over the window, two of them just too late for the next sitting. */
export const receiveTimesFor = (run: PanelRun, cases: number): string[] => {
  const { rng, policy, cal, clock, plans, windowStart } = run;

  const total = Math.max(2, cases * 2);
  const last = plans[plans.length - 1]!;
  const lastReceiveDay = wd(clock, last.date, -(policy.papersWorkingDaysBefore + 1));
  const firstReceiveDay = nextWorkingDay(cal, windowStart);
  const span = Math.max(0, daysBetween(firstReceiveDay, lastReceiveDay));
  const forcedLate = new Set([1, 4].filter((i) => i < total));
  const receiveTimes: string[] = [];
  for (let k = 0; k < total; k++) {
    let day: Day;
    if (forcedLate.has(k) && plans.length > 3) {
      // Received after the papers deadline of the next sitting: booked into the one after.
      const target = plans[rng.int(1, plans.length - 3)]!;
      const due = wd(clock, target.generated.date, -policy.papersWorkingDaysBefore);
      day = wd(clock, due, rng.int(1, 3));
    } else
      // Spread over the window (one draw in each of `total` equal slices): a steady referral rate.
      day = onOrAfter(
        clock,
        addDays(firstReceiveDay, Math.floor(((k + rng.next()) * span) / total)),
      );
    if (day > lastReceiveDay) day = onOrBefore(clock, lastReceiveDay);
    receiveTimes.push(instant(day, tod(clock.rng, H(9, 15), H(16))));
  }
  receiveTimes.sort((a, b) => instantMs(a) - instantMs(b));
  return receiveTimes;
};

/** The moved, the cancelled and the re-venued sittings: ones with referrals booked, so rebooking shows. */
export const chooseSpecials = (
  run: PanelRun,
  receiveTimes: ReadonlyArray<string>,
): { middle: SittingPlan[]; bookedPlain: Map<string, string[]> } => {
  const { rng, policy, cal, plans, generated } = run;

  const middle = plans.filter((_, i) => i >= 3 && i < plans.length - 3);
  const plain = middle.filter((p) => p.generated.movedFrom === null);
  // Who the generated schedule would book at each receive time (moves and cancellations come later).
  const bookedPlain = new Map<string, string[]>();
  for (const t of receiveTimes) {
    const b = bookingFor(t, currentSchedule(generated, []), policy, cal);
    if (b !== undefined) bookedPlain.set(b.sittingId, [...(bookedPlain.get(b.sittingId) ?? []), t]);
  }
  const booked = (p: SittingPlan): boolean => (bookedPlain.get(p.id) ?? []).length > 0;
  const candidates = shuffle(rng, plain.length >= 5 ? plain : middle);
  // The moved and the cancelled sittings have referrals booked, so their rebooking shows.
  const specials: Special[] = ['moved', 'cancelled', 'revenued'];
  if (rng.chance(0.7)) specials.push('revenued');
  for (const s of specials) {
    const p =
      candidates.find((c) => c.special === null && (s === 'revenued' || booked(c))) ??
      candidates.find((c) => c.special === null);
    if (p !== undefined) p.special = s;
  }
  return { middle, bookedPlain };
};

/** Each sitting scheduled and notified; some re-venued, one moved, one cancelled. */
export const scheduleSittings = (
  run: PanelRun,
  bookedPlain: ReadonlyMap<string, string[]>,
): void => {
  const { rng, cal, clock, people, bs, sittings, members, plans, windowStart } = run;

  for (const p of plans) {
    const earliest = onOrAfter(clock, addDays(p.date, -70));
    const schedDay = earliest < windowStart ? windowStart : earliest;
    const scheduledAt = instant(schedDay, tod(clock.rng, H(9, 30), H(10, 30)));
    addSitting(
      p,
      sittings.write('ScheduleSitting', scheduledAt, bs.actor, {
        sittingId: p.id,
        meetingId: `mtg-panel-${p.id}`,
      }),
    );
    addSitting(
      p,
      sittings.write('NotifyMembers', plusMinutes(scheduledAt, 60 + 5 * rng.int(0, 12)), bs.actor, {
        sittingId: p.id,
        members,
      }),
    );
    const changeDay = (daysBefore: number): Day => {
      const d = onOrAfter(clock, addDays(p.date, -daysBefore));
      return d <= schedDay ? nextWorkingDay(cal, schedDay) : d;
    };
    switch (p.special) {
      case 'revenued': {
        const at = instant(changeDay(rng.int(14, 24)), tod(clock.rng, H(10), H(12)));
        addSitting(
          p,
          sittings.write('ChangeSittingVenue', at, bs.actor, {
            sittingId: p.id,
            venue: rng.pick(VENUES),
            reason: rng.pick(VENUE_REASONS),
          }),
        );
        addSitting(
          p,
          sittings.write('NotifyMembers', plusMinutes(at, 30), bs.actor, {
            sittingId: p.id,
            members,
          }),
        );
        break;
      }
      case 'moved': {
        // At short notice: after the referrals booked into it, before the sitting.
        const latest = (bookedPlain.get(p.id) ?? []).reduce(
          (a, t) => (londonDayOf(t) > a ? londonDayOf(t) : a),
          onOrAfter(clock, addDays(p.date, -30)),
        );
        const moveDay = wd(clock, latest, rng.int(1, 2));
        const limit = wd(clock, p.date, -2);
        const at = instant(moveDay < limit ? moveDay : limit, tod(clock.rng, H(10), H(12)));
        const to = onOrAfter(clock, addDays(p.date, 7));
        addSitting(
          p,
          sittings.write('MoveSitting', at, people.chair.rep.actor, {
            sittingId: p.id,
            date: to,
            reason: rng.pick(MOVE_REASONS),
          }),
        );
        addSitting(
          p,
          sittings.write('NotifyMembers', plusMinutes(at, 30), bs.actor, {
            sittingId: p.id,
            members,
          }),
        );
        p.changeAt = at;
        break;
      }
      case 'cancelled': {
        const at = instant(wd(clock, p.date, -rng.int(3, 5)), tod(clock.rng, H(9, 30), H(11)));
        addSitting(
          p,
          sittings.write('CancelSitting', at, people.chair.rep.actor, {
            sittingId: p.id,
            reason: rng.pick(CANCEL_REASONS),
          }),
        );
        p.changeAt = at;
        break;
      }
      default:
        break;
    }
    const state = fold(run, p.commands);
    if (state.slot !== null) {
      p.date = state.slot.date;
      p.start = state.slot.start;
    }
  }
};

/** Who attended each sitting (apologies, deputies, emergencies) and its holding. */
export const holdSittings = (run: PanelRun): SittingPlan[] => {
  const { rng, people, bs, sittings, plans, chairRoles } = run;

  const held = plans.filter((p) => p.special !== 'cancelled');
  const coChairs = new Set(
    shuffle(
      rng,
      held.filter((p) => p.special === null),
    )
      .slice(0, 3)
      .map((p) => p.id),
  );
  const forcedDeputy = new Set(
    shuffle(
      rng,
      held.filter((p) => p.special === null && !coChairs.has(p.id)),
    )
      .slice(0, 2)
      .map((p) => p.id),
  );
  for (const p of held) {
    const others = people.seats.filter((s) => !chairRoles.has(s.role));
    const deputySeat = forcedDeputy.has(p.id)
      ? rng.pick(others.filter((s) => s.role !== 'business-support'))
      : undefined;
    const attendees: Attendee[] = [];
    for (const seat of people.seats) {
      let status: 'present' | 'apologies' | 'deputy' = 'present';
      let emergency: string | undefined;
      if (seat === people.chair) {
        if (p.special === 'no-chair' || coChairs.has(p.id)) status = 'apologies';
      } else if (seat === people.coChair) {
        if (p.special === 'no-chair') {
          status = 'deputy';
          emergency = `The co-chair was ${rng.pick(EMERGENCIES)}; a senior practitioner deputised`;
        }
      } else if (seat.role !== 'business-support') {
        const roll = rng.next();
        if (seat === deputySeat || roll < 0.04) {
          status = 'deputy';
          emergency = `The named representative was ${rng.pick(EMERGENCIES)}`;
        } else if (roll < 0.17) status = 'apologies';
      }
      const person = status === 'deputy' ? seat.deputy : seat.rep;
      p.attendees.push({ seat, person, status });
      attendees.push({
        role: seat.role,
        member: person.member,
        status,
        ...(emergency === undefined ? {} : { emergency }),
      });
    }
    addSitting(
      p,
      sittings.write('RecordAttendance', plusMinutes(p.start, rng.int(0, 3)), bs.actor, {
        sittingId: p.id,
        attendees,
      }),
    );
    addSitting(
      p,
      sittings.write('HoldSitting', plusMinutes(p.start, 5), bs.actor, { sittingId: p.id }),
    );
    p.facts = sittingFacts(fold(run, p.commands)) ?? null;
  }
  return held;
};
