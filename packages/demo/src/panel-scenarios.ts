/**
 * Synthetic history of the monthly AIM information-exchange panel for `aimline demo`: every
 * sitting over the demo window from the council's pattern (the months whose pattern day is a bank
 * holiday move to the next working day), a sitting or two re-venued, one moved, one cancelled with
 * its referrals rebooked, one where neither the chair nor the co-chair could attend (its referrals
 * are not reached and go to the next sitting); and about two referrals per case of invented
 * children aged 5-18, each booked into the earliest sitting it can make (PNL-4, visibly), papers,
 * previous contacts, the referrer presenting, the decision (route, rating, Brook band), actions
 * and updates, minutes, 12-weekly reviews of red and amber cases with escalations and
 * de-escalations, and hand-offs to HSB AIM. Two commands are refused on purpose (PNL-3, PNL-2).
 *
 * Cross-stream facts are computed as a council system would: `bookingFor` / `rebookingFor` over
 * `currentSchedule`, and `sittingFacts` of the sitting's state folded with the real decider.
 * Pure apart from `ctx.rng`.
 */
import * as E from 'fp-ts/lib/Either.js';
import { ageOn, instantMs, nextWorkingDay } from '@aimline/calendar';
import type { Actor } from '@aimline/kernel';
import {
  bandsForAge,
  bookingFor,
  currentSchedule,
  makeSittingDecider,
  rebookingFor,
  sittingFacts,
  sittingsBetween,
  type Attendee,
  type BehaviourType,
  type Booking,
  type Child,
  type Gender,
  type Member,
  type PanelPolicy,
  type PanelReferralCommand,
  type PanelSittingCommand,
  type Professional,
  type Rating,
  type ScheduleEntry,
  type ScheduledSitting,
  type SittingFacts,
  type SittingState,
} from '@aimline/panel';
import { CommandWriter, toSteps, type Draft } from './case-writer.js';
import { dateOfBirthFor, inventName } from './invented-people.js';
import { shuffle, type Rng } from './rng.js';
import { moduleNamed, type ScenarioGenerator } from './scenario.js';
import {
  daysBetween,
  demoWindow,
  H,
  instant,
  londonDayOf,
  onOrAfter,
  onOrBefore,
  plusDays,
  plusMinutes,
  tod,
  wd,
  type Clock,
  type Day,
} from './london-time.js';

// ── dates and times in Europe/London ─────────────────────────────────────────

const ms = instantMs;

/** A random working day in [a, b] (a when the range holds none). */
const workingDayBetween = (c: Clock, a: Day, b: Day): Day => {
  const days: Day[] = [];
  for (let d = onOrAfter(c, a); d <= b; d = nextWorkingDay(c.cal, d)) days.push(d);
  return days.length === 0 ? onOrAfter(c, a) : c.rng.pick(days);
};

// ── invented people ──────────────────────────────────────────────────────────

/** The actor agency of a panel seat (roles a council adds count as a partner agency). */
const SEAT_AGENCY: Readonly<Record<string, string>> = {
  chair: 'council',
  'co-chair': 'children-social-care',
  'business-support': 'business-support',
  'youth-offending': 'youth-offending-service',
  'early-help': 'early-help',
  'clinical-psychology': 'health',
  police: 'police',
  'safeguarding-nurse': 'health',
  'alternative-education': 'education',
  'access-and-inclusion': 'education',
  sen: 'education',
  'safeguarding-team-manager': 'children-social-care',
};

interface Person {
  readonly member: Member;
  readonly actor: Actor;
}

interface Seat {
  readonly role: string;
  readonly rep: Person;
  readonly deputy: Person;
}

interface People {
  readonly seats: ReadonlyArray<Seat>;
  readonly chair: Seat;
  readonly coChair: Seat;
  readonly businessSupport: Person;
  readonly referrers: ReadonlyArray<Professional>;
}

