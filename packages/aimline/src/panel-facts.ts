/**
 * Cross-stream facts of the panel, from the store (issue 15): a referral's booking is computed
 * from the panel's actual sitting streams (moves and cancellations included) and a decision's
 * sitting facts are loaded from the sitting's stream. A fact the caller sends is compared with
 * the computed one and refused when it differs; an omitted fact is filled in.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  addMonthsToDate,
  instantMs,
  localDate,
  londonDay,
  londonTime,
  parseInstant,
} from '@aimline/calendar';
import type { CommandHandler } from '@aimline/kernel';
import {
  bookingFor,
  currentSchedule,
  rebookingFor,
  ReferralId,
  SittingId,
  sittingFacts,
  sittingStream,
  sittingsBetween,
  referralStream,
  type Booking,
  type PanelReferralCommand,
  type ReferralState,
  type ScheduleEntry,
  type SittingFacts,
  type SittingState,
} from '@aimline/panel';
import type { CouncilPolicy } from './council-policy.js';
import type { TypedModules } from './registry.js';
import { rejected, refusalOf, type Refusal } from './result.js';

/** How far ahead a booking looks for a sitting (months). */
const BOOKING_HORIZON_MONTHS = 13;

type Data = Readonly<Record<string, unknown>>;

export interface PanelFactsContext {
  readonly handler: CommandHandler;
  readonly modules: TypedModules;
  readonly policy: CouncilPolicy;
}

const loadState = async <S>(
  ctx: PanelFactsContext,
  module: TypedModules['panelSitting'] | TypedModules['panelReferral'],
  stream: string,
): Promise<E.Either<Refusal, S>> => {
  const loaded = await ctx.handler.load(module as TypedModules['panelSitting'], stream);
  return E.isLeft(loaded)
    ? E.left(refusalOf(loaded.left, stream))
    : E.right(loaded.right.state as unknown as S);
};

/** The sittings from the month before `at` for the booking horizon, as their streams now say. */
export const scheduleAt = async (
  ctx: PanelFactsContext,
  at: string,
): Promise<E.Either<Refusal, ScheduleEntry[]>> => {
  const { panel, calendar } = ctx.policy;
  const from = localDate(at);
  const generated = sittingsBetween(
    panel,
    calendar,
    addMonthsToDate(from, -1),
    addMonthsToDate(from, BOOKING_HORIZON_MONTHS),
  );
  const states: SittingState[] = [];
  for (const g of generated) {
    const s = await loadState<SittingState>(
      ctx,
      ctx.modules.panelSitting,
      sittingStream(g.sittingId),
    );
    if (E.isLeft(s)) return s;
    states.push(s.right);
  }
  return E.right(currentSchedule(generated, states));
};

const describeBooking = (b: Booking): string =>
  `sitting ${b.sittingId} on ${londonDay(b.sittingDate)} starting ${londonTime(b.sittingStart)}, papers due by ${londonTime(b.papersDue)}`;

const sameInstant = (a: unknown, b: string): boolean =>
  typeof a === 'string' && parseInstant(a) === instantMs(b);

/**
 * Whether `given` (what the caller sent) is an object that agrees with `expected` on these
 * fields: equal, or for `instantFields` the same instant however written.
 */
const sameOn =
  <T>(
    fields: ReadonlyArray<keyof T & string>,
    instantFields: ReadonlyArray<keyof T & string> = [],
  ) =>
  (given: unknown, expected: T): boolean => {
    if (typeof given !== 'object' || given === null) return false;
    const g = given as Data;
    return (
      fields.every((k) => g[k] === expected[k]) &&
      instantFields.every((k) => sameInstant(g[k], expected[k] as string))
    );
  };

const sameBooking = sameOn<Booking>(['sittingId', 'sittingDate'], ['sittingStart', 'papersDue']);
const sameFacts = sameOn<SittingFacts>(['sittingId', 'date', 'held', 'cancelled', 'chairedBy']);

/** The booking fact: the computed one, unless the caller sent another. */
const useBooking = (data: Data, booking: Booking, ruleId: string): E.Either<Refusal, Data> =>
  data['booking'] === undefined || sameBooking(data['booking'], booking)
    ? E.right({ ...data, booking })
    : E.left(
        rejected(
          ruleId,
          `the booking is computed from the panel's sittings as they stand: ${describeBooking(booking)}; send it as that or leave it out`,
          'data.booking',
        ),
      );

