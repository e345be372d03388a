import * as E from 'fp-ts/lib/Either.js';
import {
  expectNoUnplannedOutcomes,
  expectOfficeHoursByInventedActors,
  expectSeedDetermined,
  plannedRejections,
} from './demo-checks.js';
import { describe, expect, it } from 'vitest';
import { statusAt, type Deadline } from '@aimline/calendar';
import { collect, InMemoryEventStore, type RecordedEvent } from '@aimline/kernel';
import {
  attendanceDeadlines,
  schoolCalendar,
  type AttendanceAimState,
} from '@aimline/attendance-aim';
import { councilModules, defaultPolicy, scenarioContext } from './council.js';
import { attendanceScenarios } from '../src/attendance/generator.js';
import { runScenarios } from '../src/run-scenarios.js';
import type { ScenarioContext } from '../src/scenario.js';

const policy = defaultPolicy;
const modules = councilModules(policy);
/** The council gives no school its own term dates: every working day is a school day. */
const workingDays = schoolCalendar({ id: 'working-days', terms: [], region: policy.calendar });
const context = (seed: number, cases = 12): ScenarioContext =>
  scenarioContext(seed, { cases, years: 3, from: '2023-09-04T09:00:00Z' });

/** What the paths leave in the store between them. */
const characteristic = [
  'AttendanceCaseOpened',
  'ParentCarerAdded',
  'AttendanceImported',
  'AttendanceMarkCorrected',
  'SupportEvidenceAttached',
  'AimScheduled',
  'AimRearranged',
  'AimLetterSent',
  'InteractionRecorded',
  'VoiceCaptured',
  'DocumentFiled',
  'AimHeld',
  'AimNotHeld',
  'AimOutcomeRecorded',
  'TargetsReviewed',
  'NoEngagementRecorded',
  'InclusionOfficerConsulted',
  'LegalInterventionMeetingHeld',
  'LegalProceedingsRequested',
  'ProsecutionConsidered',
  'LegalStepRecorded',
  'PenaltyPaid',
  'CaseClosed',
] as const;

type Data = Record<string, unknown>;
const data = (e: RecordedEvent): Data => e.data as Data;

