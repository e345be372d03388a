import { instantMs, addDays } from '@aimline/calendar';
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

import {
  makeSittingDecider,
  type PanelReferralCommand,
  type PanelSittingCommand,
  sittingsBetween,
} from '@aimline/panel';
import { CommandWriter, type Draft, toSteps } from '../case-writer.js';
import { type Clock, demoWindow, onOrAfter } from '../london-time.js';
import { shuffle } from '../rng.js';
import { moduleNamed, type ScenarioGenerator } from '../scenario.js';
import { sittingBusiness } from './business.js';
import { makePeople } from './people.js';
import { bookReferrals, planDecisions, planReferrals } from './referrals.js';
import { type PanelRun, type SittingPlan } from './run.js';
import { chooseSpecials, holdSittings, receiveTimesFor, scheduleSittings } from './sittings.js';

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
  const generated = sittingsBetween(policy, cal, windowStart, addDays(windowEnd, 150));
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
  const run: PanelRun = {
    rng,
    policy,
    cal,
    clock,
    decider,
    people,
    bs,
    sittings,
    referrals,
    members: people.seats.map((s) => s.rep.member),
    windowStart,
    generated,
    plans,
    byId,
    chairRoles: new Set([policy.chairRole, policy.coChairRole]),
    seq: { child: 0, perYear: new Map() },
  };
  const receiveTimes = receiveTimesFor(run, ctx.cases);
  const { middle, bookedPlain } = chooseSpecials(run, receiveTimes);
  scheduleSittings(run, bookedPlain);
  const refs = planReferrals(run, receiveTimes, middle);
  const held = holdSittings(run);
  bookReferrals(run, refs);
  planDecisions(run, refs);

  const lateMinutes = new Set(
    shuffle(
      rng,
      held.filter((p) => p.special !== 'no-chair'),
    )
      .slice(0, 2)
      .map((p) => p.id),
  );
  for (const p of held) sittingBusiness(run, p, lateMinutes);

  // Steps, in the order the world produced them, up to the end of the window.

  const inWindowInOrder = drafts
    .map((d, i) => ({ d, i }))
    .filter(({ d }) => instantMs(d.command.at) < instantMs(endInstant))
    .sort((a, b) => instantMs(a.d.command.at) - instantMs(b.d.command.at) || a.i - b.i)
    .map(({ d }) => d);
  return toSteps(inWindowInOrder, rng);
};
