/** What the phases of the panel's history share: the plans of sittings and referrals, and the council system's view of the schedule. */
import * as E from 'fp-ts/lib/Either.js';
import { instantMs, type Calendar, nextWorkingDay } from '@aimline/calendar';
import type { makeSittingDecider } from '@aimline/panel';
import {
  type BehaviourType,
  type Booking,
  bookingFor,
  type Child,
  currentSchedule,
  type Member,
  type PanelPolicy,
  type PanelReferralCommand,
  type PanelSittingCommand,
  type Professional,
  type Rating,
  type ScheduledSitting,
  type ScheduleEntry,
  type SittingFacts,
  type SittingState,
} from '@aimline/panel';
import { nextYearlyId, type CommandWriter } from '../case-writer.js';
import { type Clock, type Day, H, instant, onOrAfter, tod } from '../london-time.js';
import type { Rng } from '../rng.js';
import type { People, Person, Seat } from './people.js';

/** A random working day in [a, b] (a when the range holds none). */
export const workingDayBetween = (c: Clock, a: Day, b: Day): Day => {
  const days: Day[] = [];
  for (let d = onOrAfter(c, a); d <= b; d = nextWorkingDay(c.cal, d)) days.push(d);
  return days.length === 0 ? onOrAfter(c, a) : c.rng.pick(days);
};

export type Special = 'moved' | 'cancelled' | 'revenued' | 'no-chair';

export interface SittingPlan {
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

/** A referral on a sitting's agenda: decided there, not reached, or reviewed. */
type Item =
  | { readonly kind: 'decision' | 'not-reached'; readonly ref: ReferralPlan }
  | {
      readonly kind: 'review';
      readonly ref: ReferralPlan;
      readonly rating: Rating;
      readonly reason: string;
      readonly close: boolean;
    };

export interface ReferralPlan {
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

/** What every phase of the panel's history works with: the council, its people and sittings, the writers. */
export interface PanelRun {
  readonly rng: Rng;
  readonly policy: PanelPolicy;
  readonly cal: Calendar;
  readonly clock: Clock;
  readonly decider: ReturnType<typeof makeSittingDecider>;
  readonly people: People;
  readonly bs: Person;
  readonly sittings: CommandWriter<PanelSittingCommand>;
  readonly referrals: CommandWriter<PanelReferralCommand>;
  readonly members: Member[];
  readonly windowStart: Day;
  /** The generated schedule (beyond the window too, so a booking always finds a sitting). */
  readonly generated: ReadonlyArray<ScheduledSitting>;
  readonly plans: ReadonlyArray<SittingPlan>;
  readonly byId: ReadonlyMap<string, SittingPlan>;
  readonly chairRoles: ReadonlySet<string>;
  /** Children numbered so far, and referrals numbered per year. */
  readonly seq: { child: number; readonly perYear: Map<string, number> };
}

/** The state of a sitting after its commands, folded with the real decider (refused: a generator bug). */
export const fold = (run: PanelRun, commands: ReadonlyArray<PanelSittingCommand>): SittingState => {
  const { decider } = run;
  return commands.reduce((state, c) => {
    const r = decider.decide(c, state);
    if (E.isLeft(r))
      throw new Error(
        `panel demo: ${c.type} on ${c.data.sittingId} refused locally (${r.left.ruleId}: ${r.left.reason})`,
      );
    return r.right.reduce(decider.evolve, state);
  }, decider.initialState);
};

export const addSitting = (p: SittingPlan, c: PanelSittingCommand): void => {
  p.commands.push(c);
};

/** The schedule a council system sees at `at`: generated, overlaid with moves and cancellations. */
export const scheduleAt = (run: PanelRun, at: string): ScheduleEntry[] =>
  currentSchedule(
    run.generated,
    run.plans.map((p) =>
      fold(
        run,
        p.commands.filter((c) => instantMs(c.at) < instantMs(at)),
      ),
    ),
  );

/** The booking a referral received at `at` gets (PNL-4). */
export const bookAt = (run: PanelRun, at: string): Booking | undefined =>
  bookingFor(at, scheduleAt(run, at), run.policy, run.cal);

export const nextReferralId = (run: PanelRun, day: Day): string =>
  nextYearlyId('pnl', run.seq.perYear, day);

/** A time in office hours on `day`. */
export const dayTime = (run: PanelRun, day: Day): string =>
  instant(day, tod(run.rng, H(9, 30), H(16, 30)));
