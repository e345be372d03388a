/**
 * The HTTP reads of one case (`GET /v1/hsb/cases/{id}`, `…/events`, `…/timeline`) over a store
 * whose rows were changed behind Aimline's back (SQLite, plain SQL): the case's own hash chain
 * breaks, and the answer is 503 corrupt history (not retryable) naming the stream and revision
 * where it breaks — never a 500, never a case shown without the row or with it changed, and no
 * personal value of the case in the answer or the request log. Intact cases answer 200 as before.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAimline } from '@aimline/aimline';
import { openSqliteEventStore, type SqliteEventStore } from '@aimline/store-sqlite';
import {
  deleteSqliteRowForTesting,
  moveSqliteRowForTesting,
  tamperSqliteForTesting,
} from '@aimline/store-sqlite/testing';
import { socialWorker, startApi, type TestApi } from './support/api.js';

const child = {
  childId: 'child-w1',
  name: 'Riley Inventedname',
  dateOfBirth: '2017-02-14',
  school: 'Maple Lane Primary',
};
const PERSONAL = [child.name, child.dateOfBirth, child.school, 'Officer Sky Notreal'];
const NOW = '2026-06-01T17:05:00Z';

const dir = mkdtempSync(join(tmpdir(), 'aimline-http-chain-'));
let running: { api: TestApi; store: SqliteEventStore } | undefined;
afterEach(async () => {
  await running?.api.close();
  await running?.store.dispose();
  running = undefined;
});

/** `case-1` and `case-2`, three events each (revisions 0, 1, 2), in a new SQLite store. */
const storeWithCases = async (name: string): Promise<string> => {
  const path = join(dir, `${name}.db`);
  const store = openSqliteEventStore(path);
  const aimline = createAimline({ store, clock: () => NOW, processes: 'manual' });
  for (const caseId of ['case-1', 'case-2'])
    for (const command of [
      {
        type: 'ReportConcern',
        at: '2026-06-01T09:00:00Z',
        data: {
          caseId,
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
          caseId,
          discussionId: 'sd-1',
          forChild: 'alleged-child',
          participants: [
            { id: 'pc-7', name: PERSONAL[3], role: 'investigating officer', agency: 'police' },
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
        data: { caseId, route: 'child-protection', temporaryRiskStrategy: 'Invented.' },
      },
    ] as const) {
      const result = await aimline.hsb.execute(socialWorker, command as never);
      expect(result.kind, JSON.stringify(result)).toBe('Accepted');
    }
  await aimline.close();
  await store.dispose();
  return path;
};

const serve = async (path: string): Promise<TestApi> => {
  const store = openSqliteEventStore(path);
  const api = await startApi({ store, aimline: { processes: 'manual' } });
  api.clock.now = NOW;
  running = { api, store };
  return api;
};

const READS = ['', '/events', '/timeline'];

/** Each read of the case answers 503 corrupt history located at `stream@revision`. */
const expectBrokenAt = async (api: TestApi, id: string, revision: number, why: string) => {
  const stream = `hsb-case-${id}`;
  for (const read of READS) {
    const answer = await api.call('GET', `/v1/hsb/cases/${id}${read}`);
    expect([read, answer.status]).toEqual([read, 503]);
    expect(answer.json).toEqual({
      type: 'urn:aimline:problem:unavailable',
      title: 'Unavailable',
      status: 503,
      detail: `${stream}@${revision}: the stream's hash chain breaks here: stream "${stream}" revision ${revision}: ${why}`,
      retryable: false,
    });
    for (const value of PERSONAL) expect(answer.text).not.toContain(value);
  }
  for (const value of PERSONAL) expect(JSON.stringify(api.logs)).not.toContain(value);
};

const expectIntact = async (api: TestApi, id: string) => {
  for (const read of READS) {
    const answer = await api.call('GET', `/v1/hsb/cases/${id}${read}`);
    expect([read, answer.status]).toEqual([read, 200]);
  }
  const events = await api.call('GET', `/v1/hsb/cases/${id}/events`);
  expect((JSON.parse(events.text) as Array<{ revision: number }>).map((e) => e.revision)).toEqual([
    0, 1, 2,
  ]);
};

describe("the HTTP reads of one case check the case's hash chain", () => {
  it('given a row of a case moved to the end of another case, when either case is read over HTTP, then each is 503 corrupt history located where its chain breaks', async () => {
    const path = await storeWithCases('moved');
    moveSqliteRowForTesting(
      path,
      { stream: 'hsb-case-case-1', revision: 1 },
      { stream: 'hsb-case-case-2', revision: 3 },
    );
    const api = await serve(path);
    await expectBrokenAt(api, 'case-1', 2, 'expected revision 1');
    await expectBrokenAt(api, 'case-2', 3, 'prevHash does not link to revision 2');
  });

  it('given a row of a case deleted, when it is read over HTTP, then it is 503 corrupt history located after the gap; the other case reads as before', async () => {
    const path = await storeWithCases('deleted');
    deleteSqliteRowForTesting(path, { stream: 'hsb-case-case-1', revision: 1 });
    const api = await serve(path);
    await expectBrokenAt(api, 'case-1', 2, 'expected revision 1');
    await expectIntact(api, 'case-2');
  });

  it('given a row of a case altered to values that still read (a time moved), when it is read over HTTP, then it is 503 corrupt history located at the altered event; the other case reads as before', async () => {
    const path = await storeWithCases('altered');
    tamperSqliteForTesting(path, 'hsb-case-case-1', 0, (row) => ({
      ...row,
      metadata: JSON.stringify({
        ...(JSON.parse(row.metadata) as object),
        occurredAt: '2026-06-01T08:59:00Z',
      }),
    }));
    const api = await serve(path);
    await expectBrokenAt(api, 'case-1', 0, 'stored bytes no longer match the recorded hash');
    await expectIntact(api, 'case-2');
  });
});
