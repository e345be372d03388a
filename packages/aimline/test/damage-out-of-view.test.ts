/**
 * What a principal is told of damaged history at an event their view does not show (need to
 * know hides whole event types from some roles: a school representative never sees a section 47
 * decision). The read is still corrupt history (`Unavailable`), never a case shown as if intact;
 * but the principal who may not see the damaged event is told only that the stream's history is
 * damaged — not the event's type, revision or position, which would tell them that an event
 * they may not see exists, and what kind. A principal who may see it (the allocated social
 * worker, an auditor) is told where it is, as before.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { collect, InMemoryEventStore } from '@aimline/kernel';
import { openEventStoreDbStore } from '@aimline/store-eventstoredb';
import { DAMAGE_OUT_OF_VIEW, MISSING_OUT_OF_VIEW } from '@aimline/projections';
import { openSqliteEventStore, type SqliteEventStore } from '@aimline/store-sqlite';
import {
  deleteSqliteRowForTesting,
  retypeSqliteColumnForTesting,
  tamperSqliteForTesting,
} from '@aimline/store-sqlite/testing';
import { FakeEventStoreDbClient } from '../../store-eventstoredb/test/support/fake-eventstoredb-client.js';
import { createAimline, type Aimline, type Principal } from '../src/index.js';
import { auditor, socialWorker } from './fixtures.js';
import {
  HIDDEN,
  RECORDED,
  STREAM,
  hiddenDecisionCommands,
  schoolRep,
  sqliteStoreWithHiddenDecision,
} from './hidden-decision.js';

const ASOF = '2026-06-02T09:00:00Z';
const NOW = RECORDED;
const commands = hiddenDecisionCommands;

const dir = mkdtempSync(join(tmpdir(), 'aimline-damage-out-of-view-'));
let opened: SqliteEventStore[] = [];
afterEach(async () => {
  for (const store of opened) await store.dispose();
  opened = [];
});

const open = (path: string): Aimline => {
  const store = openSqliteEventStore(path);
  opened.push(store);
  return createAimline({ store, clock: () => NOW, processes: 'manual' });
};

/** A SQLite store holding `case-1`, closed again (for damage done behind Aimline's back). */
const storeWithCase = async (name: string): Promise<string> => {
  const path = join(dir, `${name}.db`);
  await sqliteStoreWithHiddenDecision(path);
  return path;
};

/** A time moved in the stored row at `revision` of `case-1`: its bytes no longer match its hash. */
const alter = (path: string, revision: number): void =>
  tamperSqliteForTesting(path, STREAM, revision, (row) => ({
    ...row,
    metadata: JSON.stringify({
      ...(JSON.parse(row.metadata) as object),
      occurredAt: '2026-06-01T16:31:00Z',
    }),
  }));

const readsOf = async (aimline: Aimline, who: Principal) => [
  await aimline.hsb.get(who, 'case-1', { asOf: ASOF }),
  await aimline.hsb.events(who, 'case-1', { asOf: ASOF }),
  await aimline.hsb.timeline(who, 'case-1', { asOf: ASOF }),
];

const outOfView = {
  kind: 'Unavailable',
  cause: 'corrupt-history',
  reason: `${STREAM}: ${DAMAGE_OUT_OF_VIEW}`,
};

/** Nothing in `read` names the hidden event: its type, its revision or its position. */
const namesNothingHidden = (read: unknown): void => {
  const text = JSON.stringify(read);
  for (const hidden of ['Section47', `@${HIDDEN}`, `revision ${HIDDEN}`, 'position'])
    expect(text).not.toContain(hidden);
};

