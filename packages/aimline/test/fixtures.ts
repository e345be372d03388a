/** Invented people and a settable clock for the service tests. */
import { InMemoryEventStore } from '@aimline/kernel';
import { createAimline, type AimlineOptions, type Principal } from '../src/index.js';

/** The allocated social worker of the test cases (`case-1` … `case-9`). */
export const socialWorker: Principal = {
  id: 'sw-lead-7',
  role: 'social-worker',
  agency: 'childrens-social-care',
  streams: Array.from({ length: 9 }, (_, i) => `hsb-case-case-${i + 1}`),
  panels: [],
};
export const businessSupport: Principal = {
  id: 'bs-1',
  role: 'business-support',
  agency: 'Testshire Council',
  streams: [],
  panels: [],
};
/** An auditor: reads every record (need to know), and every read is logged. */
export const auditor: Principal = {
  id: 'aud-1',
  role: 'auditor',
  agency: 'Testshire Council',
  streams: [],
  panels: [],
};
export const panelChair: Principal = {
  id: 'chair-1',
  role: 'panel-chair',
  agency: 'Testshire Council',
  streams: [],
  panels: ['testshire-aim-panel'],
};

export const hsbChild = {
  childId: 'child-w1',
  name: 'Riley Inventedname',
  dateOfBirth: '2017-02-14',
  school: 'Maple Lane Primary',
};
export const panelChild = {
  childId: 'C-0001',
  name: 'Robin Testcase',
  dateOfBirth: '2014-06-15',
  gender: 'male' as const,
};
export const referrer = {
  id: 'sw-9',
  name: 'Ada Exampleworth',
  role: 'social worker',
  agency: 'Testshire CSC',
};
export const member = (role: string) => ({
  memberId: `${role}-1`,
  name: `Pat ${role} Placeholder`,
  role,
  agency: 'Testshire',
});

export const reportConcern = (caseId: string, at = '2026-06-01T09:00:00Z') => ({
  type: 'ReportConcern' as const,
  at,
  data: {
    caseId,
    disclosedAt: '2026-06-01T08:00:00Z',
    behaviourDate: '2026-05-30',
    child: hsbChild,
    notifications: { childrensSocialCare: '2026-06-01T08:20:00Z', police: '2026-06-01T08:30:00Z' },
    summary: 'Invented summary of a concern.',
  },
});

/** A store, a clock the test sets, and Aimline over them. */
export const setUp = (options: Partial<AimlineOptions> = {}) => {
  const store = new InMemoryEventStore();
  const clock = { now: '2026-06-01T09:05:00Z' };
  const aimline = createAimline({
    store,
    clock: () => clock.now,
    processes: 'manual',
    ...options,
  });
  return { store, clock, aimline };
};
