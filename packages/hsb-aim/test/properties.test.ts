import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englandAndWales } from '@aimline/calendar';
import { fold } from '@aimline/kernel';
import {
  hsbDeadlines,
  evolve,
  hsbCommands,
  hsbEvents,
  initialState,
  makeHsbDecider,
  type HsbCommand,
  type HsbEvent,
  type HsbState,
  defaultHsbPolicy,
} from '../src/index.js';
import {
  agreePlan,
  allocate,
  book,
  cmd,
  holdMeeting,
  homeVisit,
  report,
  review,
  route,
  s47,
  strategy,
  supervision,
  upToIntervention,
} from './fixtures.js';

const decider = makeHsbDecider();
const base = Date.parse('2026-06-01T09:00:00Z');
const instant = (hours: number) => new Date(base + hours * 3_600_000).toISOString();

/** Command factories given the instant they happen at. */
const pool: ReadonlyArray<(at: string) => HsbCommand> = [
  (at) => report(at),
  (at) => strategy(at, undefined, undefined, `sd-${at}`),
  (at) => route('child-protection', at),
  (at) => route('criminal-justice', at),
  (at) => s47(at),
  (at) => allocate(at),
  (at) => homeVisit(at),
  (at) => agreePlan(at),
  (at) => supervision('initial', at),
  (at) => supervision('second', at),
  (at) => supervision('final', at),
  (at) => book(at, new Date(Date.parse(at) + 7 * 86_400_000).toISOString()),
  (at) => holdMeeting(at),
  (at) => cmd('RecordContact', at, { contactId: `c-${at}`, practitionerId: 'as-1' }),
  (at) =>
    cmd('RecordPractitionerSupervision', at, { practitionerIds: ['as-1'], managerId: 'mgr-csc' }),
  (at) => cmd('ChangeIntensity', at, { intensive: true }),
  (at) => review(at),
  (at) => review(at, { interventionEnds: true }),
  (at) => cmd('AgreeExitPlan', at, { remainingConcerns: [], signposting: [] }),
  (at) => cmd('CloseCase', at, { reason: 'invented' }),
  (at) => cmd('ReopenCase', at, { reason: 'Invented reason.' }),
  (at) => cmd('RaiseEmergingRisk', at, { riskId: `r-${at}`, description: 'Invented.' }),
  (at) => cmd('HoldRiskManagementMeeting', at, { riskId: 'r-x', writtenPlan: 'Invented.' }),
  (at) => cmd('RecordAdmission', at, {}),
  (at) => cmd('PoliceTriggerAssessment', at, { officerId: 'pc-1' }),
  (at) => cmd('RecordCharge', at, { offence: 'Invented.' }),
  (at) => cmd('EnterPlea', at, { plea: 'not-guilty' }),
  (at) => cmd('EnterPlea', at, { plea: 'guilty' }),
  (at) => cmd('StartCustody', at, { kind: 'remand' }),
  (at) => cmd('RecordRelease', at, { inPreReleasePlan: true, inLicenceConditions: true }),
];

const commandsArb = fc
  .array(fc.tuple(fc.nat(pool.length - 1), fc.integer({ min: 1, max: 96 })), { maxLength: 40 })
  .map((steps) => {
    let hours = 0;
    return steps.map(([i, gap]) => ((hours += gap), pool[i]!(instant(hours))));
  });
const prefix = upToIntervention();

/** Runs commands: accepted ones append their events; rejected ones must change nothing. */
const play = (commands: ReadonlyArray<HsbCommand>) => {
  let state: HsbState = initialState;
  const events: HsbEvent[] = [];
  const rejectedStates: Array<[HsbState, HsbState]> = [];
  for (const c of commands) {
    const before = state;
    const r = decider.decide(c, state);
    if (E.isLeft(r)) {
      rejectedStates.push([before, state]);
      continue;
    }
    for (const e of r.right) {
      events.push(e);
      state = evolve(state, e);
    }
  }
  return { state, events, rejectedStates };
};

describe('properties', () => {
  it('every command the tests build is valid data under its io-ts codec', () => {
    for (const f of pool) expect(E.isRight(hsbCommands.validate(f(instant(1))))).toBe(true);
    for (const c of prefix) expect(E.isRight(hsbCommands.validate(c))).toBe(true);
  });

  it('HSB-27 / HSB-25: random command sequences never break an invariant', () => {
    fc.assert(
      fc.property(fc.boolean(), commandsArb, (fromPrefix, random) => {
        const shifted = random.map((c) => ({
          ...c,
          at: new Date(Date.parse(c.at) + 60 * 86_400_000).toISOString(),
        }));
        const { state, events, rejectedStates } = play(
          fromPrefix ? [...prefix, ...shifted] : random,
        );
        // no open obligation on a closed case
        if (state.status === 'closed')
          expect(
            hsbDeadlines(state, defaultHsbPolicy, englandAndWales).filter(
              (d) => d.status.kind === 'open',
            ),
          ).toEqual([]);
        // no intervention work before an agreed plan
        const planAt = events.findIndex((e) => e.type === 'InitialAimMeetingHeld');
        const firstWork = events.findIndex(
          (e) =>
            e.type === 'ContactRecorded' ||
            e.type === 'ReviewHeld' ||
            e.type === 'PractitionerSupervised',
        );
        if (firstWork >= 0) expect(planAt).toBeGreaterThanOrEqual(0);
        if (firstWork >= 0) expect(planAt).toBeLessThan(firstWork);
        // rejections change nothing
        for (const [before, after] of rejectedStates) expect(after).toBe(before);
        // every event is valid under its codec
        for (const e of events) expect(E.isRight(hsbEventsRoundTrip(e))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('folding events all at once equals folding them one by one', () => {
    fc.assert(
      fc.property(commandsArb, (random) => {
        const { state, events } = play([
          ...prefix,
          ...random.map((c) => ({
            ...c,
            at: new Date(Date.parse(c.at) + 60 * 86_400_000).toISOString(),
          })),
        ]);
        expect(fold(decider)(events)).toEqual(state);
        const split = Math.floor(events.length / 2);
        expect(fold(decider)(events.slice(split), fold(decider)(events.slice(0, split)))).toEqual(
          state,
        );
      }),
      { numRuns: 100 },
    );
  });
});

const hsbEventsRoundTrip = (e: HsbEvent) => {
  const encoded = hsbEvents.encode(e);
  return hsbEvents.decode({ stream: 'hsb-case-x', revision: 0, ...encoded });
};
