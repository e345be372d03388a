/**
 * The HTTP reads of one case over a store whose row of an event the caller may not see was
 * altered behind Aimline's back (SQLite, plain SQL): the answer is still 503 corrupt history
 * (not retryable), but a school representative — who never sees a section 47 decision — is told
 * only that the case's history is damaged, not that event's type, revision or position; the
 * allocated social worker, who may see it, is told where it is.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAimline, type Principal } from '@aimline/aimline';
import { openSqliteEventStore, type SqliteEventStore } from '@aimline/store-sqlite';
import { tamperSqliteForTesting } from '@aimline/store-sqlite/testing';
import { socialWorker, startApi, type TestApi } from './support/api.js';

const child = {
  childId: 'child-w1',
  name: 'Riley Inventedname',
  dateOfBirth: '2017-02-14',
  school: 'Maple Lane Primary',
};
const schoolRep: Principal = {
  id: 'sr-1',
  role: 'school-representative',
  agency: 'education',
  streams: ['hsb-case-case-1'],
  panels: [],
  school: child.school,
  pupils: [child.childId],
};
const STREAM = 'hsb-case-case-1';
const NOW = '2026-06-01T17:05:00Z';
const READS = ['', '/events', '/timeline'];

const dir = mkdtempSync(join(tmpdir(), 'aimline-http-out-of-view-'));
let running: { api: TestApi; store: SqliteEventStore } | undefined;
afterEach(async () => {
  await running?.api.close();
  await running?.store.dispose();
  running = undefined;
});

/**
 * `case-1`: concern (0), strategy discussion (1), route (2), section 47 decision (3, which a school
 * representative may not see).
 */
const storeWithCase = async (name: string): Promise<string> => {
  const path = join(dir, `${name}.db`);
  const store = openSqliteEventStore(path);
  const aimline = createAimline({ store, clock: () => NOW, processes: 'manual' });
  for (const command of [
    {
      type: 'ReportConcern',
      at: '2026-06-01T09:00:00Z',
      data: {
        caseId: 'case-1',
        disclosedAt: '2026-06-01T08:00:00Z',
        behaviourDate: '2026-05-30',
        child,
        notifications: {
          childrensSocialCare: '2026-06-01T08:20:00Z',
          police: '2026-06-01T08:30:00Z',
        },
        summary: 'Invented summary of a concern.',
      },
    },
    {
      type: 'HoldStrategyDiscussion',
      at: '2026-06-01T15:00:00Z',
      data: {
        caseId: 'case-1',
        discussionId: 'sd-1',
        forChild: 'alleged-child',
        participants: [
          {
            id: 'sw-7',
            name: 'Morgan Madeup',
            role: 'social worker',
            agency: 'childrens-social-care',
          },
        ],
      },
    },
    {
      type: 'DecideRoute',
      at: '2026-06-01T16:00:00Z',
      data: { caseId: 'case-1', route: 'child-protection', temporaryRiskStrategy: 'Invented.' },
    },
    {
      type: 'DecideSection47',
      at: '2026-06-01T16:30:00Z',
      data: { caseId: 'case-1', section47: false, assessmentCommissioned: false },
    },
  ] as const) {
    const result = await aimline.hsb.execute(socialWorker, command as never);
    expect(result.kind, JSON.stringify(result)).toBe('Accepted');
  }
  await aimline.close();
  await store.dispose();
  // Behind Aimline's back: a time moved in the section 47 decision's row.
  tamperSqliteForTesting(path, STREAM, 3, (row) => ({
    ...row,
    metadata: JSON.stringify({
      ...(JSON.parse(row.metadata) as object),
      occurredAt: '2026-06-01T16:31:00Z',
    }),
  }));
  return path;
};

const serve = async (path: string): Promise<TestApi> => {
  const store = openSqliteEventStore(path);
  const api = await startApi({ store, aimline: { processes: 'manual' } });
  api.clock.now = NOW;
  api.know(schoolRep);
  running = { api, store };
  return api;
};

/** Each read of `case-1` as `who` answers 503 corrupt history with `detail`. */
const expectUnavailable = async (api: TestApi, who: string, detail: string) => {
  for (const read of READS) {
    const answer = await api.call('GET', `/v1/hsb/cases/case-1${read}`, undefined, who);
    expect([read, answer.status]).toEqual([read, 503]);
    expect(answer.json).toEqual({
      type: 'urn:aimline:problem:unavailable',
      title: 'Unavailable',
      status: 503,
      detail,
      retryable: false,
    });
  }
};

describe('HTTP: damage at an event the caller may not see', () => {
  it('given the section 47 decision altered, when the school representative reads the case, then 503 names the stream alone, not the hidden event', async () => {
    const api = await serve(await storeWithCase('school'));
    await expectUnavailable(
      api,
      schoolRep.id,
      `${STREAM}: the history of this stream is damaged at an event this principal may not see (a principal who may see it, such as an auditor, is told where)`,
    );
    for (const read of READS) {
      const answer = await api.call('GET', `/v1/hsb/cases/case-1${read}`, undefined, schoolRep.id);
      for (const hidden of ['Section47', '@3', 'revision 3', 'position'])
        expect(answer.text).not.toContain(hidden);
    }
  });

  it('given the section 47 decision altered, when the allocated social worker reads the case, then 503 locates the break at that event', async () => {
    const api = await serve(await storeWithCase('worker'));
    await expectUnavailable(
      api,
      socialWorker.id,
      `${STREAM}@3: the stream's hash chain breaks here: stream "${STREAM}" revision 3: stored bytes no longer match the recorded hash`,
    );
  });
});
