/**
 * Issue 13 item 2: a principal whose grant shows only some event types of a record must not see
 * a deadline as open when an event they may not see met it. Deadlines are worked out from the
 * whole history (`NeedToKnowReader.obligations`) and shown only where the principal's own view
 * opens them (`entitledDeadlines`), with nothing of the withheld event but its standing.
 */
import * as E from 'fp-ts/lib/Either.js';
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Deadline } from '@aimline/calendar';
import type { HsbCommand } from '@aimline/hsb-aim';
import {
  InMemoryEventStore,
  type DomainEvent,
  type EventStore,
  type RecordedEvent,
} from '@aimline/kernel';
import {
  deadlineKey,
  entitledDeadlines,
  memoryAccessLog,
  needToKnowReader,
  PERSONAL_DATA_CATEGORIES,
  roles,
  SETTLED_OUT_OF_VIEW,
  type AccessPolicy,
  type Principal,
  type ReadGrant,
  type StreamDeadline,
} from '../src/index.js';
import { concern, hsb, principal } from './access-fixtures.js';

const actor = { id: 'sw-9', role: 'social-worker', agency: 'childrens-social-care' };
const AS_OF = '2026-09-01T09:00:00Z';
const CASES = ['C-1', 'C-2', 'C-3'];

const cmd = (caseId: string, type: string, at: string, data: Record<string, unknown>) =>
  ({ type, at, actor, data: { caseId, ...data } }) as unknown as HsbCommand;

/** One case's commands: a concern, then, in this order, whichever of the later steps are given. */
interface CaseSteps {
  readonly strategyAfterHours: number | undefined;
  readonly route: boolean;
  /** A Section 47 enquiry that commissions the assessment and calls a conference (HSB-11, NAT-1). */
  readonly section47: boolean;
  readonly close: boolean;
}
const commandsOf = (caseId: string, s: CaseSteps): HsbCommand[] => {
  const { child, victim, summary } = concern(caseId);
  const strategyAt = new Date(
    Date.parse('2026-06-01T09:00:00Z') + (s.strategyAfterHours ?? 0) * 3_600_000,
  ).toISOString();
  return [
    cmd(caseId, 'ReportConcern', '2026-06-01T09:00:00Z', {
      disclosedAt: '2026-06-01T08:00:00Z',
      behaviourDate: '2026-05-30',
      child,
      victim,
      notifications: {
        childrensSocialCare: '2026-06-01T08:30:00Z',
        police: '2026-06-01T08:40:00Z',
      },
      summary,
    }),
    ...(s.strategyAfterHours === undefined
      ? []
      : [
          cmd(caseId, 'HoldStrategyDiscussion', strategyAt, {
            discussionId: 'sd-1',
            forChild: 'joint',
            participants: [
              { id: 'pc-1', name: 'Invented Officer', role: 'officer', agency: 'police' },
              {
                id: 'sw-1',
                name: 'Pretend Worker',
                role: 'social worker',
                agency: 'childrens-social-care',
              },
            ],
          }),
        ]),
    ...(s.route
      ? [
          cmd(caseId, 'DecideRoute', '2026-06-04T16:00:00Z', {
            route: 'child-protection',
            temporaryRiskStrategy: 'Invented interim plan.',
          }),
        ]
      : []),
    ...(s.section47
      ? [
          cmd(caseId, 'DecideSection47', '2026-06-05T10:00:00Z', {
            section47: true,
            assessmentCommissioned: true,
            conferenceCalled: true,
          }),
        ]
      : []),
    ...(s.close
      ? [
          cmd(caseId, 'CloseCase', '2026-06-20T10:00:00Z', {
            reason: 'invented: no further action',
          }),
        ]
      : []),
  ];
};

