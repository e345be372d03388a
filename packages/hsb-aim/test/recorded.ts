/**
 * Events as an HSB case records them: the "given" of the specifications (given events, when a
 * command, then events or a rejection). Each mirrors a command builder of fixtures.ts with the
 * data the decider adds (`at`, warnings, the lead agency). Every name here is fictional.
 */
import type { EventData, HsbEvent, HsbEventType } from '../src/index.js';
import { CASE, alleged, assessors, people, victim } from './fixtures.js';

export const recorded = <K extends HsbEventType>(
  type: K,
  at: string,
  data: Omit<EventData<K>, 'caseId' | 'at'>,
  caseId = CASE,
): HsbEvent => ({ type, data: { caseId, at, ...data } }) as unknown as HsbEvent;

export const concernReported = (
  at = '2026-06-01T09:00:00Z',
  overrides: Record<string, unknown> = {},
) =>
  recorded('ConcernReported', at, {
    disclosedAt: '2026-06-01T08:00:00Z',
    behaviourDate: '2026-05-30',
    child: alleged,
    victim,
    notifications: { childrensSocialCare: '2026-06-01T08:30:00Z', police: '2026-06-01T08:40:00Z' },
    summary: 'Invented summary of a concern.',
    ...overrides,
  });

export const strategyDiscussionHeld = (
  at = '2026-06-01T15:00:00Z',
  participants: unknown[] = [people.police, people.csc, people.yos],
  forChild = 'alleged-child',
  discussionId = 'sd-1',
  warnings: unknown[] = [],
) =>
  recorded('StrategyDiscussionHeld', at, {
    discussionId,
    forChild,
    participants,
    warnings,
  } as never);

export const routeDecided = (
  r: string,
  at = '2026-06-01T16:00:00Z',
  extra: Record<string, unknown> = {},
) =>
  recorded('RouteDecided', at, {
    route: r,
    temporaryRiskStrategy: 'Invented interim plan.',
    ...extra,
  } as never);

export const section47Decided = (
  at = '2026-06-01T16:30:00Z',
  extra: Record<string, unknown> = {},
) => recorded('Section47Decided', at, { section47: true, assessmentCommissioned: true, ...extra });

export const assessorsAllocated = (
  at = '2026-06-03T10:00:00Z',
  list: unknown[] = [assessors.cscAim2, assessors.yosAim2],
  model = 'AIM2',
  lead = { leadAgency: 'childrens-social-care', leadAgencyReason: 'child-protection route' },
) => recorded('AssessorsAllocated', at, { model, assessors: list, ...lead } as never);
