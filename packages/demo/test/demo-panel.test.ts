import * as E from 'fp-ts/lib/Either.js';
import {
  expectNoUnplannedOutcomes,
  expectOfficeHoursByInventedActors,
  expectSeedDetermined,
  plannedRejections,
} from './demo-checks.js';
import { describe, expect, it } from 'vitest';
import { collect, InMemoryEventStore, type RecordedEvent } from '@aimline/kernel';
import { quarterOf, scorecard, type PanelEvent } from '@aimline/panel';
import { councilModules, defaultPolicy, scenarioContext } from './council.js';
import { panelScenarios } from '../src/panel/generator.js';
import { runScenarios } from '../src/run-scenarios.js';
import type { ScenarioContext } from '../src/scenario.js';

const policy = defaultPolicy;
const modules = councilModules(policy);
const context = (seed: number, cases = 12, years = 2): ScenarioContext =>
  scenarioContext(seed, { cases, years, from: '2024-01-08T09:00:00Z' });

/** What the panel's synthetic history leaves in the store. */
const characteristic = [
  'SittingScheduled',
  'MembersNotified',
  'SittingVenueChanged',
  'SittingMoved',
  'SittingCancelled',
  'AttendanceRecorded',
  'SittingHeld',
  'ActionAgreed',
  'ActionUpdateReceived',
  'MinutesApproved',
  'MinutesDistributed',
  'ReferralReceived',
  'ReferralBooked',
  'ReferralRebooked',
  'PapersSent',
  'PreviousContactsShared',
  'ReferrerAttendanceRecorded',
  'DecisionRecorded',
  'HsbAimCaseRequested',
  'ReviewRecorded',
  'ReferralClosed',
] as const;

/** The panel's events read back from the store, decoded by their modules. */
const panelEvents = (events: ReadonlyArray<RecordedEvent>): PanelEvent[] =>
  events.flatMap((recorded) => {
    const module = modules.find(
      (m) =>
        (m.name === 'panel-sitting' || m.name === 'panel-referral') &&
        recorded.stream.startsWith(m.streamPrefix),
    );
    if (module === undefined) return [];
    const decoded = module.events.decode(recorded);
    if (E.isLeft(decoded)) throw new Error(`undecodable ${recorded.type}`);
    return [decoded.right as PanelEvent];
  });

const dataOf = <T>(events: ReadonlyArray<PanelEvent>, type: PanelEvent['type']): T[] =>
  events.filter((e) => e.type === type).map((e) => e.data as T);

