/**
 * The reads of one case check the case's own hash chain (`streamDamage`, the check the
 * CLI's `timeline`, `report` and `audit STREAM` run too): a row of a case moved to another
 * stream, deleted or altered in the store — here a SQLite store changed with plain SQL — makes
 * `get`, `events` and `timeline` `Unavailable` (corrupt history) located where the chain breaks
 * (`stream@revision`), instead of a case shown without the row or with it changed. Intact cases
 * read as before.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import {
  encryptingEventStore,
  localMasterKey,
  openKeyVault,
  personalFieldsByModule,
  type KeyVault,
} from '@aimline/governance';
import { openSqliteEventStore, type SqliteEventStore } from '@aimline/store-sqlite';
import {
  deleteSqliteRowForTesting,
  moveSqliteRowForTesting,
  tamperSqliteForTesting,
} from '@aimline/store-sqlite/testing';
import { createAimline, defaultCouncilPolicy, domainRegistry, type Aimline } from '../src/index.js';
import { hsbChild, reportConcern, socialWorker } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'aimline-stream-chain-'));
let opened: SqliteEventStore[] = [];
afterEach(async () => {
  for (const store of opened) await store.dispose();
  opened = [];
});

const ASOF = '2026-06-02T09:00:00Z';
/** Aimline over the SQLite store at `path`; with `vault`, over the encrypting store on it. */
const open = (path: string, vault?: KeyVault): Aimline => {
  const sqlite = openSqliteEventStore(path);
  opened.push(sqlite);
  const store =
    vault === undefined
      ? sqlite
      : encryptingEventStore(
          sqlite,
          vault,
          personalFieldsByModule(domainRegistry(defaultCouncilPolicy()).modules),
        );
  return createAimline({ store, clock: () => '2026-06-01T17:05:00Z', processes: 'manual' });
};

/** Cases `case-1`, `case-2`, `case-3` of three events each (revisions 0, 1, 2) in a new store. */
const storeWithCases = async (name: string, vault?: KeyVault): Promise<string> => {
  const path = join(dir, `${name}.db`);
  const aimline = open(path, vault);
  for (const caseId of ['case-1', 'case-2', 'case-3']) {
    for (const command of [
      reportConcern(caseId),
      {
        type: 'HoldStrategyDiscussion' as const,
        at: '2026-06-01T15:00:00Z',
        data: {
          caseId,
          discussionId: 'sd-1',
          forChild: 'alleged-child' as const,
          participants: [
            {
              id: 'pc-7',
              name: 'Officer Sky Notreal',
              role: 'investigating officer',
              agency: 'police' as const,
            },
            {
              id: 'sw-7',
              name: 'Morgan Madeup',
              role: 'social worker',
              agency: 'childrens-social-care' as const,
            },
          ],
        },
      },
      {
        type: 'DecideRoute' as const,
        at: '2026-06-01T16:00:00Z',
        data: { caseId, route: 'child-protection' as const, temporaryRiskStrategy: 'Invented.' },
      },
    ]) {
      const result = await aimline.hsb.execute(socialWorker, command);
      expect(result.kind, JSON.stringify(result)).toBe('Accepted');
    }
  }
  for (const store of opened) await store.dispose();
  opened = [];
  return path;
};

/** `get`, `events` and `timeline` of one case, as the social worker allocated to it. */
const readsOf = async (aimline: Aimline, id: string) => [
  await aimline.hsb.get(socialWorker, id, { asOf: ASOF }),
  await aimline.hsb.events(socialWorker, id, { asOf: ASOF }),
  await aimline.hsb.timeline(socialWorker, id, { asOf: ASOF }),
];

const brokenAt = (stream: string, revision: number, why: string) => ({
  kind: 'Unavailable',
  cause: 'corrupt-history',
  reason: `${stream}@${revision}: the stream's hash chain breaks here: stream "${stream}" revision ${revision}: ${why}`,
});

