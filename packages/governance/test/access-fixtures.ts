/** Invented history for the need-to-know tests: concerns about invented children. */
import { hsbCaseModule } from '@aimline/hsb-aim';
import { InMemoryEventStore, type RecordedEvent } from '@aimline/kernel';
import type { Principal, Role } from '../src/index.js';

export const hsb = hsbCaseModule();

export interface Concern {
  readonly caseId: string;
  readonly child: { childId: string; name: string; dateOfBirth: string; school: string };
  readonly victim: { childId: string; name: string; dateOfBirth: string; school: string };
  readonly summary: string;
}

let position = 0n;
/** A stored ConcernReported event (as a store would return it) for `c`. */
export const concernEvent = (c: Concern, revision = 0): RecordedEvent => {
  const id = `00000000-0000-4000-8000-${String(++position).padStart(12, '0')}`;
  return {
    id,
    stream: `hsb-case-${c.caseId}`,
    revision,
    position,
    type: 'ConcernReported',
    schemaVersion: 1,
    data: {
      caseId: c.caseId,
      at: '2026-06-01T09:00:00Z',
      disclosedAt: '2026-06-01T08:00:00Z',
      behaviourDate: '2026-05-30',
      child: c.child,
      victim: c.victim,
      notifications: {
        childrensSocialCare: '2026-06-01T08:30:00Z',
        police: '2026-06-01T08:40:00Z',
      },
      summary: c.summary,
    },
    metadata: {
      occurredAt: '2026-06-01T09:00:00Z',
      recordedAt: '2026-06-01T09:05:00Z',
      actor: { id: 'sw-ada', role: 'social-worker', agency: 'childrens-social-care' },
      commandId: id,
      correlationId: id,
      causationId: id,
      prevHash: '',
      hash: '',
    },
  };
};

export const concern = (caseId: string): Concern => ({
  caseId,
  child: {
    childId: `child-${caseId}`,
    name: `Alex Testchild ${caseId}`,
    dateOfBirth: '2012-03-10',
    school: 'Oakfield Academy',
  },
  victim: {
    childId: `victim-${caseId}`,
    name: `Sam Examplechild ${caseId}`,
    dateOfBirth: '2013-05-01',
    school: 'Birchwood Primary',
  },
  summary: `Invented summary ${caseId}.`,
});

export const principal = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  id: `${role}-1`,
  role,
  agency: 'invented-agency',
  streams: [],
  panels: [],
  ...extra,
});

/** A store holding one concern per case id. */
export const storeWith = async (...caseIds: string[]) => {
  const store = new InMemoryEventStore();
  for (const id of caseIds) {
    const e = concernEvent(concern(id));
    await store.append(
      e.stream,
      [
        {
          id: e.id,
          type: e.type,
          schemaVersion: 1,
          data: e.data,
          metadata: { ...e.metadata, commandFingerprint: 'f'.repeat(64) },
        },
      ],
      { expectedRevision: 'no-stream' },
    );
  }
  return store;
};