describe('aimline demo: synthetic panel history', () => {
  it('PNL-6 → HSB-1: with the process managers running, every decision for an HSB AIM route opens its HSB case, and every other goes back to the locality', async () => {
    const steps = panelScenarios(context(7));
    const store = new InMemoryEventStore();
    const result = await runScenarios(store, steps, undefined, { modules });
    expectNoUnplannedOutcomes(result);
    expect(result.handOffs.refused).toEqual([]);
    const recorded = await collect(store.readAll());
    const requested = recorded.filter((e) => e.type === 'HsbAimCaseRequested');
    const opened = recorded.filter((e) => e.type === 'ConcernReported');
    expect(requested.length).toBeGreaterThan(0);
    expect(opened.map((e) => e.metadata.causationId).sort()).toEqual(
      requested.map((e) => e.id).sort(),
    );
    // PNL-6: every other decision is the panel's referral back to the locality (panel-to-locality)
    const decisions = recorded.filter((e) => e.type === 'DecisionRecorded');
    const sentBack = recorded.filter((e) => e.type === 'ReferralReceivedFromPanel');
    const openingCase = new Set(requested.map((e) => e.metadata.commandId));
    expect(sentBack.length).toBeGreaterThan(0);
    expect(sentBack.map((e) => e.metadata.causationId).sort()).toEqual(
      decisions
        .filter((d) => !openingCase.has(d.metadata.commandId))
        .map((d) => d.id)
        .sort(),
    );
    expect(result.handOffs.accepted).toBe(requested.length + sentBack.length);
  });

  it('seed 7, 12 cases over 2 years: every command accepted except the planned typed rejections; the panel’s whole life recorded', async () => {
    const steps = panelScenarios(context(7));
    const store = new InMemoryEventStore();
    const result = await runScenarios(store, steps);
    expectNoUnplannedOutcomes(result);

    expect(plannedRejections(steps, result)).toEqual(['PNL-2', 'PNL-3']);

    const recorded = await collect(store.readAll());
    const events = panelEvents(recorded);
    expect(events).toHaveLength(recorded.length);
    const types = new Set(events.map((e) => e.type));
    expect(
      characteristic.filter((t) => !types.has(t)),
      'event types missing from the store',
    ).toEqual([]);

    // PNL-1: a sitting every month of the window; the bank-holiday months sit the next working day.
    const scheduled = dataOf<{ sittingId: string; movedFrom: { reason: string } | null }>(
      events,
      'SittingScheduled',
    );
    expect(scheduled.map((s) => s.sittingId)).toHaveLength(24);
    // Easter Monday 1 April 2024, the early May bank holidays of 2024 and 2025.
    const moved = scheduled.filter((s) => s.movedFrom !== null);
    expect(moved.map((s) => s.sittingId)).toEqual(['2024-04', '2024-05', '2025-05']);
    expect(moved.every((s) => s.movedFrom?.reason.includes('bank holiday'))).toBe(true);
    expect(dataOf(events, 'SittingMoved')).toHaveLength(1);
    expect(dataOf(events, 'SittingCancelled')).toHaveLength(1);
    expect(dataOf(events, 'SittingVenueChanged').length).toBeGreaterThanOrEqual(1);

    // PNL-2: chair or co-chair; deputies only in an emergency.
    const chairs = dataOf<{ chairedBy: string | null }>(events, 'SittingHeld').map(
      (h) => h.chairedBy,
    );
    expect(new Set(chairs)).toEqual(new Set(['chair', 'co-chair', null]));
    const attendees = dataOf<{ attendees: Array<{ status: string; emergency?: string }> }>(
      events,
      'AttendanceRecorded',
    ).flatMap((a) => a.attendees);
    const deputies = attendees.filter((a) => a.status === 'deputy');
    expect(deputies.length).toBeGreaterThanOrEqual(2);
    expect(deputies.every((d) => (d.emergency ?? '').length > 0)).toBe(true);

    // PNL-4: some referrals too late for a sitting's papers are booked into the next, visibly.
    const bookings = dataOf<{ booking: { skipped: Array<{ reason: string }> } }>(
      events,
      'ReferralBooked',
    );
    const skipped = bookings.flatMap((b) => b.booking.skipped.map((s) => s.reason));
    expect(skipped.filter((r) => r.includes('PNL-4')).length).toBeGreaterThanOrEqual(2);
    const rebooked = dataOf<{ reason: string }>(events, 'ReferralRebooked').map((r) => r.reason);
    expect(rebooked.some((r) => r.includes('cancelled'))).toBe(true);
    expect(rebooked.some((r) => r.includes('moved'))).toBe(true);
    expect(rebooked.some((r) => r.includes('PNL-2'))).toBe(true);
    const papers = dataOf<{ late: boolean }>(events, 'PapersSent');
    expect(papers.filter((p) => p.late).length).toBeGreaterThan(0);
    expect(papers.filter((p) => !p.late).length).toBeGreaterThan(papers.length / 2);

    // PNL-3 / PNL-11: invented children aged 5-18, a range of genders and behaviours, repeats.
    const received = dataOf<{
      ageAtReferral: number;
      child: { childId: string; gender: string };
      behaviourTypes: string[];
    }>(events, 'ReferralReceived');
    expect(received.length).toBeGreaterThanOrEqual(20);
    expect(received.every((r) => r.ageAtReferral >= 5 && r.ageAtReferral <= 18)).toBe(true);
    expect(new Set(received.map((r) => r.child.gender)).size).toBeGreaterThanOrEqual(3);
    const behaviours = new Set(received.flatMap((r) => r.behaviourTypes));
    expect(behaviours.has('online-technology-assisted')).toBe(true);
    expect(behaviours.size).toBeGreaterThanOrEqual(3);
    expect(new Set(received.map((r) => r.child.childId)).size).toBeLessThan(received.length);

    // PNL-6, NAT-9, PNL-10: ratings, routes, bands; reviews that escalate and de-escalate.
    const decisions = dataOf<{ rating: string; route: string; ageBand: string }>(
      events,
      'DecisionRecorded',
    );
    expect(new Set(decisions.map((d) => d.rating))).toEqual(new Set(['red', 'amber', 'green']));
    expect(new Set(decisions.map((d) => d.route)).size).toBeGreaterThanOrEqual(3);
    const reviews = dataOf<{ change: string; reason: string }>(events, 'ReviewRecorded');
    expect(reviews.some((r) => r.change === 'escalated')).toBe(true);
    expect(reviews.some((r) => r.change === 'de-escalated')).toBe(true);
    // PNL-10: most reviews within 12 weeks of the last rating, some late.
    const clocks = new Map<string, number>();
    const gaps: number[] = [];
    for (const e of events) {
      if (e.type !== 'DecisionRecorded' && e.type !== 'ReviewRecorded') continue;
      const previous = clocks.get(e.data.referralId);
      if (e.type === 'ReviewRecorded' && previous !== undefined)
        gaps.push(Date.parse(e.data.at) - previous);
      clocks.set(e.data.referralId, Date.parse(e.data.at));
    }
    const twelveWeeks = 12 * 7 * 86_400_000;
    expect(gaps.filter((g) => g > twelveWeeks).length).toBeGreaterThan(0);
    expect(gaps.filter((g) => g <= twelveWeeks).length).toBeGreaterThan(gaps.length / 2);
    const minutes = dataOf<{ late: boolean }>(events, 'MinutesDistributed');
    expect(minutes.filter((m) => m.late).length).toBeGreaterThan(0);
    expect(minutes.filter((m) => !m.late).length).toBeGreaterThan(minutes.length / 2);

    // PNL-11: the quarterly scorecard has referrals in several quarters.
    const quarters = [...new Set(events.map((e) => quarterOf(e.data.at)))].sort();
    const cards = quarters.map((q) => scorecard(q, events, policy.panel));
    expect(cards.filter((c) => c.referrals > 0).length).toBeGreaterThanOrEqual(5);
    expect(cards.reduce((n, c) => n + c.repeatReferrals, 0)).toBeGreaterThan(0);
    expect(cards.reduce((n, c) => n + c.escalations + c.deEscalations, 0)).toBeGreaterThan(0);
  });

  it('every command happens in business hours (Europe/London) on a working day, written as a UTC instant, by an invented actor', () => {
    const steps = panelScenarios(context(7));
    expectOfficeHoursByInventedActors(steps, policy.calendar, 17 * 60);
  });

  it('the same seed gives the same steps; another seed gives other steps', () => {
    expectSeedDetermined((seed) => panelScenarios(context(seed)));
  });

  it('other seeds, sizes and windows: no unexpected rejection', async () => {
    for (const [seed, cases, years] of [
      [1, 3, 1],
      [2, 9, 2],
      [3, 20, 3],
    ] as const) {
      const result = await runScenarios(
        new InMemoryEventStore(),
        panelScenarios(context(seed, cases, years)),
      );
      const problems = [...result.rejected, ...result.failed];
      expect(problems, `seed ${seed}: ${JSON.stringify(problems, null, 2)}`).toEqual([]);
    }
  });
});
