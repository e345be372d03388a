import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import {
  collect,
  chainEvents,
  GENESIS_HASH,
  IdempotencyConflictError,
  type EventToAppend,
} from '@aimline/kernel';
import { sampleEvent } from '@aimline/kernel/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteEventStore, SCHEMA_VERSION } from '../src/index.js';
import { createStoreAtSchemaVersion } from '../src/testing/index.js';

const dir = mkdtempSync(join(tmpdir(), 'aimline-sqlite-migrations-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/**
 * A store as schema version 1 wrote it (before command fingerprints): the event log and
 * checkpoints, and two events of one command whose metadata has no fingerprint.
 */
const schemaOneStore = (): { path: string; commandId: string } => {
  const path = join(dir, `v1-${n++}.db`);
  createStoreAtSchemaVersion(path, 1);
  const db = new Database(path);
  const first = sampleEvent(1);
  const { commandFingerprint: _f, ...legacy } = first.metadata;
  const events = [first, sampleEvent(2)].map((e) => ({ ...e, metadata: legacy }));
  const insert = db.prepare(
    'INSERT INTO events (id, stream, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  // chainEvents hashes whatever metadata it is given: here, metadata as schema 1 wrote it.
  for (const e of chainEvents('legacy-1', undefined, GENESIS_HASH, events as EventToAppend[]))
    insert.run(
      e.id,
      e.stream,
      e.revision,
      e.type,
      e.schemaVersion,
      JSON.stringify(e.data),
      JSON.stringify(e.metadata),
    );
  db.close();
  return { path, commandId: legacy.commandId };
};

describe('SqliteEventStore: migrating a store of schema version 1', () => {
  it('indexes the commands already recorded, without a fingerprint, and refuses a reuse of their ids', async () => {
    const { path, commandId } = schemaOneStore();
    const store = openSqliteEventStore(path);
    try {
      expect(await store.streamRevision('legacy-1')).toBe(1);
      const retry = sampleEvent(3);
      const error = await store
        .append(
          'legacy-1',
          [{ ...retry, metadata: { ...retry.metadata, commandId: commandId.toUpperCase() } }],
          { expectedRevision: 'any' },
        )
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect(error).toBeInstanceOf(IdempotencyConflictError);
      expect(error).toMatchObject({
        commandId: commandId.toUpperCase(),
        firstRecorded: { stream: 'legacy-1', revision: 0, position: 1n, fingerprint: undefined },
      });
      expect((await collect(store.readAll())).length).toBe(2);
    } finally {
      await store.dispose();
    }
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.close();
  });
});
