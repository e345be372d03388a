/**
 * Random HSB histories made by the real decider, and random read rules and principals, for the
 * property tests of deadlines as a principal is entitled to see them (issue 13 item 2). Invented
 * people only.
 */
import * as E from 'fp-ts/lib/Either.js';
import { fc } from '@fast-check/vitest';
import type { Deadline, DeadlineStatus } from '@aimline/calendar';
import type { HsbCommand } from '@aimline/hsb-aim';
import { InMemoryEventStore, type DomainEvent, type EventStore } from '@aimline/kernel';
import {
  PERSONAL_DATA_CATEGORIES,
  roles,
  type AccessPolicy,
  type ReadGrant,
} from '../src/index.js';
import { concern, hsb, principal } from './access-fixtures.js';

/** A council's read rules that show the concern but not the strategy discussion that meets HSB-2. */
export const concernOnly: AccessPolicy = {
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

/**
 * A deadline with its waiver's reason left out: a waived one's, or the late waiver of a breach
 * (the reason is what a principal may be shown as `SETTLED_OUT_OF_VIEW`; all else must stand).
 */
export const withoutWaiverReason = <D extends Pick<Deadline, 'status'>>(d: D) => {
  const s = d.status;
  const status =
    s.kind === 'waived'
      ? { ...s, reason: undefined }
      : s.kind === 'breached' && s.waived !== undefined
        ? { ...s, waived: { ...s.waived, reason: undefined } }
        : s;
  return { ...d, status };
};

/** The reason of a status's waiver (waived, or breached and waived late), if it has one. */
export const waiverReason = (s: DeadlineStatus): string | undefined =>
  s.kind === 'waived' ? s.reason : s.kind === 'breached' ? s.waived?.reason : undefined;

const actor = { id: 'sw-9', role: 'social-worker', agency: 'childrens-social-care' };
export const AS_OF = '2026-09-01T09:00:00Z';
export const CASES = ['C-1', 'C-2', 'C-3'];

const cmd = (caseId: string, type: string, at: string, data: Record<string, unknown>) =>
  ({ type, at, actor, data: { caseId, ...data } }) as unknown as HsbCommand;

/** One case's commands: a concern, then, in this order, whichever of the later steps are given. */
export interface CaseSteps {
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
export const storeOf = async (cases: ReadonlyArray<CaseSteps>): Promise<EventStore> => {
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
export const anyPolicy: fc.Arbitrary<AccessPolicy> = fc.dictionary(
  fc.constantFrom(...roles),
  fc.array(grant, { maxLength: 3 }),
);
export const anyPrincipal = fc
  .record({
    role: fc.constantFrom(...roles),
    streams: fc.subarray(CASES.map((c) => `hsb-case-${c}`)),
    panels: fc.subarray(['aim-panel']),
  })
  .map(({ role, ...rest }) => principal(role, { ...rest, school: 'Oakfield Academy' }));
export const anySteps: fc.Arbitrary<CaseSteps> = fc.record({
  strategyAfterHours: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  route: fc.boolean(),
  section47: fc.boolean(),
  close: fc.boolean(),
});