/** Records each case's commands the real decider accepts (a refused one is left out). */
const storeOf = async (cases: ReadonlyArray<CaseSteps>): Promise<EventStore> => {
  const store = new InMemoryEventStore();
  let n = 0;
  for (const [i, steps] of cases.entries()) {
    const caseId = CASES[i]!;
    let state = hsb.decider.initialState;
    for (const c of commandsOf(caseId, steps)) {
      const decided = hsb.decider.decide(c, state);
      if (E.isLeft(decided)) continue;
      const events: DomainEvent[] = [...decided.right];
      for (const ev of events) state = hsb.decider.evolve(state, ev as never);
      await store.append(
        `hsb-case-${caseId}`,
        events.map((ev) => {
          const id = `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
          return {
            id,
            type: ev.type,
            schemaVersion: 1,
            data: ev.data,
            metadata: {
              occurredAt: c.at,
              recordedAt: c.at,
              actor,
              commandId: id,
              correlationId: id,
              causationId: id,
              commandFingerprint: 'f'.repeat(64),
            },
          };
        }),
        { expectedRevision: 'any' },
      );
    }
  }
  return store;
};

/** Each stream's deadlines at AS_OF, folded from `events` with the module's own decider. */
const deadlinesOf = async (events: AsyncIterable<RecordedEvent>): Promise<StreamDeadline[]> => {
  const states = new Map<string, unknown>();
  for await (const recorded of events) {
    const decoded = hsb.events.decode(recorded);
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    states.set(
      recorded.stream,
      hsb.decider.evolve(
        (states.get(recorded.stream) ?? hsb.decider.initialState) as never,
        decoded.right,
      ),
    );
  }
  return [...states].flatMap(([stream, state]) =>
    hsb.deadlines(state as never, AS_OF).map((deadline) => ({ stream, deadline })),
  );
};

/** What the principal is shown: their own view's deadlines, standing as the whole history says. */
const shownTo = async (store: EventStore, policy: AccessPolicy, who: Principal) => {
  const log = memoryAccessLog();
  const reader = needToKnowReader({
    store,
    modules: [hsb],
    policy,
    principal: who,
    log,
    clock: () => AS_OF,
  });
  const request = { purpose: 'deadline review' };
  const own = await deadlinesOf(reader.visible(request).readAll());
  const whole = await deadlinesOf(reader.obligations(request).readAll());
  return { own, shown: entitledDeadlines(own, whole), log };
};

/** A council's read rules that show the concern but not the strategy discussion that meets HSB-2. */
const concernOnly: AccessPolicy = {
  health: [
    {
      module: 'hsb-case',
      streams: 'allocated',
      events: ['ConcernReported'],
      categories: ['identifier'],
      subjects: 'all',
    },
  ],
};
const healthOf = (...cases: string[]): Principal =>
  principal('health', { streams: cases.map((c) => `hsb-case-${c}`) });

describe('deadlines as the principal is entitled to see them (issue 13 item 2)', () => {
  it('HSB-2: given a principal who sees the concern but not the strategy discussion held on time, then HSB-2 is met, not open', async () => {
    const store = await storeOf([
      { strategyAfterHours: 6, route: false, section47: false, close: false },
    ]);
    const { own, shown } = await shownTo(store, concernOnly, healthOf('C-1'));
    // Their own view alone would say overdue: the event that met it is not theirs to see.
    expect(own.find((d) => d.deadline.ruleId === 'HSB-2')?.deadline.status.kind).toBe('breached');
    const hsb2 = shown.find((d) => d.deadline.ruleId === 'HSB-2');
    expect(hsb2?.deadline.status).toEqual({ kind: 'met', at: '2026-06-01T15:00:00.000Z' });
  });

  it('given deadlines only a withheld event opens (HSB-11 and NAT-1, opened by the Section 47 decision), then none of them is shown: their existence would tell of the withheld event', async () => {
    const store = await storeOf([
      { strategyAfterHours: 6, route: true, section47: true, close: false },
    ]);
    const { own, shown } = await shownTo(store, concernOnly, healthOf('C-1'));
    const ownKeys = new Set(own.map(deadlineKey));
    expect(shown.every((d) => ownKeys.has(deadlineKey(d.of)))).toBe(true);
    const truth = await deadlinesOf(store.readAll());
    expect(truth.length).toBeGreaterThan(shown.length);
  });

  it('given a deadline a withheld event waived, then it reads waived with the reason left out; one their own view waives keeps its reason', () => {
    const d = (status: Deadline['status']): StreamDeadline => ({
      stream: 'hsb-case-C-1',
      deadline: {
        ruleId: 'HSB-11',
        label: 'Allocation',
        trigger: { event: 'RouteDecided', at: '2026-06-01T16:00:00Z' },
        start: '2026-06-01T16:00:00Z',
        unit: 'workingDays',
        amount: 5,
        calendarId: 'england',
        due: '2026-06-08T22:59:59.999Z',
        status,
        explanation: 'Allocation due by end of Mon 8 Jun 2026: invented',
      },
    });
    const waived = { kind: 'waived' as const, reason: 'case closed', at: '2026-06-03T10:00:00Z' };
    expect(entitledDeadlines([d({ kind: 'open' })], [d(waived)])[0]?.deadline.status).toEqual({
      ...waived,
      reason: SETTLED_OUT_OF_VIEW,
    });
    expect(entitledDeadlines([d(waived)], [d(waived)])[0]?.deadline.status).toEqual(waived);
    expect(entitledDeadlines([], [d(waived)])).toEqual([]);
    expect(entitledDeadlines([d({ kind: 'open' })], [])).toEqual([]);
  });

  it('the whole history is read only for the streams a grant of theirs covers, and is not logged as a read of personal data', async () => {
    const store = await storeOf(
      CASES.map(() => ({ strategyAfterHours: 6, route: true, section47: true, close: false })),
    );
    const log = memoryAccessLog();
    const reader = needToKnowReader({
      store,
      modules: [hsb],
      policy: concernOnly,
      principal: healthOf('C-2'),
      log,
      clock: () => AS_OF,
    });
    const streams = new Set<string>();
    for await (const e of reader.obligations({ purpose: 'deadline review' }).readAll())
      streams.add(e.stream);
    expect([...streams]).toEqual(['hsb-case-C-2']);
    expect(log.entries()).toEqual([]);
  });

  const grant: fc.Arbitrary<ReadGrant> = fc.record({
    module: fc.constant('hsb-case'),
    streams: fc.constantFrom('allocated', 'panel', 'all'),
    events: fc.oneof(
      fc.constant('all' as const),
      fc.subarray([
        'ConcernReported',
        'StrategyDiscussionHeld',
        'RouteDecided',
        'Section47Decided',
        'CaseClosed',
      ]),
    ),
    categories: fc.subarray([...PERSONAL_DATA_CATEGORIES]),
    subjects: fc.constant('all' as const),
  });
  const anyPolicy: fc.Arbitrary<AccessPolicy> = fc.dictionary(
    fc.constantFrom(...roles),
    fc.array(grant, { maxLength: 3 }),
  );
  const anyPrincipal = fc
    .record({
      role: fc.constantFrom(...roles),
      streams: fc.subarray(CASES.map((c) => `hsb-case-${c}`)),
      panels: fc.subarray(['aim-panel']),
    })
    .map(({ role, ...rest }) => principal(role, { ...rest, school: 'Oakfield Academy' }));
  const anySteps: fc.Arbitrary<CaseSteps> = fc.record({
    strategyAfterHours: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    route: fc.boolean(),
    section47: fc.boolean(),
    close: fc.boolean(),
  });

  test.prop([fc.array(anySteps, { minLength: 1, maxLength: 3 }), anyPolicy, anyPrincipal], {
    numRuns: 60,
  })(
    'for any history, read rules and principal: every deadline shown stands as the whole history says (never open when met), only deadlines their own view opens are shown, none of those is missing, and a waiver reason is theirs or left out',
    async (cases, policy, who) => {
      const store = await storeOf(cases);
      const truth = new Map(
        (await deadlinesOf(store.readAll())).map((d) => [deadlineKey(d), d.deadline]),
      );
      const { own, shown } = await shownTo(store, policy, who);
      const ownByKey = new Map(own.map((d) => [deadlineKey(d), d.deadline]));
      for (const { of, deadline } of shown) {
        const key = deadlineKey(of);
        const ownDeadline = ownByKey.get(key);
        expect(ownDeadline).toBeDefined();
        const true_ = truth.get(key)!;
        expect({ ...deadline, status: { ...deadline.status, reason: undefined } }).toEqual({
          ...true_,
          status: { ...true_.status, reason: undefined },
        });
        if (deadline.status.kind === 'waived')
          expect([
            SETTLED_OUT_OF_VIEW,
            ownDeadline!.status.kind === 'waived' ? ownDeadline!.status.reason : undefined,
          ]).toContain(deadline.status.reason);
      }
      const shownKeys = new Set(shown.map((d) => deadlineKey(d.of)));
      for (const key of ownByKey.keys()) if (truth.has(key)) expect(shownKeys.has(key)).toBe(true);
    },
  );
});