describe('damage at an event the principal may not see', () => {
  it('given the school representative sees the concern, discussion and route but not the section 47 decision, when their case is read intact, then those three events are found', async () => {
    const aimline = open(await storeWithCase('intact'));
    const events = await aimline.hsb.events(schoolRep, 'case-1', { asOf: ASOF });
    expect(events.kind === 'Found' && events.value.map((e) => e.revision)).toEqual([0, 1, 2]);
  });

  it("given the section 47 decision's row altered, when the school representative reads the case, then it is corrupt history of the stream alone: not the event's type, revision or position", async () => {
    const path = await storeWithCase('hidden-altered');
    alter(path, HIDDEN);
    const aimline = open(path);
    for (const read of await readsOf(aimline, schoolRep)) {
      expect(read).toEqual(outOfView);
      namesNothingHidden(read);
    }
  });

  it("given the section 47 decision's row altered, when the allocated social worker or an auditor (who may see it) reads the case, then it is located at that event", async () => {
    const path = await storeWithCase('hidden-altered-entitled');
    alter(path, HIDDEN);
    const aimline = open(path);
    for (const who of [socialWorker, auditor])
      for (const read of await readsOf(aimline, who))
        expect(read).toEqual({
          kind: 'Unavailable',
          cause: 'corrupt-history',
          reason: `${STREAM}@${HIDDEN}: the stream's hash chain breaks here: stream "${STREAM}" revision ${HIDDEN}: stored bytes no longer match the recorded hash`,
        });
  });

  it('given an event the school representative may see altered (the concern), when they read the case, then it is located at that event for them too', async () => {
    const path = await storeWithCase('shown-altered');
    alter(path, 0);
    const aimline = open(path);
    for (const read of await readsOf(aimline, schoolRep))
      expect(read).toEqual({
        kind: 'Unavailable',
        cause: 'corrupt-history',
        reason: `${STREAM}@0: the stream's hash chain breaks here: stream "${STREAM}" revision 0: stored bytes no longer match the recorded hash`,
      });
  });

  it('given a section 47 decision stored that does not decode (its chain intact), when the school representative gets the case, reads its events or timeline, or lists cases, then each is corrupt history of the stream alone (never Found without it); the social worker is told where', async () => {
    const store = new InMemoryEventStore();
    const aimline = createAimline({ store, clock: () => NOW, processes: 'manual' });
    for (const command of commands.slice(0, 3))
      expect((await aimline.hsb.execute(socialWorker, command)).kind).toBe('Accepted');
    const id = '00000000-0000-4000-8000-00000000c0de';
    await store.append(
      STREAM,
      [
        {
          id,
          type: 'Section47Decided',
          schemaVersion: 1,
          data: { caseId: 'case-1', section47: 'perhaps' },
          metadata: {
            occurredAt: '2026-06-01T16:30:00Z',
            recordedAt: '2026-06-01T16:30:00Z',
            actor: { id: 'sw-lead-7', role: 'social-worker', agency: 'childrens-social-care' },
            commandId: id,
            correlationId: id,
            causationId: id,
            commandFingerprint: 'f'.repeat(64),
          },
        },
      ],
      { expectedRevision: 2 },
    );
    for (const told of [
      ...(await readsOf(aimline, schoolRep)),
      await aimline.hsb.list(schoolRep, { asOf: ASOF }),
    ]) {
      expect(told).toEqual(outOfView);
      namesNothingHidden(told);
    }
    for (const located of [
      ...(await readsOf(aimline, socialWorker)),
      await aimline.hsb.list(socialWorker, { asOf: ASOF }),
    ])
      expect(located).toMatchObject({
        kind: 'Unavailable',
        cause: 'corrupt-history',
        reason: expect.stringMatching(
          new RegExp(`^${STREAM}@${HIDDEN}: .*Section47Decided`),
        ) as unknown,
      });
  });

  it('given the section 47 decision (the last event) deleted from the store, when the school representative reads the case, then it is events missing from the end of the stream alone (a missing event of unknown type is not theirs to place, nor known to be one they may not see); the social worker is told where', async () => {
    const path = await storeWithCase('hidden-tail-deleted');
    deleteSqliteRowForTesting(path, { stream: STREAM, revision: HIDDEN });
    const aimline = open(path);
    for (const read of await readsOf(aimline, schoolRep)) {
      expect(read).toEqual({ ...outOfView, reason: `${STREAM}: ${MISSING_OUT_OF_VIEW}` });
      namesNothingHidden(read);
    }
    for (const read of await readsOf(aimline, socialWorker))
      expect(read).toMatchObject({
        kind: 'Unavailable',
        cause: 'corrupt-history',
        reason: expect.stringMatching(
          new RegExp(`^${STREAM}@${HIDDEN}: events are missing from the end of the stream`),
        ) as unknown,
      });
  });
});

/**
 * On SQLite, a row whose columns are not of their types (a schema tampered out of STRICT). The
 * store used to fail the read with a `CorruptStoreError` naming the row's stream and revision,
 * which reached the school representative as the reason: the place of a section 47 decision they
 * may not see. Now such a row is an event its readers refuse (its stream and revision readable),
 * or, without a place, left out of every read, its stream read with that event missing; either
 * way the reads tell it as the principal's view allows.
 */