const makePeople = (rng: Rng, policy: PanelPolicy): People => {
  const used = new Set<string>();
  const newId = (prefix: string): string => {
    for (;;) {
      const id = `${prefix}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
      if (!used.has(id)) {
        used.add(id);
        return id;
      }
    }
  };
  const person = (role: string): Person => {
    const agency = SEAT_AGENCY[role] ?? 'partner-agency';
    const id = newId(`pnl-${role.toLowerCase().replace(/[^a-z]+/g, '-')}`.replace(/-+$/, ''));
    return {
      member: { memberId: id, name: inventName(rng), role, agency },
      actor: { id, role, agency },
    };
  };
  const seats = policy.roles.map((r) => ({ role: r.id, rep: person(r.id), deputy: person(r.id) }));
  const seat = (role: string): Seat => {
    const s = seats.find((x) => x.role === role);
    if (s === undefined) throw new Error(`panel demo: the policy has no seat ${role}`);
    return s;
  };
  const bs = seats.find((s) => s.role === 'business-support')?.rep ?? {
    member: {
      memberId: 'pnl-business-support-0001',
      name: inventName(rng),
      role: 'business-support',
      agency: 'business-support',
    },
    actor: {
      id: 'pnl-business-support-0001',
      role: 'business-support',
      agency: 'business-support',
    },
  };
  const referrer = (prefix: string, role: string, agency: string): Professional => ({
    id: newId(prefix),
    name: inventName(rng),
    role,
    agency,
  });
  return {
    seats,
    chair: seat(policy.chairRole),
    coChair: seat(policy.coChairRole),
    businessSupport: bs,
    referrers: [
      referrer('sw', 'social worker', 'children-social-care'),
      referrer('sw', 'social worker', 'children-social-care'),
      referrer('dsl', 'designated safeguarding lead', 'education'),
      referrer('dsl', 'designated safeguarding lead', 'education'),
      referrer('pc', 'police officer, vulnerable persons unit', 'police'),
      referrer('sn', 'school nurse', 'health'),
      referrer('yos', 'youth justice officer', 'youth-offending-service'),
      referrer('eh', 'early help practitioner', 'early-help'),
    ],
  };
};

// ── invented content ─────────────────────────────────────────────────────────

const CONCERNS: Readonly<Record<BehaviourType, ReadonlyArray<string>>> = {
  contact: [
    'A younger pupil told a teaching assistant about unwanted touching in the toilets (synthetic).',
    'A foster carer saw the child touching a younger child in a sexual way at bedtime (synthetic).',
    'Staff at an after-school club saw the child pressuring a younger child into a sexual game (synthetic).',
  ],
  'non-contact': [
    'The child exposed himself to younger children in the park on two occasions (synthetic).',
    'Repeated sexualised language and gestures towards classmates despite warnings (synthetic).',
  ],
  'online-technology-assisted': [
    'A parent found explicit images the child had asked a classmate to send through a messaging app (synthetic).',
    'The child shared a sexual image of another pupil in a year-group chat (synthetic).',
    'Sexualised messages sent to a younger child on a gaming platform (synthetic).',
  ],
  other: [
    'Sexualised drawings and talk at school not expected for the child’s age (synthetic).',
    'A sibling’s disclosure of sexualised behaviour at home, details unclear (synthetic).',
  ],
};

const CONTACTS = [
  'Two previous contacts about behaviour at school; no police involvement (synthetic).',
  'Known to the service as a sibling in an earlier child in need plan (synthetic).',
  'One previous police report, no further action; no open case (synthetic).',
  'Attended the school nursing drop-in twice this term; no safeguarding concerns recorded (synthetic).',
  'No previous contacts or involvement found in this agency’s records (synthetic).',
  'Open to early help for school attendance; family engaging (synthetic).',
] as const;

const ACTIONS = [
  'Share the school’s behaviour log and safety plan with the allocated worker.',
  'Complete a home visit with the family and agree supervision at home.',
  'Offer the parents the online safety session and check devices are supervised.',
  'Check police systems for any further intelligence and report back.',
  'Arrange a consultation with the clinical psychologist for the allocated worker.',
  'Review the child’s education plan and supervision arrangements at school.',
  'Refer the family to early help for parenting support.',
] as const;

const UPDATES_PARTIAL = [
  'Started; first meeting held, report to follow (synthetic).',
  'In progress: waiting for the family to confirm a date (synthetic).',
] as const;
const UPDATES_DONE = [
  'Done; summary shared with the panel members (synthetic).',
  'Completed and recorded on the child’s file (synthetic).',
  'Done; no further concerns identified (synthetic).',
] as const;

const VENUES = [
  'Meadowbank Children’s Centre, Larkspur Avenue',
  'Civic Offices, Committee Room 2',
  'Kestrel Hill Family Hub, Mossbridge Road',
] as const;
const VENUE_REASONS = [
  'The usual room is booked for a training day; the panel meets elsewhere this month.',
  'Building works at the usual venue; the room is not available this month.',
] as const;
const MOVE_REASONS = [
  'The chair and co-chair are required at a joint inspection on the usual date.',
  'The usual date clashes with the partnership’s annual safeguarding conference.',
] as const;
const CANCEL_REASONS = [
  'The venue is closed for emergency repairs and no other room could be found at short notice.',
  'A severe weather warning closed the venue; members could not travel safely.',
] as const;
const EMERGENCIES = [
  'called to an urgent child protection strategy meeting',
  'covering a critical incident in the service',
  'sudden illness on the day',
  'attending an urgent court hearing',
] as const;
const ABSENT_REASONS = [
  'The referrer was on leave; the report was presented by the chair from the papers.',
  'The referrer was called to an urgent visit; written information was provided.',
] as const;

const ESCALATE = [
  'Escalated: new online contact with a younger child reported by the school.',
  'Escalated: the safety plan broke down at home and supervision could not be kept.',
  'Escalated: further police intelligence about behaviour in the community.',
] as const;
const DEESCALATE = [
  'De-escalated: the child is engaging with the intervention and the safety plan is holding.',
  'De-escalated: no further incidents for three months; supervision working at home and school.',
  'De-escalated: the assessment found lower risk than first thought.',
] as const;
const UNCHANGED = [
  'No change: the intervention is under way; review again in 12 weeks.',
  'No change: assessment still in progress; the safety plan stays in place.',
] as const;

const RATIONALE: Readonly<Record<Rating, string>> = {
  green: 'Behaviour within the range expected for the child’s age and development, with context.',
  amber: 'Problematic behaviour outside healthy development; needs assessment and a plan.',
  red: 'Harmful behaviour with coercion or a significant age gap; needs specialist intervention.',
};

const ROUTES_FOR: Readonly<Record<Rating, ReadonlyArray<string>>> = {
  green: ['advice-and-signposting', 'early-help', 'community-intervention'],
  amber: ['community-intervention', 'aim-assessment', 'early-help'],
  red: ['aim-assessment', 'treatment-programme'],
};

const AGES = [5, 6, 7, 8, 9, 9, 10, 11, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 16, 16, 17, 18];
const GENDERS: ReadonlyArray<Gender> = [
  'male',
  'male',
  'male',
  'male',
  'male',
  'male',
  'female',
  'female',
  'female',
  'other',
  'not-recorded',
];
const BEHAVIOURS: ReadonlyArray<BehaviourType> = [
  'contact',
  'contact',
  'contact',
  'online-technology-assisted',
  'online-technology-assisted',
  'online-technology-assisted',
  'non-contact',
  'non-contact',
  'other',
];
const RATINGS: ReadonlyArray<Rating> = [
  'amber',
  'red',
  'green',
  'amber',
  'green',
  'red',
  'amber',
  'green',
];

// ── plans ────────────────────────────────────────────────────────────────────

type Special = 'moved' | 'cancelled' | 'revenued' | 'no-chair';

interface SittingPlan {
  readonly generated: ScheduledSitting;
  readonly id: string;
  special: Special | null;
  /** Moves and cancellations: when they happened (referrals booked before are rebooked). */
  changeAt: string | null;
  readonly commands: PanelSittingCommand[];
  /** After attendance and holding (null when cancelled). */
  facts: SittingFacts | null;
  date: Day;
  start: string;
  attendees: Array<{ readonly seat: Seat; readonly person: Person; readonly status: string }>;
  readonly items: Item[];
  actionSeq: number;
}

type Item =
  | { readonly kind: 'decision'; readonly ref: ReferralPlan }
  | { readonly kind: 'not-reached'; readonly ref: ReferralPlan }
  | {
      readonly kind: 'review';
      readonly ref: ReferralPlan;
      readonly rating: Rating;
      readonly reason: string;
      readonly close: boolean;
    };

interface ReferralPlan {
  id: string;
  readonly child: Child;
  readonly receivedAt: string;
  readonly referrer: Professional;
  readonly behaviours: BehaviourType[];
  readonly concern: string;
  readonly rating: Rating;
  route: string;
  booking: Booking | null;
  decidedAt: SittingPlan | null;
}

/**
 * The synthetic panel history. `ctx.cases * 2` referrals over `ctx.years` years from `ctx.from`.
 */
export const panelScenarios: ScenarioGenerator = (ctx) => {
  const { rng } = ctx;
  const policy = ctx.policy.panel;
  const cal = ctx.policy.calendar;
  const clock: Clock = { cal, rng };
  const sittingModule = moduleNamed(ctx.modules, 'panel-sitting');
  const referralModule = moduleNamed(ctx.modules, 'panel-referral');
  const decider = makeSittingDecider(policy, cal);
  const people = makePeople(rng, policy);
  const bs = people.businessSupport;
  const drafts: Draft[] = [];
  const sittings = new CommandWriter<PanelSittingCommand>(sittingModule, drafts);
  const referrals = new CommandWriter<PanelReferralCommand>(referralModule, drafts);

  const {
    start: windowStart,
    end: windowEnd,
    endInstant,
  } = demoWindow(ctx.from, ctx.years, (d) => onOrAfter(clock, d));
  // Sittings beyond the window too, so a booking always finds one.
  const generated = sittingsBetween(policy, cal, windowStart, plusDays(windowEnd, 150));
  const inWindow = generated.filter((g) => g.date < windowEnd);
  if (inWindow.length < 2) return [];

  // ── sittings: schedule, notify, re-venue, move, cancel ─────────────────────
  const plans: SittingPlan[] = inWindow.map((g) => ({
    generated: g,
    id: g.sittingId,
    special: null,
    changeAt: null,
    commands: [],
    facts: null,
    date: g.date,
    start: g.start,
    attendees: [],
    items: [],
    actionSeq: 0,
  }));
  const byId = new Map(plans.map((p) => [p.id, p]));
  // ── referrals: who, when ───────────────────────────────────────────────────
  const total = Math.max(2, ctx.cases * 2);
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
        plusDays(firstReceiveDay, Math.floor(((k + rng.next()) * span) / total)),
      );
    if (day > lastReceiveDay) day = onOrBefore(clock, lastReceiveDay);
    receiveTimes.push(instant(day, tod(clock.rng, H(9, 15), H(16))));
  }
  receiveTimes.sort((a, b) => ms(a) - ms(b));

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

  const fold = (commands: ReadonlyArray<PanelSittingCommand>): SittingState =>
    commands.reduce((state, c) => {
      const r = decider.decide(c, state);
      if (E.isLeft(r))
        throw new Error(
          `panel demo: ${c.type} on ${c.data.sittingId} refused locally (${r.left.ruleId}: ${r.left.reason})`,
        );
      return r.right.reduce(decider.evolve, state);
    }, decider.initialState);
  const addSitting = (p: SittingPlan, c: PanelSittingCommand): void => {
    p.commands.push(c);
  };
  const members = people.seats.map((s) => s.rep.member);

  for (const p of plans) {
    const earliest = onOrAfter(clock, plusDays(p.date, -70));
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
      const d = onOrAfter(clock, plusDays(p.date, -daysBefore));
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
          onOrAfter(clock, plusDays(p.date, -30)),
        );
        const moveDay = wd(clock, latest, rng.int(1, 2));
        const limit = wd(clock, p.date, -2);
        const at = instant(moveDay < limit ? moveDay : limit, tod(clock.rng, H(10), H(12)));
        const to = onOrAfter(clock, plusDays(p.date, 7));
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
    const state = fold(p.commands);
    if (state.slot !== null) {
      p.date = state.slot.date;
      p.start = state.slot.start;
    }
  }

  /** The schedule a council system sees at `at`: generated, overlaid with moves and cancellations. */
  const scheduleAt = (at: string): ScheduleEntry[] =>
    currentSchedule(
      generated,
      plans.map((p) => fold(p.commands.filter((c) => ms(c.at) < ms(at)))),
    );
  const book = (at: string): Booking | undefined => bookingFor(at, scheduleAt(at), policy, cal);

  const ratings = shuffle(rng, RATINGS);
  const refs: ReferralPlan[] = [];
  const perYear = new Map<string, number>();
  const nextId = (day: Day): string => {
    const year = day.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    return `pnl-${year}-${String(seq).padStart(3, '0')}`;
  };
  const repeats = Math.max(1, Math.round(total / 8));
  const repeatAt = new Set(
    shuffle(
      rng,
      receiveTimes.map((_, i) => i).filter((i) => i >= Math.floor(total / 3)),
    ).slice(0, repeats),
  );
  let childSeq = 0;
  receiveTimes.forEach((receivedAt, k) => {
    const day = londonDayOf(receivedAt);
    let child: Child | undefined;
    if (repeatAt.has(k)) {
      const earlier = refs.filter(
        (r) =>
          ms(r.receivedAt) < ms(receivedAt) - 90 * 86_400_000 &&
          ageOn(r.child.dateOfBirth, day) <= policy.maximumAge &&
          !refs.some((o) => o !== r && o.child.childId === r.child.childId),
      );
      if (earlier.length > 0) child = rng.pick(earlier).child;
    }
    if (child === undefined) {
      const age = Math.max(policy.minimumAge, Math.min(policy.maximumAge, rng.pick(AGES)));
      child = {
        childId: `ch-${String(++childSeq).padStart(4, '0')}`,
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

  // ── sittings: who attended, holding ────────────────────────────────────────
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
  const chairRoles = new Set([policy.chairRole, policy.coChairRole]);
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
    p.facts = sittingFacts(fold(p.commands)) ?? null;
  }

  // ── referrals: receive, book, rebook, papers, previous contacts ────────────
  const recipients = people.seats
    .filter((s) => s.role !== 'business-support')
    .map((s) => s.rep.member.memberId);
  const contactSeats = people.seats.filter(
    (s) => !chairRoles.has(s.role) && s.role !== 'business-support',
  );
  const dayTime = (day: Day): string => instant(day, tod(clock.rng, H(9, 30), H(16, 30)));
  /** When the papers go out for a booking made at `bookedAt` (some late, PNL-4). */
  const papersTime = (b: Booking, bookedAt: string): string => {
    const dueDay = londonDayOf(b.papersDue);
    const bookedDay = londonDayOf(bookedAt);
    if (rng.chance(0.15)) return dayTime(wd(clock, dueDay, rng.int(1, 2)));
    const from = wd(clock, dueDay, -4);
    const day = workingDayBetween(clock, from > bookedDay ? from : bookedDay, dueDay);
    return day === bookedDay ? plusMinutes(bookedAt, 15 + 5 * rng.int(0, 9)) : dayTime(day);
  };

  const rejectedAgeAt = refs[Math.floor(refs.length / 2)]?.receivedAt;
  for (const r of refs) {
    const b0 = book(r.receivedAt);
    if (b0 === undefined) continue;
    r.id = nextId(londonDayOf(r.receivedAt));
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
            referralId: nextId(londonDayOf(at)),
            child: {
              childId: `ch-${String(++childSeq).padStart(4, '0')}`,
              name: inventName(rng),
              dateOfBirth: dateOfBirthFor(rng, londonDayOf(at), policy.maximumAge + 1),
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
            : plan.changeAt !== null && ms(plan.changeAt) > ms(bookedAt)
              ? plan.changeAt
              : undefined;
      if (planned !== null && (change === undefined || ms(planned) < ms(change))) {
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
          scheduleAt(at),
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
      const at = dayTime(day);
      referrals.write('SharePreviousContacts', at, seat.rep.actor, {
        referralId: r.id,
        member: seat.rep.member,
        contacts: rng.pick(CONTACTS),
      });
    }
  }

  // ── decisions and reviews at the sittings ──────────────────────────────────
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
      const due = plusDays(lastDay, 7 * policy.reviewWeeks);
      const later = reviewable.filter((p) => p.date > plusDays(lastDay, 14));
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

  const lateMinutes = new Set(
    shuffle(
      rng,
      held.filter((p) => p.special !== 'no-chair'),
    )
      .slice(0, 2)
      .map((p) => p.id),
  );
  const closeLater = (r: ReferralPlan, p: SittingPlan, reason: string): void => {
    referrals.write('CloseReferral', dayTime(wd(clock, p.date, rng.int(1, 3))), bs.actor, {
      referralId: r.id,
      reason,
    });
  };

  for (const p of held) {
    const facts = p.facts;
    if (facts === null) continue;
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
    const agree = (r: ReferralPlan, at: string, description: string, owner: Person): void => {
      const dueBy = onOrAfter(clock, plusDays(p.date, rng.int(10, 35)));
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
        const first = dayTime(firstDay);
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
          sittings.write('RecordActionUpdate', dayTime(doneDay), owner.actor, {
            sittingId: p.id,
            actionId,
            update: rng.pick(UPDATES_DONE),
            complete: true,
          }),
        );
      } else
        addSitting(
          p,
          sittings.write('RecordActionUpdate', dayTime(finalDay), owner.actor, {
            sittingId: p.id,
            actionId,
            update: rng.pick(UPDATES_DONE),
            complete: true,
          }),
        );
    };
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
            agree(
              r,
              plusMinutes(decidedAt, 1),
              'Open the HSB AIM case and allocate assessors (hand-off from panel).',
              team.person,
            );
          if (owners.length > 0)
            agree(r, plusMinutes(decidedAt, 2), rng.pick(ACTIONS), rng.pick(owners).person);
          if (!policy.reviewedRatings.includes(r.rating))
            closeLater(
              r,
              p,
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
            sittingId: p.id,
          });
          if (item.rating === 'red' && owners.length > 0 && rng.chance(0.7))
            agree(r, plusMinutes(t, 2), rng.pick(ACTIONS), rng.pick(owners).person);
          if (item.close)
            closeLater(
              r,
              p,
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
  }

  // ── steps, in the order the world produced them, up to the end of the window ──
  const inWindowInOrder = drafts
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => ms(d.command.at) < ms(endInstant))
    .sort((a, b) => ms(a.d.command.at) - ms(b.d.command.at) || a.i - b.i)
    .map(({ d }) => d);
  return toSteps(inWindowInOrder, rng);
};
