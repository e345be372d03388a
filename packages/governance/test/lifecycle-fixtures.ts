/**
 * A small invented process for the governance tests: a case that opens with a child (and
 * perhaps a victim), closes and reopens. Invented people only.
 */
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import {
  IsoDate,
  IsoInstant,
  commandCatalogue,
  defineEvent,
  eventCatalogue,
  personal,
  primarySubject,
  subjectId,
  timelinePhases,
  type AnyDomainModule,
  type DomainEvent,
  type RecordedEvent,
} from '@aimline/kernel';
import type { ScheduledEvent } from '../src/index.js';

const Child = t.strict({
  childId: subjectId(t.string, 'child'),
  name: personal(t.string, 'name'),
  dateOfBirth: personal(IsoDate, 'dateOfBirth'),
});
const events = eventCatalogue({
  CaseOpened: defineEvent(
    t.intersection([
      t.strict({ caseId: t.string, at: IsoInstant, child: primarySubject(Child) }),
      t.exact(t.partial({ victim: Child })),
    ]),
  ),
  CaseClosed: defineEvent(t.strict({ caseId: t.string, at: IsoInstant })),
  CaseReopened: defineEvent(t.strict({ caseId: t.string, at: IsoInstant })),
});

export const caseModule: AnyDomainModule = {
  name: 'case',
  streamPrefix: 'case-',
  decider: { initialState: {}, decide: () => E.right([]), evolve: (s: unknown) => s },
  commands: commandCatalogue({ OpenCase: t.strict({ caseId: t.string }) }),
  events,
  streamOf: () => 'case-',
  deadlinePersonalData: [],
  deadlines: () => [],
  timeline: timelinePhases({ CaseOpened: 'all', CaseClosed: 'all', CaseReopened: 'all' }),
};

const actor = { id: 'sw-1', role: 'social-worker', agency: 'childrens-social-care' };
let position = 0n;

/** A stored event of `module` in `stream` at `at`. */
export const scheduled = (
  module: AnyDomainModule,
  stream: string,
  event: DomainEvent,
  at: string,
): ScheduledEvent => {
  position += 1n;
  const recorded = {
    id: `e-${position}`,
    stream,
    revision: 0,
    position,
    type: event.type,
    schemaVersion: 1,
    data: event.data,
    metadata: {
      occurredAt: at,
      recordedAt: at,
      actor,
      commandId: `c-${position}`,
      correlationId: `c-${position}`,
      causationId: `c-${position}`,
      prevHash: '',
      hash: '',
    },
  } as unknown as RecordedEvent;
  return { recorded, event, module };
};

export const child = (childId: string, dateOfBirth: string) => ({
  childId,
  name: `Invented ${childId}`,
  dateOfBirth,
});