describe('a SQLite row whose columns are not of their types, at an event the principal may not see', () => {
  const HIDDEN_PLACE = { stream: STREAM, revision: HIDDEN };

  it("given the section 47 decision's data a BLOB, when the school representative reads the case, then it is corrupt history of the stream alone; the social worker is told where", async () => {
    const path = await storeWithCase('hidden-data-blob');
    retypeSqliteColumnForTesting(path, HIDDEN_PLACE, 'data', Buffer.from('{"section47":false}'));
    const aimline = open(path);
    for (const read of await readsOf(aimline, schoolRep)) {
      expect(read).toEqual(outOfView);
      namesNothingHidden(read);
    }
    for (const read of await readsOf(aimline, socialWorker))
      expect(read).toMatchObject({
        kind: 'Unavailable',
        cause: 'corrupt-history',
        reason: expect.stringMatching(new RegExp(`^${STREAM}@${HIDDEN}: `)) as unknown,
      });
  });

  it("given the section 47 decision's revision text (the row has no place), when the school representative reads the case, then it is events missing from the end of the stream alone; the social worker is told where", async () => {
    const path = await storeWithCase('hidden-revision-text');
    retypeSqliteColumnForTesting(path, HIDDEN_PLACE, 'revision', 'three');
    const aimline = open(path);
    for (const read of await readsOf(aimline, schoolRep)) {
      expect(read).toEqual({ ...outOfView, reason: `${STREAM}: ${MISSING_OUT_OF_VIEW}` });
      namesNothingHidden(read);
    }
    for (const read of await readsOf(aimline, socialWorker))
      expect(read).toMatchObject({
        kind: 'Unavailable',
        cause: 'corrupt-history',
        reason: expect.stringMatching(
          new RegExp(`^${STREAM}@${HIDDEN}: events are missing from the end of the stream`),
        ) as unknown,
      });
  });
});

/**
 * On EventStoreDB, a hidden event whose stored bytes are damaged (its data no longer JSON) is an
 * event its readers refuse, as on SQLite: the reads see it through the principal's view and tell
 * it as that view allows, never a store error that names where it is (over the fake client).
 */
describe('damage at an event the principal may not see, on EventStoreDB', () => {
  /** `case-1` on an EventStoreDB store, its section 47 decision's data overwritten with bytes. */
  const damagedOnEventStoreDb = async (): Promise<Aimline> => {
    const fake = new FakeEventStoreDbClient();
    const store = openEventStoreDbStore(fake);
    const aimline = createAimline({ store, clock: () => NOW, processes: 'manual' });
    for (const command of commands.slice(0, 3))
      expect((await aimline.hsb.execute(socialWorker, command)).kind).toBe('Accepted');
    // The decision as another writer stored it: its metadata an Aimline event's, its data not JSON.
    const [route] = await collect(
      store.readStream(STREAM, { direction: 'backwards', maxCount: 1 }),
    );
    await fake.appendToStream(
      STREAM,
      [
        {
          id: randomUUID(),
          contentType: 'application/octet-stream',
          type: 'Section47Decided',
          data: new TextEncoder().encode('{"caseId":"case-1","section47":fal'),
          metadata: { ...route!.metadata, prevHash: route!.metadata.hash, schemaVersion: 1 },
        },
      ],
      { expectedRevision: BigInt(HIDDEN - 1) },
    );
    return aimline;
  };

  it('given the section 47 decision stored with data that is not JSON, when the school representative reads the case, then it is corrupt history of the stream alone: no store error naming the event', async () => {
    const aimline = await damagedOnEventStoreDb();
    for (const read of await readsOf(aimline, schoolRep)) {
      expect(read).toEqual(outOfView);
      namesNothingHidden(read);
    }
  });

  it('given the section 47 decision stored with data that is not JSON, when the allocated social worker reads the case, then it is located at that event', async () => {
    const aimline = await damagedOnEventStoreDb();
    for (const read of await readsOf(aimline, socialWorker))
      expect(read).toMatchObject({
        kind: 'Unavailable',
        cause: 'corrupt-history',
        reason: expect.stringMatching(new RegExp(`^${STREAM}@${HIDDEN}: `)) as unknown,
      });
  });
});