/** The sitting fact: loaded from the sitting's stream, unless the caller sent another. */
const useSittingFacts = async (
  ctx: PanelFactsContext,
  data: Data,
  sittingId: string,
): Promise<E.Either<Refusal, Data>> => {
  const state = await loadState<SittingState>(
    ctx,
    ctx.modules.panelSitting,
    sittingStream(sittingId),
  );
  if (E.isLeft(state)) return state;
  const facts = sittingFacts(state.right);
  if (facts === undefined)
    return E.left(
      rejected('PNL-1', `sitting ${sittingId} has not been scheduled`, 'data.sitting.sittingId'),
    );
  return data['sitting'] === undefined || sameFacts(data['sitting'], facts)
    ? E.right({ ...data, sitting: facts })
    : E.left(
        rejected(
          'PNL-6',
          `the sitting's facts come from its stream: ${facts.held ? 'held' : 'not held'}${facts.cancelled ? ', cancelled' : ''}, chaired by ${facts.chairedBy ?? 'neither the chair nor the co-chair'}; send them as that or leave them out`,
          'data.sitting',
        ),
      );
};

const sittingIdOf = (value: unknown): string | undefined => {
  const id = typeof value === 'object' && value !== null ? (value as Data)['sittingId'] : undefined;
  return SittingId.is(id) ? id : undefined;
};

/**
 * The fields of panel referral commands that the service fills in from the sitting streams when
 * a command leaves them out (and refuses when they differ). The HTTP API's document marks them
 * optional from this table.
 */
export const SUPPLIED_REFERRAL_FACTS: Readonly<
  Partial<Record<PanelReferralCommand['type'], ReadonlyArray<string>>>
> = {
  ReceiveReferral: ['booking'],
  RebookReferral: ['booking'],
  RecordDecision: ['sitting'],
};

/** The panel referral commands whose data carries a fact from another stream. */
const NEEDS_FACTS = new Set<string>([...Object.keys(SUPPLIED_REFERRAL_FACTS), 'RecordReview']);

/**
 * A panel referral command's data with its cross-stream facts supplied from the store, or why
 * not. `at` must be a valid instant and `data.referralId` a valid id (checked here: the full
 * command is decoded strictly afterwards).
 */
export const supplyReferralFacts = async (
  ctx: PanelFactsContext,
  type: string,
  at: string,
  data: Data,
): Promise<E.Either<Refusal, Data>> => {
  if (!NEEDS_FACTS.has(type)) return E.right(data);
  if (!t.string.is(at) || parseInstant(at) === undefined || !ReferralId.is(data['referralId']))
    return E.right(data); // the strict decode that follows names the fields
  const referral = await loadState<ReferralState>(
    ctx,
    ctx.modules.panelReferral,
    referralStream(data['referralId']),
  );
  if (E.isLeft(referral)) return referral;
  const state = referral.right;
  switch (type) {
    case 'ReceiveReferral': {
      const schedule = await scheduleAt(ctx, at);
      if (E.isLeft(schedule)) return schedule;
      const booking = bookingFor(at, schedule.right, ctx.policy.panel, ctx.policy.calendar);
      if (booking === undefined)
        return E.left(
          rejected(
            'PNL-4',
            `no sitting in the next ${BOOKING_HORIZON_MONTHS} months can take the referral`,
            'data.booking',
          ),
        );
      return useBooking(data, booking, 'PNL-4');
    }
    case 'RebookReferral': {
      if (state.booking === null) return E.right(data); // the decider refuses: nothing to rebook
      const schedule = await scheduleAt(ctx, at);
      if (E.isLeft(schedule)) return schedule;
      const rebooking = rebookingFor(
        state.booking,
        schedule.right,
        at,
        ctx.policy.panel,
        ctx.policy.calendar,
        state.papersSent?.at,
      );
      if (rebooking.kind === 'unchanged')
        return E.left(
          rejected(
            'PNL-4',
            `the booked sitting stands: ${describeBooking(state.booking)}`,
            'data.booking',
          ),
        );
      if (rebooking.kind === 'no-sitting')
        return E.left(rejected('PNL-4', rebooking.reason, 'data.booking'));
      return useBooking(data, rebooking.booking, 'PNL-4');
    }
    case 'RecordDecision': {
      const sittingId = sittingIdOf(data['sitting']) ?? state.booking?.sittingId;
      if (sittingId === undefined) return E.right(data); // the decider refuses: not booked
      return useSittingFacts(ctx, data, sittingId);
    }
    default: {
      const sittingId = sittingIdOf(data['sitting']);
      return sittingId === undefined ? E.right(data) : useSittingFacts(ctx, data, sittingId);
    }
  }
};