describe('the reads of one case check its hash chain', () => {
  it('given a row of a case moved to the end of another case, when either case is read, then each is corrupt history located where its chain breaks', async () => {
    const path = await storeWithCases('moved');
    moveSqliteRowForTesting(
      path,
      { stream: 'hsb-case-case-1', revision: 1 },
      { stream: 'hsb-case-case-2', revision: 3 },
    );
    const aimline = open(path);
    for (const read of await readsOf(aimline, 'case-1'))
      expect(read).toEqual(brokenAt('hsb-case-case-1', 2, 'expected revision 1'));
    for (const read of await readsOf(aimline, 'case-2'))
      expect(read).toEqual(brokenAt('hsb-case-case-2', 3, 'prevHash does not link to revision 2'));
    for (const read of await readsOf(aimline, 'case-3')) expect(read.kind).toBe('Found');
  });

  it('given a row of a case deleted, when the case is read, then it is corrupt history located at the revision after the gap', async () => {
    const path = await storeWithCases('deleted');
    deleteSqliteRowForTesting(path, { stream: 'hsb-case-case-1', revision: 1 });
    const aimline = open(path);
    for (const read of await readsOf(aimline, 'case-1'))
      expect(read).toEqual(brokenAt('hsb-case-case-1', 2, 'expected revision 1'));
    for (const read of await readsOf(aimline, 'case-2')) expect(read.kind).toBe('Found');
  });

  it('given the last event of a case deleted (its route decision), when the case is read, then it is corrupt history located at the missing revision and the position the store recorded for it', async () => {
    const path = await storeWithCases('tail-deleted');
    deleteSqliteRowForTesting(path, { stream: 'hsb-case-case-1', revision: 2 });
    const aimline = open(path);
    for (const read of await readsOf(aimline, 'case-1'))
      expect(read).toEqual({
        kind: 'Unavailable',
        cause: 'corrupt-history',
        reason:
          'hsb-case-case-1@2: events are missing from the end of the stream: the store recorded an event of it at position 3, and its stored events end at revision 1 (position 2)',
      });
    for (const read of await readsOf(aimline, 'case-2')) expect(read.kind).toBe('Found');
  });

  it('given a row of a case altered to other values that still read (a time moved), when the case is read, then it is corrupt history located at the altered event, naming no personal value', async () => {
    const path = await storeWithCases('altered');
    tamperSqliteForTesting(path, 'hsb-case-case-1', 0, (row) => ({
      ...row,
      metadata: JSON.stringify({
        ...(JSON.parse(row.metadata) as object),
        occurredAt: '2026-06-01T08:59:00Z',
      }),
    }));
    const aimline = open(path);
    for (const read of await readsOf(aimline, 'case-1')) {
      expect(read).toEqual(
        brokenAt('hsb-case-case-1', 0, 'stored bytes no longer match the recorded hash'),
      );
      for (const value of [hsbChild.name, hsbChild.dateOfBirth, hsbChild.school])
        expect(JSON.stringify(read)).not.toContain(value);
    }
    for (const read of await readsOf(aimline, 'case-3')) expect(read.kind).toBe('Found');
  });

  it('given history as it was written, when each case is read, then it is found with all its events', async () => {
    const path = await storeWithCases('intact');
    const aimline = open(path);
    for (const id of ['case-1', 'case-2', 'case-3']) {
      expect(await aimline.hsb.get(socialWorker, id, { asOf: ASOF })).toMatchObject({
        kind: 'Found',
        value: { revision: 2 },
      });
      const events = await aimline.hsb.events(socialWorker, id, { asOf: ASOF });
      expect(events.kind === 'Found' && events.value.map((e) => e.revision)).toEqual([0, 1, 2]);
      expect((await aimline.hsb.timeline(socialWorker, id, { asOf: ASOF })).kind).toBe('Found');
    }
  });

  it('given the encrypting store (personal fields sealed in the rows), when intact cases are read, then they are found; when a sealed row is altered, the case is corrupt history located at it', async () => {
    const vault = await openKeyVault(':memory:', localMasterKey(randomBytes(32)), 'create');
    const path = await storeWithCases('encrypted', vault);
    const aimline = open(path, vault);
    for (const read of await readsOf(aimline, 'case-1')) expect(read.kind).toBe('Found');
    tamperSqliteForTesting(path, 'hsb-case-case-2', 0, (row) => ({
      ...row,
      metadata: JSON.stringify({
        ...(JSON.parse(row.metadata) as object),
        occurredAt: '2026-06-01T08:59:00Z',
      }),
    }));
    for (const read of await readsOf(aimline, 'case-2'))
      expect(read).toEqual(
        brokenAt('hsb-case-case-2', 0, 'stored bytes no longer match the recorded hash'),
      );
    for (const read of await readsOf(aimline, 'case-3')) expect(read.kind).toBe('Found');
  });
});

describe('the list of cases checks the history of each case it lists', () => {
  it('given a row of one case altered and the last event of another deleted, when the cases are listed, then the list is corrupt history naming both where they are', async () => {
    const path = await storeWithCases('listed');
    tamperSqliteForTesting(path, 'hsb-case-case-1', 1, (row) => ({
      ...row,
      metadata: JSON.stringify({
        ...(JSON.parse(row.metadata) as object),
        occurredAt: '2026-06-01T14:59:00Z',
      }),
    }));
    deleteSqliteRowForTesting(path, { stream: 'hsb-case-case-3', revision: 2 });
    const listed = await open(path).hsb.list(socialWorker, { asOf: ASOF });
    expect(listed).toEqual({
      kind: 'Unavailable',
      cause: 'corrupt-history',
      reason:
        `hsb-case-case-1@1: the stream's hash chain breaks here: stream "hsb-case-case-1" revision 1: stored bytes no longer match the recorded hash; ` +
        'hsb-case-case-3@2: events are missing from the end of the stream: the store recorded an event of it at position 9, and its stored events end at revision 1 (position 8)',
    });
  });

  it('given history as it was written, when the cases are listed, then every case is listed', async () => {
    const listed = await open(await storeWithCases('listed-intact')).hsb.list(socialWorker, {
      asOf: ASOF,
    });
    expect(listed.kind === 'Found' && listed.value.map((c) => [c.id, c.revision])).toEqual([
      ['case-1', 2],
      ['case-2', 2],
      ['case-3', 2],
    ]);
  });
});
