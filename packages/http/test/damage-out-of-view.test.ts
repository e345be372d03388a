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
import { openSqliteEventStore, type SqliteEventStore } from '@aimline/store-sqlite';
import {
  retypeSqliteColumnForTesting,
  tamperSqliteForTesting,
} from '@aimline/store-sqlite/testing';
import {
  HIDDEN,
  RECORDED,
  STREAM,
  schoolRep,
  sqliteStoreWithHiddenDecision,
} from '../../aimline/test/hidden-decision.js';
import { socialWorker, startApi, type TestApi } from './support/api.js';

const NOW = RECORDED;
const READS = ['', '/events', '/timeline'];

const dir = mkdtempSync(join(tmpdir(), 'aimline-http-out-of-view-'));
let running: { api: TestApi; store: SqliteEventStore } | undefined;
afterEach(async () => {
  await running?.api.close();
  await running?.store.dispose();
  running = undefined;
});

/**
 * `case-1` (`hidden-decision.ts` of `@aimline/aimline`'s tests: its section 47 decision, revision
 * 3, is one a school representative may not see), its decision's row then damaged by `damage`.
 */
const storeWithCase = async (name: string, damage: (path: string) => void): Promise<string> => {
  const path = join(dir, `${name}.db`);
  await sqliteStoreWithHiddenDecision(path);
  damage(path);
  return path;
};

/** Behind Aimline's back: a time moved in the section 47 decision's row. */
const altered = (path: string): void =>
  tamperSqliteForTesting(path, STREAM, HIDDEN, (row) => ({
    ...row,
    metadata: JSON.stringify({
      ...(JSON.parse(row.metadata) as object),
      occurredAt: '2026-06-01T16:31:00Z',
    }),
  }));

/** Behind Aimline's back: the section 47 decision's data a BLOB, in a schema taken out of STRICT. */
const dataBlob = (path: string): void =>
  retypeSqliteColumnForTesting(
    path,
    { stream: STREAM, revision: HIDDEN },
    'data',
    Buffer.from('{"section47":false}'),
  );

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
    const api = await serve(await storeWithCase('school', altered));
    await expectUnavailable(
      api,
      schoolRep.id,
      `${STREAM}: the history of this stream is damaged at an event this principal may not see (a principal who may see it, such as an auditor, is told where)`,
    );
    for (const read of READS) {
      const answer = await api.call('GET', `/v1/hsb/cases/case-1${read}`, undefined, schoolRep.id);
      for (const hidden of ['Section47', `@${HIDDEN}`, `revision ${HIDDEN}`, 'position'])
        expect(answer.text).not.toContain(hidden);
    }
  });

  it('given the section 47 decision altered, when the allocated social worker reads the case, then 503 locates the break at that event', async () => {
    const api = await serve(await storeWithCase('worker', altered));
    await expectUnavailable(
      api,
      socialWorker.id,
      `${STREAM}@3: the stream's hash chain breaks here: stream "${STREAM}" revision 3: stored bytes no longer match the recorded hash`,
    );
  });

  it("given the section 47 decision's data a BLOB (a schema tampered out of STRICT), when the school representative reads the case, then 503 names the stream alone: no store error naming the row", async () => {
    const api = await serve(await storeWithCase('school-blob', dataBlob));
    await expectUnavailable(
      api,
      schoolRep.id,
      `${STREAM}: the history of this stream is damaged at an event this principal may not see (a principal who may see it, such as an auditor, is told where)`,
    );
    for (const read of READS) {
      const answer = await api.call('GET', `/v1/hsb/cases/case-1${read}`, undefined, schoolRep.id);
      for (const hidden of ['Section47', `@${HIDDEN}`, `revision ${HIDDEN}`, 'position', 'BLOB'])
        expect(answer.text).not.toContain(hidden);
    }
  });
});