describe('aimline demo: synthetic attendance AIM cases', () => {
  it('seed 7, 12 cases: every command accepted except the planned typed rejections; every path recorded', async () => {
    const steps = attendanceScenarios(context(7));
    const store = new InMemoryEventStore();
    const result = await runScenarios(store, steps);
    expectNoUnplannedOutcomes(result);

    // ATT-2 (a letter without the prosecution warning), NAT-4 (sessions sent twice), NAT-8 (a
    // legal step after compulsory school age): refused under the rule, nothing appended.
    expect(plannedRejections(steps, result)).toEqual(['ATT-2', 'NAT-4', 'NAT-8']);

    const events = await collect(store.readAll());
    const types = new Set(events.map((e) => e.type));
    expect(
      characteristic.filter((t) => !types.has(t)),
      'event types missing from the store',
    ).toEqual([]);

    // ATT-5: every branch of the table.
    const held = events.filter((e) => e.type === 'AimHeld').map(data);
    const notHeld = events.filter((e) => e.type === 'AimNotHeld').map(data);
    expect(held.some((d) => d.pupilPresent === true && d.parentsPresent === true)).toBe(true);
    expect(
      held.some(
        (d) => d.pupilPresent === true && d.parentsPresent === false && d.phase === 'secondary',
      ),
      'a secondary pupil alone',
    ).toBe(true);
    expect(
      held.some(
        (d) => d.pupilPresent === false && d.parentsPresent === true && d.phase === 'primary',
      ),
      'parents of a primary pupil',
    ).toBe(true);
    expect(notHeld.map((d) => d.reason)).toEqual(
      expect.arrayContaining(['parents-without-pupil', 'neither-present']),
    );
    expect(notHeld.every((d) => typeof (d.nextStep as Data | undefined)?.action === 'string')).toBe(
      true,
    );
    expect(held.some((d) => (d.missingRoles as string[]).length > 0)).toBe(true);

    // NAT-7: every rung of the ladder; NAT-6: penalty notices only over the threshold.
    const steps7 = events.filter((e) => e.type === 'LegalStepRecorded').map(data);
    const kinds = new Set(steps7.map((d) => (d.step as Data).kind));
    expect([...kinds].sort()).toEqual([
      'attendance-contract',
      'education-supervision-order',
      'notice-to-improve',
      'penalty-notice',
      'prosecution',
    ]);
    for (const d of steps7.filter((x) => (x.step as Data).kind === 'penalty-notice'))
      expect(d.thresholdCount as number).toBeGreaterThanOrEqual(10);

    // ATT-10, NAT-8: a Year 11 pupil; the court is unlikely; an ESO considered each time.
    const considered = events.filter((e) => e.type === 'ProsecutionConsidered').map(data);
    expect(considered.some((d) => d.courtUnlikely === true)).toBe(true);
    expect(considered.some((d) => (d.pupilAge as Data).yearGroup === 11)).toBe(true);
    expect(new Set(considered.map((d) => (d.educationSupervisionOrder as Data).decision))).toEqual(
      new Set(['apply', 'not-appropriate']),
    );

    // ATT-7: targets evaluated from the attendance recorded, at an AIM and on their own.
    const reviews = events.filter((e) => e.type === 'TargetsReviewed').map(data);
    expect(reviews.some((d) => d.atMeetingId !== undefined)).toBe(true);
    expect(reviews.some((d) => d.atMeetingId === undefined)).toBe(true);
    const results = reviews.flatMap((d) => d.results as Data[]);
    expect(results.some((r) => r.evaluatedBy === 'attendance' && r.outcome === 'met')).toBe(true);
    expect(results.some((r) => r.evaluatedBy === 'attendance' && r.outcome === 'not-met')).toBe(
      true,
    );

    // ATT-8: AIMs held after a request for legal proceedings, in the same case.
    const requested = new Map(
      events
        .filter((e) => e.type === 'LegalProceedingsRequested')
        .map((e) => [e.stream, e.revision]),
    );
    expect(
      events.some(
        (e) =>
          e.type === 'AimHeld' &&
          requested.has(e.stream) &&
          e.revision > (requested.get(e.stream) ?? Infinity),
      ),
    ).toBe(true);

    // NAT-4, NAT-5: persistent and severe absence in the register each case opened with.
    const byStream = new Map<string, RecordedEvent[]>();
    for (const e of events) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
    const present = new Set(['/', '\\', 'L', 'K', 'V', 'P', 'W', 'B']);
    const rates = [...byStream.values()].map((stream) => {
      const first = stream.find((e) => e.type === 'AttendanceImported');
      const marks = first === undefined ? [] : (data(first).sessions as Array<{ code: string }>);
      const possible = marks.filter((m) => !/^(D|Q|X|Z|#|Y\d)$/.test(m.code));
      const absent = possible.filter((m) => !present.has(m.code));
      return possible.length === 0 ? 0 : absent.length / possible.length;
    });
    expect(
      rates.some((r) => r >= 0.5),
      `rates ${rates.join(', ')}`,
    ).toBe(true);
    expect(rates.filter((r) => r >= 0.1).length).toBeGreaterThanOrEqual(6);

    // Some events are recorded late (the audit trail flags them: more than 48 hours).
    const lateSteps = steps.filter(
      (s) =>
        s.recordedAt !== undefined &&
        Date.parse(s.recordedAt) - Date.parse(s.command.at) > 48 * 3_600_000,
    );
    expect(lateSteps.length).toBeGreaterThanOrEqual(2);

    // Deadlines: reviews late on purpose (ATT-7), a late consultation (ATT-9); most met.
    const module = modules.find((m) => m.name === 'attendance-aim')!;
    const all: Deadline[] = [];
    for (const stream of byStream.values()) {
      let state = module.decider.initialState as AttendanceAimState;
      for (const recorded of stream) {
        const decoded = module.events.decode(recorded);
        if (E.isLeft(decoded)) throw new Error(`undecodable ${recorded.type}`);
        state = module.decider.evolve(state, decoded.right) as AttendanceAimState;
      }
      all.push(...attendanceDeadlines(state, policy.attendance, workingDays));
    }
    const lastEvent = events.at(-1)!;
    const asOf = (lastEvent.data as { at: string }).at;
    const statuses = all.map((d) => ({ d, s: statusAt(d, asOf) }));
    const breached = new Set(
      statuses.filter((x) => x.s.kind === 'breached').map((x) => x.d.ruleId),
    );
    expect([...breached]).toEqual(expect.arrayContaining(['ATT-7', 'ATT-9']));
    const met = statuses.filter((x) => x.s.kind === 'met').length;
    expect(met).toBeGreaterThan(statuses.filter((x) => x.s.kind === 'breached').length * 3);
    expect(all.some((d) => d.ruleId === 'NAT-8')).toBe(true);
  });

  it('every command happens in school hours (Europe/London) on a working day, written as a UTC instant, by an invented actor', () => {
    const steps = attendanceScenarios(context(7));
    expectOfficeHoursByInventedActors(steps, policy.calendar, 17 * 60 + 29);
    expect(steps.every((s) => s.module.name === 'attendance-aim')).toBe(true);
    // Attendance goes in per period, in batches.
    const imports = steps.filter((s) => s.command.type === 'ImportAttendance');
    expect(imports.length).toBeLessThan(steps.length / 4);
    expect(imports.every((s) => ((s.command.data as Data).sessions as unknown[]).length > 1)).toBe(
      true,
    );
  });

  it('the same seed gives the same steps; another seed gives other steps', () => {
    expectSeedDetermined((seed) => attendanceScenarios(context(seed)));
  });

  it('other seeds, case counts and windows: nothing refused that was not planned', async () => {
    for (const [seed, cases, from, years] of [
      [1, 8, '2023-09-04T09:00:00Z', 3],
      [2, 5, '2024-01-08T09:00:00Z', 2],
      [3, 16, '2022-09-05T09:00:00Z', 4],
      [4, 3, '2024-04-15T09:00:00Z', 1],
    ] as const) {
      const steps = attendanceScenarios({ ...context(seed, cases), from, years });
      const result = await runScenarios(new InMemoryEventStore(), steps);
      const problems = [...result.rejected, ...result.failed];
      expect(problems, `seed ${seed}: ${JSON.stringify(problems, null, 2)}`).toEqual([]);
      expect(result.expectedRejections.length).toBe(
        steps.filter((s) => s.expectRejection !== undefined).length,
      );
      expect(result.streams).toBe(cases);
    }
  });
});
